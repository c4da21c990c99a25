import { Component, inject, signal } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { CustomFieldGroup, CustomFieldInputs, customFieldValues, formCustomFields } from '../../shared/custom-fields';
import { FieldError } from '../../shared/field-error';
import { Customer, CustomersApi, SaveCustomer } from './customers.api';

@Component({
  selector: 'bs-customer-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError, CustomFieldInputs],
  template: `
    <h2 mat-dialog-title>{{ (customer ? 'customers.edit' : 'customers.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        @for (field of fields; track field) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'customers.' + field | translate }}</mat-label>
            <input matInput [formControlName]="field" [attr.data-testid]="'customer-' + field" />
            <mat-error><bs-field-error [control]="form.get(field)!" /></mat-error>
          </mat-form-field>
        }
        <bs-custom-field-inputs [fields]="customFields()" [group]="form.controls.customFields" />
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="customer-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class CustomerDialog {
  protected readonly customer = inject<Customer | null>(MAT_DIALOG_DATA);
  private readonly api = inject(CustomersApi);
  private readonly ref = inject(MatDialogRef<CustomerDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly fields = ['name', 'creditCode', 'taxId', 'billingAddress', 'bankAccount'] as const;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.customer?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    creditCode: [this.customer?.creditCode ?? '', [Validators.pattern(/^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/)]],
    taxId: [this.customer?.taxId ?? '', Validators.maxLength(32)],
    billingAddress: [this.customer?.billingAddress ?? '', Validators.maxLength(400)],
    bankAccount: [this.customer?.bankAccount ?? '', Validators.maxLength(200)],
    customFields: new FormGroup({}) as CustomFieldGroup,
  });
  /** The tenant's custom fields of customers, rendered after the built-in ones. */
  protected readonly customFields = formCustomFields('crm.customer', this.customer?.customFields, group => this.form.setControl('customFields', group));

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    // The API types a JSON object's values as `never` (it cannot know the tenant's fields): the server checks them.
    const customFields = customFieldValues(this.form.controls.customFields) as SaveCustomer['customFields'];
    const body = { ...value, creditCode: value.creditCode || null, taxId: value.taxId || null, customFields };
    (this.customer ? this.api.update(this.customer.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
