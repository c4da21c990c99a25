import { Component, OnInit, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../core/problem';
import { FieldError } from '../shared/field-error';
import { InventoryApi, StockItem, Warehouse } from './inventory.api';

/** A manual adjustment (库存调整): opening stock, breakage, found goods. Positive lines come in at their unit cost. */
@Component({
  selector: 'bs-adjust-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, MatIconModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'inventory.adjust.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'inventory.warehouse' | translate }}</mat-label>
            <mat-select formControlName="warehouseId" data-testid="adjust-warehouse">
              @for (w of data.warehouses; track w.id) { <mat-option [value]="w.id">{{ w.code }} {{ w.name }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.warehouseId" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'inventory.adjust.reason' | translate }}</mat-label>
            <input matInput formControlName="reason" data-testid="adjust-reason" />
            <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
          </mat-form-field>
        </div>
        <p class="hint">{{ 'inventory.adjust.hint' | translate }}</p>
        @for (line of lines.controls; track line; let i = $index) {
          <div class="row" [formGroup]="line">
            <mat-form-field appearance="outline" class="grow">
              <mat-label>{{ 'inventory.product' | translate }}</mat-label>
              <mat-select formControlName="productId" [attr.data-testid]="'adjust-product-' + i">
                @for (p of items(); track p.productId) { <mat-option [value]="p.productId">{{ p.sku }} {{ p.name }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="small">
              <mat-label>{{ 'inventory.quantity' | translate }}</mat-label>
              <input matInput type="number" formControlName="quantity" [attr.data-testid]="'adjust-quantity-' + i" />
            </mat-form-field>
            <mat-form-field appearance="outline" class="small">
              <mat-label>{{ 'inventory.unitCost' | translate }}</mat-label>
              <input matInput type="number" formControlName="unitCost" [attr.data-testid]="'adjust-cost-' + i" />
            </mat-form-field>
            <button mat-icon-button type="button" (click)="lines.removeAt(i)" [disabled]="lines.length === 1" [attr.aria-label]="'common.delete' | translate">
              <mat-icon>delete</mat-icon>
            </button>
          </div>
        }
        <button mat-button type="button" (click)="addLine()" data-testid="adjust-add-line"><mat-icon>add</mat-icon> {{ 'inventory.adjust.addLine' | translate }}</button>
        @if (error()) { <p class="error" role="alert" data-testid="adjust-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="adjust-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; }
    .row { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; } .grow { flex: 1; min-width: 180px; } .small { width: 120px; }
    .hint { color: #666; margin: 0 0 8px; }
    .error { color: #b3261e; }
  `,
})
export class AdjustDialog implements OnInit {
  protected readonly data = inject<{ warehouses: Warehouse[] }>(MAT_DIALOG_DATA);
  private readonly api = inject(InventoryApi);
  private readonly ref = inject(MatDialogRef<AdjustDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly items = signal<StockItem[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly lines = new FormArray([this.line()]);
  protected readonly form = this.fb.group({
    warehouseId: [this.data.warehouses.length === 1 ? this.data.warehouses[0].id : '', Validators.required],
    reason: ['', [Validators.required, Validators.maxLength(400)]],
    lines: this.lines,
  });

  ngOnInit(): void {
    this.api.items({ skip: 0, take: 1000 }).subscribe(page => this.items.set(page.items.filter(i => i.isTracked)));
  }

  private line() {
    return this.fb.group({
      productId: ['', Validators.required],
      quantity: [0, [Validators.required]],
      unitCost: [null as number | null, [Validators.min(0)]],
    });
  }

  addLine(): void { this.lines.push(this.line()); }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    this.api.adjust({ warehouseId: value.warehouseId, occurredOn: null, reason: value.reason.trim(), lines: value.lines }).subscribe({
      next: () => this.ref.close(true),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
