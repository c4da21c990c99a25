import { Component, inject, signal } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../core/problem';
import { FieldError } from '../shared/field-error';
import { PurchasingApi, SaveSupplier, Supplier } from './purchasing.api';
import { CustomFieldGroup, CustomFieldInputs, customFieldValues, formCustomFields } from '../shared/custom-fields';

@Component({
  selector: 'bs-supplier-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule, TranslatePipe, FieldError, CustomFieldInputs],
  template: `
    <h2 mat-dialog-title>{{ (supplier ? 'purchasing.suppliers.edit' : 'purchasing.suppliers.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        @for (field of fields; track field) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'purchasing.suppliers.' + field | translate }}</mat-label>
            <input matInput [formControlName]="field" [type]="field === 'paymentTermDays' ? 'number' : 'text'" [attr.data-testid]="'supplier-' + field" />
            <mat-error><bs-field-error [control]="form.get(field)!" /></mat-error>
          </mat-form-field>
        }
        <bs-custom-field-inputs [fields]="customFields()" [group]="form.controls.customFields" />
        <mat-checkbox formControlName="isActive">{{ 'purchasing.suppliers.active' | translate }}</mat-checkbox>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="supplier-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class SupplierDialog {
  protected readonly supplier = inject<Supplier | null>(MAT_DIALOG_DATA);
  private readonly api = inject(PurchasingApi);
  private readonly ref = inject(MatDialogRef<SupplierDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly fields = ['name', 'creditCode', 'taxId', 'bankName', 'bankAccount', 'contactName', 'contactPhone', 'contactEmail', 'paymentTermDays'] as const;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.supplier?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    creditCode: [this.supplier?.creditCode ?? '', [Validators.pattern(/^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/)]],
    taxId: [this.supplier?.taxId ?? '', Validators.maxLength(32)],
    bankName: [this.supplier?.bankName ?? '', Validators.maxLength(100)],
    bankAccount: [this.supplier?.bankAccount ?? '', Validators.maxLength(100)],
    contactName: [this.supplier?.contactName ?? '', Validators.maxLength(100)],
    contactPhone: [this.supplier?.contactPhone ?? '', Validators.maxLength(32)],
    contactEmail: [this.supplier?.contactEmail ?? '', [Validators.email, Validators.maxLength(256)]],
    paymentTermDays: [this.supplier?.paymentTermDays ?? 30, [Validators.required, Validators.min(0), Validators.max(365)]],
    isActive: [this.supplier?.isActive ?? true],
    customFields: new FormGroup({}) as CustomFieldGroup,
  });
  /** The tenant's custom fields of suppliers, after the standard fields. */
  protected readonly customFields = formCustomFields('purchasing.supplier', this.supplier?.customFields, group => this.form.setControl('customFields', group));

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = {
      ...v, creditCode: v.creditCode || null, taxId: v.taxId || null, bankName: v.bankName || null, bankAccount: v.bankAccount || null,
      contactName: v.contactName || null, contactPhone: v.contactPhone || null, contactEmail: v.contactEmail || null,
      paymentTermDays: Number(v.paymentTermDays), currency: this.supplier?.currency ?? null,
      // The API types a JSON object's values as `never` (it cannot know the tenant's fields): the server checks them.
      customFields: customFieldValues(this.form.controls.customFields) as SaveSupplier['customFields'],
    };
    (this.supplier ? this.api.updateSupplier(this.supplier.id, body) : this.api.createSupplier(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
