import { HttpErrorResponse } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../core/problem';
import { Session } from '../core/session';
import { FieldError } from '../shared/field-error';
import { BillLineMatch, EnterBill, PurchaseOrder, PurchasingApi } from './purchasing.api';
import { Permissions } from '../core/api/permissions';

/**
 * A supplier bill (进项发票) against an order, with the three-way match per line as the clerk checks it: price against the order,
 * quantity against what was received and not yet billed. A mismatch blocks posting unless overridden with a reason (permission).
 */
@Component({
  selector: 'bs-bill-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule, MatIconModule, TranslatePipe,
    FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'purchasing.bills.enter' | translate }} · {{ order.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'purchasing.bills.supplierInvoiceNumber' | translate }}</mat-label>
            <input matInput formControlName="supplierInvoiceNumber" data-testid="bill-invoice-number" />
            <mat-error><bs-field-error [control]="form.controls.supplierInvoiceNumber" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'purchasing.bills.billDate' | translate }}</mat-label>
            <input matInput type="date" formControlName="billDate" data-testid="bill-date" />
          </mat-form-field>
        </div>
        <div formArrayName="lines">
          @for (line of form.controls.lines.controls; track line; let i = $index) {
            <div class="line" [formGroupName]="i" [attr.data-testid]="'bill-line-' + i">
              <span class="desc">{{ order.lines[i].description }}<br />
                <small>{{ 'purchasing.bills.ordered' | translate }} {{ order.lines[i].unitPrice }} · {{ 'purchasing.lines.received' | translate }} {{ order.lines[i].receivedQuantity }}
                  · {{ 'purchasing.lines.billed' | translate }} {{ order.lines[i].billedQuantity }}</small></span>
              <mat-form-field appearance="outline" class="narrow">
                <mat-label>{{ 'purchasing.lines.quantity' | translate }}</mat-label>
                <input matInput type="number" formControlName="quantity" [attr.data-testid]="'bill-quantity-' + i" />
              </mat-form-field>
              <mat-form-field appearance="outline" class="narrow">
                <mat-label>{{ 'purchasing.lines.unitPrice' | translate }}</mat-label>
                <input matInput type="number" step="0.01" formControlName="unitPrice" [attr.data-testid]="'bill-price-' + i" />
              </mat-form-field>
              @if (match()[order.lines[i].id]; as m) {
                <span class="result" [class.bad]="!m.priceMatched || !m.quantityMatched" [attr.data-testid]="'bill-match-' + i">
                  <mat-icon>{{ m.priceMatched && m.quantityMatched ? 'check_circle' : 'error' }}</mat-icon>
                  @if (!m.priceMatched) { {{ 'purchasing.bills.priceMismatch' | translate: { ordered: m.orderedUnitPrice } }} }
                  @if (!m.quantityMatched) { {{ 'purchasing.bills.quantityMismatch' | translate: { open: m.receivedQuantity - m.billedBefore } }} }
                  @if (m.priceMatched && m.quantityMatched) { {{ 'purchasing.bills.matched' | translate }} }
                </span>
              }
            </div>
          }
        </div>
        @if (mismatch() && canOverride) {
          <mat-checkbox formControlName="override" data-testid="bill-override">{{ 'purchasing.bills.override' | translate }}</mat-checkbox>
          @if (form.controls.override.value) {
            <mat-form-field appearance="outline" class="wide">
              <mat-label>{{ 'purchasing.bills.overrideReason' | translate }}</mat-label>
              <input matInput formControlName="overrideReason" data-testid="bill-override-reason" />
              <mat-error><bs-field-error [control]="form.controls.overrideReason" /></mat-error>
            </mat-form-field>
          }
        }
        @if (error()) { <p class="error" role="alert" data-testid="bill-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-stroked-button type="button" (click)="check()" data-testid="bill-check">{{ 'purchasing.bills.check' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="bill-save">{{ 'purchasing.bills.post' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .row, .line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; } .narrow { width: 110px; } .desc { min-width: 200px; flex: 1; }
    .wide { width: 100%; } .result { display: inline-flex; align-items: center; gap: 4px; color: #1b5e20; } .result.bad, .error { color: #b3261e; }
  `,
})
export class BillDialog {
  protected readonly order = inject<PurchaseOrder>(MAT_DIALOG_DATA);
  private readonly api = inject(PurchasingApi);
  private readonly ref = inject(MatDialogRef<BillDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly canOverride = inject(Session).isGranted(Permissions.PurchasingBillsOverride);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly match = signal<Record<string, BillLineMatch>>({});
  protected readonly mismatch = signal(false);
  protected readonly form = this.fb.group({
    supplierInvoiceNumber: ['', [Validators.required, Validators.maxLength(64)]],
    billDate: [new Date().toISOString().slice(0, 10), Validators.required],
    // What is received and not yet billed, at the agreed price, is what a matching bill says.
    lines: this.fb.array(this.order.lines.map(l => this.fb.group({
      quantity: [Math.max(0, l.receivedQuantity - l.billedQuantity), [Validators.min(0)]],
      unitPrice: [l.unitPrice, [Validators.min(0)]],
    }))),
    override: [false],
    overrideReason: [''],
  });

  check(): void {
    this.error.set('');
    this.api.matchBill(this.body()).subscribe({ next: m => this.show(m.lines), error: e => this.error.set(applyProblem(this.form, e)) });
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    this.api.enterBill(this.body()).subscribe({
      next: bill => this.ref.close(bill),
      error: e => {
        // A refused match answers with its lines: show them beside the inputs.
        const lines = e instanceof HttpErrorResponse ? (e.error?.lines as BillLineMatch[] | undefined) : undefined;
        if (lines) this.show(lines);
        this.error.set(applyProblem(this.form, e));
        this.busy.set(false);
      },
    });
  }

  private body(): EnterBill {
    const v = this.form.getRawValue();
    return {
      orderId: this.order.id, supplierInvoiceNumber: v.supplierInvoiceNumber, billDate: v.billDate,
      lines: v.lines.map((l, i) => ({ orderLineId: this.order.lines[i].id, quantity: Number(l.quantity) || 0, unitPrice: Number(l.unitPrice) || 0 }))
        .filter(l => l.quantity > 0),
      override: v.override, overrideReason: v.override ? v.overrideReason || null : null,
    };
  }

  private show(lines: BillLineMatch[]): void {
    this.match.set(Object.fromEntries(lines.map(l => [l.orderLineId, l])));
    this.mismatch.set(lines.some(l => !l.priceMatched || !l.quantityMatched));
  }
}
