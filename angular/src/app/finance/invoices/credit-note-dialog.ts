import { Component, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { FinanceApi, Invoice } from '../finance.api';

/** Reverses the whole invoice with a credit note (红字发票); the server refuses it once money arrived. */
@Component({
  selector: 'bs-credit-note-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, CurrencyPipe, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'finance.creditNote.title' | translate: { number: invoice.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <p>{{ 'finance.creditNote.explain' | translate: { amount: (invoice.grossTotal | currency: invoice.currency : 'symbol-narrow') } }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.creditNote.reason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" data-testid="credit-reason"></textarea>
          <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="credit-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="credit-save">{{ 'finance.creditNote.issue' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class CreditNoteDialog {
  protected readonly invoice = inject<Invoice>(MAT_DIALOG_DATA);
  private readonly api = inject(FinanceApi);
  private readonly ref = inject(MatDialogRef<CreditNoteDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({ reason: ['', [Validators.required, Validators.maxLength(400)]] });

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.api.credit(this.invoice.id, this.form.controls.reason.value.trim()).subscribe({
      next: note => this.ref.close(note),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
