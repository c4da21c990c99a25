import { Component, OnInit, inject, signal } from '@angular/core';
import { CurrencyPipe, DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { Session } from '../core/session';
import { ListPage } from '../shared/list-page';
import { AdjustDialog } from './adjust-dialog';
import { InventoryApi, StockLevel, Warehouse } from './inventory.api';
import { Permissions } from '../core/api/permissions';

/** Stock overview (库存总览): on-hand per product and warehouse at moving-average cost, with what fell below its reorder point. */
@Component({
  selector: 'bs-stock',
  imports: [ListPage, RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, MatSlideToggleModule,
    CurrencyPipe, DecimalPipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="inventory.stock.title" [state]="list">
      <div class="filters">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inventory.warehouse' | translate }}</mat-label>
          <mat-select [value]="warehouseId()" (selectionChange)="warehouseId.set($event.value); list.firstPage()" data-testid="stock-warehouse">
            <mat-option [value]="null">{{ 'inventory.allWarehouses' | translate }}</mat-option>
            @for (w of warehouses(); track w.id) { <mat-option [value]="w.id">{{ w.code }} {{ w.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-slide-toggle [checked]="belowOnly()" (change)="belowOnly.set($event.checked); list.firstPage()" data-testid="stock-below">
          {{ 'inventory.stock.belowOnly' | translate }}
        </mat-slide-toggle>
        <span class="spacer"></span>
        @if (canAdjust) {
          <button mat-stroked-button (click)="adjust()" data-testid="stock-adjust"><mat-icon>tune</mat-icon> {{ 'inventory.adjust.title' | translate }}</button>
        }
      </div>
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="stock-table">
          <ng-container matColumnDef="product">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.product' | translate }}</th>
            <td mat-cell *matCellDef="let s">
              <a [routerLink]="['/inventory/movements']" [queryParams]="{ productId: s.productId, warehouseId: s.warehouseId }">{{ s.sku }}</a><br /><small>{{ s.productName }}</small>
            </td>
          </ng-container>
          <ng-container matColumnDef="warehouse">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.warehouse' | translate }}</th>
            <td mat-cell *matCellDef="let s">{{ s.warehouseName }}</td>
          </ng-container>
          <ng-container matColumnDef="onHand">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.onHand' | translate }}</th>
            <td mat-cell *matCellDef="let s" class="num" [class.low]="s.belowReorderPoint" [attr.data-testid]="'on-hand-' + s.sku">
              {{ s.onHand | number: '1.0-4' }} {{ s.unit }}
              @if (s.belowReorderPoint) { <mat-icon class="warn" [attr.aria-label]="'inventory.stock.low' | translate">warning</mat-icon> }
            </td>
          </ng-container>
          <ng-container matColumnDef="reorderPoint">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.reorderPoint' | translate }}</th>
            <td mat-cell *matCellDef="let s" class="num">{{ s.reorderPoint ? (s.reorderPoint | number: '1.0-4') : '—' }}
              @if (s.belowReorderPoint && canRequest) {
                <a mat-icon-button [routerLink]="['/purchasing/requests/new']" [queryParams]="{ productId: s.productId, quantity: s.reorderPoint - s.onHand }"
                   [attr.aria-label]="'inventory.stock.reorder' | translate" [title]="'inventory.stock.reorder' | translate"
                   [attr.data-testid]="'request-reorder-' + s.sku"><mat-icon>add_shopping_cart</mat-icon></a>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="averageCost">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.averageCost' | translate }}</th>
            <td mat-cell *matCellDef="let s" class="num">{{ s.averageCost | currency: 'CNY' : 'symbol-narrow' : '1.2-4' }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.value' | translate }}</th>
            <td mat-cell *matCellDef="let s" class="num">{{ s.value | currency: 'CNY' : 'symbol-narrow' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .filters { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; margin-bottom: 8px; }
    .spacer { flex: 1; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    .num { text-align: right; white-space: nowrap; }
    .low { color: #b3261e; font-weight: 500; }
    .warn { font-size: 18px; height: 18px; width: 18px; vertical-align: middle; }
  `,
})
export class StockPage implements OnInit {
  private readonly api = inject(InventoryApi);
  private readonly dialog = inject(MatDialog);
  protected readonly canAdjust = inject(Session).isGranted(Permissions.InventoryStockAdjust);
  /** Below its reorder point a row offers a purchase request prefilled with the product and the quantity short. */
  protected readonly canRequest = inject(Session).isGranted(Permissions.PurchasingRequests);
  protected readonly columns = ['product', 'warehouse', 'onHand', 'reorderPoint', 'averageCost', 'value'];
  protected readonly warehouses = signal<Warehouse[]>([]);
  protected readonly warehouseId = signal<string | null>(null);
  protected readonly belowOnly = signal(false);
  protected readonly list = new ListState<StockLevel>(q =>
    this.api.levels(q, { warehouseId: this.warehouseId(), belowReorderPoint: this.belowOnly() || null }));

  ngOnInit(): void {
    this.api.warehouses({ skip: 0, take: 100 }).subscribe(page => this.warehouses.set(page.items));
    this.list.load();
  }

  adjust(): void {
    this.dialog.open(AdjustDialog, { data: { warehouses: this.warehouses().filter(w => w.isActive) }, width: '720px', maxWidth: '95vw' })
      .afterClosed().subscribe(saved => { if (saved) this.list.load(); });
  }
}
