import { Component, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { today } from '../../shared/dates';
import { FieldError } from '../../shared/field-error';
import { FinanceApi, Invoice, PaymentMethod, RecordPayment } from '../finance.api';

export interface PaymentForm { amount: number; receivedOn: string; method: PaymentMethod; reference: string; }

/** What the API expects from the form: an empty reference or date is left out rather than sent as text. */
export function toRecordPayment(value: PaymentForm): RecordPayment {
  return { amount: value.amount, receivedOn: value.receivedOn || null, method: value.method, reference: value.reference.trim() || null };
}

/** A bank receipt or cash for one invoice (登记回款); the amount starts at what is still open. */
@Component({
  selector: 'bs-payment-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, CurrencyPipe, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'finance.payment.title' | translate: { number: invoice.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <p class="open">{{ 'finance.outstanding' | translate }}: {{ invoice.outstanding | currency: invoice.currency : 'symbol-narrow' }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payment.amount' | translate }}</mat-label>
          <input matInput type="number" step="0.01" formControlName="amount" data-testid="payment-amount" />
          <span matTextSuffix>{{ invoice.currency }}</span>
          <mat-error data-testid="payment-amount-error"><bs-field-error [control]="form.controls.amount" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payment.receivedOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="receivedOn" data-testid="payment-date" />
          <mat-error><bs-field-error [control]="form.controls.receivedOn" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payment.method' | translate }}</mat-label>
          <mat-select formControlName="method" data-testid="payment-method">
            @for (m of methods; track m) { <mat-option [value]="m" [attr.data-testid]="'method-' + m">{{ 'finance.methods.' + m | translate }}</mat-option> }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.method" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payment.reference' | translate }}</mat-label>
          <input matInput formControlName="reference" data-testid="payment-reference" />
          <mat-error><bs-field-error [control]="form.controls.reference" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="payment-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="payment-save">{{ 'finance.payment.record' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .open { color: #555; margin-top: 0; } .error { color: #b3261e; }`,
})
export class PaymentDialog {
  protected readonly invoice = inject<Invoice>(MAT_DIALOG_DATA);
  private readonly api = inject(FinanceApi);
  private readonly ref = inject(MatDialogRef<PaymentDialog>);
  protected readonly methods: PaymentMethod[] = ['BankTransfer', 'Cash'];
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    amount: [this.invoice.outstanding, [Validators.required, Validators.min(0.01)]],
    receivedOn: [today(), Validators.required],
    method: ['BankTransfer' as PaymentMethod, Validators.required],
    reference: ['', Validators.maxLength(100)],
  });

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.api.recordPayment(this.invoice.id, toRecordPayment(this.form.getRawValue())).subscribe({
      next: payment => this.ref.close(payment),
      // An overpayment comes back as a field error on `amount`, so it shows beside the amount.
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
