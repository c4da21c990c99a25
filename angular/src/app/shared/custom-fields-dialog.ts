import { Component, inject, signal } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { applyProblem } from '../core/problem';
import { CustomFieldGroup, CustomFieldInputs, CustomValues, customFieldValues, formCustomFields } from './custom-fields';

/** What the dialog edits: a record's kind, its title and stored values, and how its values are saved (the record's own API). */
export interface CustomFieldsDialogData<T> {
  title: string;
  entityType: string;
  values: unknown;
  save: (values: CustomValues) => Observable<T>;
}

/**
 * The custom fields of a record that has no other edit (a sales order or an invoice comes from its contract); closes with
 * the saved record, or shows the server's field errors beside the inputs.
 */
@Component({
  selector: 'bs-custom-fields-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, TranslatePipe, CustomFieldInputs],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <bs-custom-field-inputs [fields]="customFields()" [group]="form.controls.customFields" />
        @if (error()) { <p class="error" role="alert" data-testid="custom-fields-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="custom-fields-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.error { color: #b3261e; }`,
})
export class CustomFieldsDialog<T> {
  protected readonly data = inject<CustomFieldsDialogData<T>>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CustomFieldsDialog<T>, T>>(MatDialogRef);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = new FormGroup({ customFields: new FormGroup({}) as CustomFieldGroup });
  protected readonly customFields = formCustomFields(this.data.entityType, this.data.values, group => this.form.setControl('customFields', group));

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.data.save(customFieldValues(this.form.controls.customFields)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
