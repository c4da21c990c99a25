import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { Notifier } from '../core/notifier';
import { applyProblem } from '../core/problem';
import { Session } from '../core/session';
import { FieldError } from '../shared/field-error';
import { ListPage } from '../shared/list-page';
import { InventoryApi, Warehouse } from './inventory.api';
import { Permissions } from '../core/api/permissions';

/** Warehouses (仓库); deliveries leave from the default one. */
@Component({
  selector: 'bs-warehouses',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <bs-list-page titleKey="inventory.warehouses.title" [state]="list" [canCreate]="canManage" (create)="edit()">
      <table mat-table [dataSource]="list.items()" data-testid="warehouses-table">
        <ng-container matColumnDef="code">
          <th mat-header-cell *matHeaderCellDef>{{ 'inventory.warehouses.code' | translate }}</th>
          <td mat-cell *matCellDef="let w">{{ w.code }}</td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'inventory.warehouses.name' | translate }}</th>
          <td mat-cell *matCellDef="let w">{{ w.name }}@if (w.isDefault) { <span class="chip" data-testid="default-warehouse">{{ 'inventory.warehouses.default' | translate }}</span> }
            <br /><small>{{ w.address }}</small></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let w">{{ (w.isActive ? 'common.active' : 'common.inactive') | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let w" class="actions">
            @if (canManage) {
              <button mat-icon-button (click)="edit(w)" [attr.aria-label]="'common.edit' | translate" [attr.data-testid]="'edit-' + w.code"><mat-icon>edit</mat-icon></button>
              <button mat-button (click)="setActive(w, !w.isActive)" [attr.data-testid]="'toggle-' + w.code">
                {{ (w.isActive ? 'inventory.warehouses.deactivate' : 'inventory.warehouses.activate') | translate }}
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; white-space: nowrap; }
    .chip { margin-left: 8px; padding: 1px 8px; border-radius: 10px; background: #e8f0fe; color: #1a56c4; font-size: 12px; }`,
})
export class WarehousesPage implements OnInit {
  private readonly api = inject(InventoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.InventoryWarehousesManage);
  protected readonly columns = ['code', 'name', 'status', 'actions'];
  protected readonly list = new ListState<Warehouse>(q => this.api.warehouses(q));

  ngOnInit(): void { this.list.load(); }

  edit(warehouse?: Warehouse): void {
    this.dialog.open(WarehouseDialog, { data: warehouse ?? null, width: '560px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  setActive(warehouse: Warehouse, active: boolean): void {
    this.api.setWarehouseActive(warehouse.id, active).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
  }
}

@Component({
  selector: 'bs-warehouse-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (warehouse ? 'inventory.warehouses.edit' : 'inventory.warehouses.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inventory.warehouses.code' | translate }}</mat-label>
          <input matInput formControlName="code" data-testid="warehouse-code" />
          <mat-error><bs-field-error [control]="form.controls.code" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inventory.warehouses.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="warehouse-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'inventory.warehouses.address' | translate }}</mat-label>
          <input matInput formControlName="address" data-testid="warehouse-address" />
          <mat-error><bs-field-error [control]="form.controls.address" /></mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="isDefault" data-testid="warehouse-default">{{ 'inventory.warehouses.makeDefault' | translate }}</mat-checkbox>
        @if (error()) { <p class="error" role="alert" data-testid="warehouse-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="warehouse-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class WarehouseDialog {
  protected readonly warehouse = inject<Warehouse | null>(MAT_DIALOG_DATA);
  private readonly api = inject(InventoryApi);
  private readonly ref = inject(MatDialogRef<WarehouseDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    code: [this.warehouse?.code ?? '', [Validators.required, Validators.maxLength(20), Validators.pattern(/^[A-Za-z0-9-]+$/)]],
    name: [this.warehouse?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    address: [this.warehouse?.address ?? '', Validators.maxLength(300)],
    isDefault: [this.warehouse?.isDefault ?? false],
  });

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    const body = { ...value, address: value.address.trim() || null };
    (this.warehouse ? this.api.updateWarehouse(this.warehouse.id, body) : this.api.createWarehouse(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
