import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../core/problem';
import { FieldError } from '../shared/field-error';
import { PurchaseOrder, PurchasingApi, Warehouse } from './purchasing.api';

/** Receiving goods (收货验收) against an order: accepted and rejected quantities per line, with a reason for what is rejected. */
@Component({
  selector: 'bs-receipt-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'purchasing.receipts.receive' | translate }} · {{ order.number }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'purchasing.receipts.warehouse' | translate }}</mat-label>
            <mat-select formControlName="warehouseId" data-testid="receipt-warehouse">
              @for (w of warehouses(); track w.id) { <mat-option [value]="w.id" [attr.data-testid]="'warehouse-' + w.name">{{ w.name }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.warehouseId" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'purchasing.receipts.receivedOn' | translate }}</mat-label>
            <input matInput type="date" formControlName="receivedOn" />
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'purchasing.receipts.note' | translate }}</mat-label>
            <input matInput formControlName="note" />
          </mat-form-field>
        </div>
        <div formArrayName="lines">
          @for (line of form.controls.lines.controls; track line; let i = $index) {
            <div class="line" [formGroupName]="i">
              <span class="desc">{{ order.lines[i].description }}<br />
                <small>{{ 'purchasing.lines.quantity' | translate }} {{ order.lines[i].quantity }} · {{ 'purchasing.lines.received' | translate }} {{ order.lines[i].receivedQuantity }}</small></span>
              <mat-form-field appearance="outline" class="narrow">
                <mat-label>{{ 'purchasing.receipts.accepted' | translate }}</mat-label>
                <input matInput type="number" formControlName="acceptedQuantity" [attr.data-testid]="'receipt-accepted-' + i" />
              </mat-form-field>
              <mat-form-field appearance="outline" class="narrow">
                <mat-label>{{ 'purchasing.lines.rejected' | translate }}</mat-label>
                <input matInput type="number" formControlName="rejectedQuantity" [attr.data-testid]="'receipt-rejected-' + i" />
              </mat-form-field>
              <mat-form-field appearance="outline" class="grow">
                <mat-label>{{ 'purchasing.receipts.rejectionReason' | translate }}</mat-label>
                <input matInput formControlName="rejectionReason" [attr.data-testid]="'receipt-reason-' + i" />
              </mat-form-field>
            </div>
          }
        </div>
        @if (error()) { <p class="error" role="alert" data-testid="receipt-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="receipt-save">{{ 'purchasing.receipts.receive' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .row, .line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; } .grow { flex: 1; min-width: 160px; } .narrow { width: 110px; }
    .desc { min-width: 180px; flex: 1; } .error { color: #b3261e; }
  `,
})
export class ReceiptDialog implements OnInit {
  protected readonly order = inject<PurchaseOrder>(MAT_DIALOG_DATA);
  private readonly api = inject(PurchasingApi);
  private readonly ref = inject(MatDialogRef<ReceiptDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly warehouses = signal<Warehouse[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    warehouseId: ['', Validators.required],
    receivedOn: [new Date().toISOString().slice(0, 10)],
    note: [''],
    // What is still open on each line is the default accepted quantity.
    lines: this.fb.array(this.order.lines.map(l => this.fb.group({
      acceptedQuantity: [Math.max(0, l.quantity - l.receivedQuantity), [Validators.min(0)]],
      rejectedQuantity: [0, [Validators.min(0)]],
      rejectionReason: [''],
    }))),
  });

  ngOnInit(): void {
    // Goods usually go to the default warehouse: it is chosen until the keeper picks another; inactive ones take no goods.
    this.api.warehouses().subscribe({
      next: p => {
        const active = p.items.filter(w => w.isActive);
        this.warehouses.set(active);
        const preferred = active.find(w => w.isDefault);
        if (preferred && !this.form.controls.warehouseId.value) this.form.controls.warehouseId.setValue(preferred.id);
      },
      error: e => this.error.set(applyProblem(this.form, e)),
    });
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    const v = this.form.getRawValue();
    this.api.receive(this.order.id, {
      warehouseId: v.warehouseId, receivedOn: v.receivedOn || null, note: v.note || null,
      lines: v.lines.map((l, i) => ({ orderLineId: this.order.lines[i].id, acceptedQuantity: Number(l.acceptedQuantity) || 0,
        rejectedQuantity: Number(l.rejectedQuantity) || 0, rejectionReason: l.rejectionReason || null }))
        .filter(l => l.acceptedQuantity > 0 || l.rejectedQuantity > 0),
    }).subscribe({
      next: receipt => this.ref.close(receipt),
      error: e => { this.error.set(applyProblem(this.form, e)); this.busy.set(false); },
    });
  }
}
