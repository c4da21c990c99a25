import { Component, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { today } from '../../shared/dates';
import { FieldError } from '../../shared/field-error';
import { FinanceApi, Payable } from '../finance.api';

/** Pays a payable in full by bank transfer (付款); the payment voucher is posted by itself. */
@Component({
  selector: 'bs-pay-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, CurrencyPipe, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'finance.payables.payTitle' | translate: { number: payable.number } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <p class="amount">{{ payable.payeeName }} · {{ payable.amount | currency: payable.currency : 'symbol-narrow' }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payables.paidOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="paidOn" data-testid="pay-date" />
          <mat-error><bs-field-error [control]="form.controls.paidOn" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'finance.payment.reference' | translate }}</mat-label>
          <input matInput formControlName="reference" data-testid="pay-reference" />
          <mat-error><bs-field-error [control]="form.controls.reference" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="pay-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="pay-save">{{ 'finance.payables.pay' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .amount { margin-top: 0; } .error { color: #b3261e; }`,
})
export class PayDialog {
  protected readonly payable = inject<Payable>(MAT_DIALOG_DATA);
  private readonly api = inject(FinanceApi);
  private readonly ref = inject(MatDialogRef<PayDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    paidOn: [today(), Validators.required],
    reference: ['', Validators.maxLength(100)],
  });

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const { paidOn, reference } = this.form.getRawValue();
    this.api.pay(this.payable.id, { paidOn, reference: reference.trim() || null }).subscribe({
      next: paid => this.ref.close(paid),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
