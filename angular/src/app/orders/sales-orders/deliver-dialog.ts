import { Component, inject, signal } from '@angular/core';
import { FormArray, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { problemMessage } from '../../core/problem';
import { InventoryApi, Warehouse } from '../../inventory/inventory.api';
import { SalesOrder, SalesOrdersApi } from './sales-orders.api';
import { Permissions } from '../../core/api/permissions';

/**
 * Records what went out now; the quantities default to everything still open. With Inventory (whoever sees warehouses), the goods leave
 * the chosen warehouse, the default one unless changed.
 */
@Component({
  selector: 'bs-deliver-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'orders.deliverTitle' | translate: { number: order.number } }}</h2>
    <mat-dialog-content>
      @for (line of order.lines; track line.id; let i = $index) {
        <div class="row">
          <span class="grow">{{ line.description }} <small>({{ 'orders.open' | translate: { count: line.quantity - line.deliveredQuantity } }})</small></span>
          <mat-form-field appearance="outline" class="num">
            <mat-label>{{ 'contracts.quantity' | translate }}</mat-label>
            <input matInput type="number" [formControl]="quantities.at(i)" [attr.data-testid]="'deliver-quantity-' + i" />
          </mat-form-field>
        </div>
      }
      @if (warehouses().length) {
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'orders.warehouse' | translate }}</mat-label>
          <mat-select [formControl]="warehouseId" data-testid="deliver-warehouse">
            @for (w of warehouses(); track w.id) { <mat-option [value]="w.id" [attr.data-testid]="'deliver-warehouse-' + w.code">{{ w.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ 'orders.note' | translate }}</mat-label>
        <input matInput [formControl]="note" />
      </mat-form-field>
      @if (error()) { <p class="error" role="alert" data-testid="deliver-error">{{ error() | translate }}</p> }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button (click)="save()" [disabled]="busy()" data-testid="deliver-save">{{ 'orders.deliver' | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `.row { display: flex; align-items: center; gap: 8px; } .grow { flex: 1; } .num { width: 140px; } .full { width: 100%; } .error { color: #b3261e; }`,
})
export class DeliverDialog {
  protected readonly order = inject<SalesOrder>(MAT_DIALOG_DATA);
  private readonly api = inject(SalesOrdersApi);
  private readonly ref = inject(MatDialogRef<DeliverDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly quantities = new FormArray(this.order.lines.map(l =>
    new FormControl(l.quantity - l.deliveredQuantity, { nonNullable: true, validators: [Validators.min(0)] })));
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly warehouses = signal<Warehouse[]>([]);
  protected readonly warehouseId = new FormControl<string | null>(null);

  constructor() {
    if (!inject(Session).isGranted(Permissions.InventoryWarehouses)) return;
    inject(InventoryApi).warehouses({ skip: 0, take: 1000 }, true).subscribe({
      next: page => {
        this.warehouses.set(page.items);
        this.warehouseId.setValue(page.items.find(w => w.isDefault)?.id ?? null);
      },
      error: () => this.warehouses.set([]),
    });
  }

  save(): void {
    this.error.set('');
    this.busy.set(true);
    const lines = this.order.lines.map((l, i) => ({ orderLineId: l.id, quantity: this.quantities.at(i).value })).filter(l => l.quantity > 0);
    this.api.deliver(this.order.id, lines, this.note.value || null, this.warehouseId.value).subscribe({
      next: () => this.ref.close(true),
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
