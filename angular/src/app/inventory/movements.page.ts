import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DecimalPipe } from '@angular/common';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { ListPage } from '../shared/list-page';
import { InventoryApi, Movement, MovementKind, Warehouse } from './inventory.api';

/** The movement ledger (库存流水): every receipt, delivery, adjustment and stocktake difference, newest first, with the balance after it. */
@Component({
  selector: 'bs-movements',
  imports: [ListPage, MatTableModule, MatButtonToggleModule, MatFormFieldModule, MatSelectModule, CurrencyPipe, DecimalPipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="inventory.movements.title" [state]="list">
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inventory.warehouse' | translate }}</mat-label>
          <mat-select [value]="warehouse()" (selectionChange)="warehouse.set($event.value); list.firstPage()" data-testid="movements-warehouse">
            <mat-option [value]="null">{{ 'inventory.allWarehouses' | translate }}</mat-option>
            @for (w of warehouses(); track w.id) { <mat-option [value]="w.id">{{ w.code }} {{ w.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-button-toggle-group [value]="kind()" (change)="kind.set($event.value); list.firstPage()" hideSingleSelectionIndicator data-testid="movements-kind">
          <mat-button-toggle [value]="null">{{ 'inventory.movements.all' | translate }}</mat-button-toggle>
          @for (k of kinds; track k) { <mat-button-toggle [value]="k">{{ 'inventory.kinds.' + k | translate }}</mat-button-toggle> }
        </mat-button-toggle-group>
      </div>
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="movements-table">
          <ng-container matColumnDef="date">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.date' | translate }}</th>
            <td mat-cell *matCellDef="let m">{{ m.occurredOn }}</td>
          </ng-container>
          <ng-container matColumnDef="kind">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.kind' | translate }}</th>
            <td mat-cell *matCellDef="let m">{{ 'inventory.kinds.' + m.kind | translate }}<br /><small>{{ m.sourceNumber }}</small></td>
          </ng-container>
          <ng-container matColumnDef="product">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.product' | translate }}</th>
            <td mat-cell *matCellDef="let m">{{ m.sku }}<br /><small>{{ m.productName }} · {{ m.warehouseName }}</small></td>
          </ng-container>
          <ng-container matColumnDef="quantity">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.quantity' | translate }}</th>
            <td mat-cell *matCellDef="let m" class="num" [class.out]="m.quantity < 0">{{ m.quantity | number: '1.0-4' }}</td>
          </ng-container>
          <ng-container matColumnDef="unitCost">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.unitCost' | translate }}</th>
            <td mat-cell *matCellDef="let m" class="num">{{ m.unitCost | currency: 'CNY' : 'symbol-narrow' : '1.2-4' }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.value' | translate }}</th>
            <td mat-cell *matCellDef="let m" class="num">{{ m.value | currency: 'CNY' : 'symbol-narrow' }}</td>
          </ng-container>
          <ng-container matColumnDef="after">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.movements.after' | translate }}</th>
            <td mat-cell *matCellDef="let m" class="num">{{ m.onHandAfter | number: '1.0-4' }} @ {{ m.averageCostAfter | number: '1.2-4' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .filters { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; margin-bottom: 8px; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    .num { text-align: right; white-space: nowrap; }
    .out { color: #b3261e; }
  `,
})
export class MovementsPage implements OnInit {
  private readonly api = inject(InventoryApi);
  /** From the query string (component input binding): the stock overview links one product's card. */
  readonly productId = input<string | undefined>();
  readonly warehouseId = input<string | undefined>();
  protected readonly kinds: MovementKind[] = ['Receipt', 'Delivery', 'Adjustment', 'Stocktake', 'Revaluation'];
  protected readonly columns = ['date', 'kind', 'product', 'quantity', 'unitCost', 'value', 'after'];
  protected readonly warehouses = signal<Warehouse[]>([]);
  protected readonly warehouse = signal<string | null>(null);
  protected readonly kind = signal<MovementKind | null>(null);
  protected readonly list = new ListState<Movement>(q =>
    this.api.movements(q, { warehouseId: this.warehouse(), productId: this.productId() ?? null, kind: this.kind() }));

  ngOnInit(): void {
    this.warehouse.set(this.warehouseId() ?? null);
    this.api.warehouses({ skip: 0, take: 100 }).subscribe(page => this.warehouses.set(page.items));
    this.list.load();
  }

}
