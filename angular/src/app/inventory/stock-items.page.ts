import { Component, OnInit, inject, signal } from '@angular/core';
import { CurrencyPipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin, map } from 'rxjs';
import { ListState } from '../core/list-state';
import { Notifier } from '../core/notifier';
import { Session } from '../core/session';
import { ListPage } from '../shared/list-page';
import { ProductsApi } from '../orders/products/products.api';
import { InventoryApi, StockItem } from './inventory.api';
import { Permissions } from '../core/api/permissions';

/** A catalogue product with its stock settings (库存设置); services are never stock-tracked, so only goods are listed. */
interface Row {
  productId: string; sku: string; name: string; unit: string; isTracked: boolean; reorderPoint: number; reorderQuantity: number | null; onHand: number;
  value: number;
}

@Component({
  selector: 'bs-stock-items',
  imports: [ListPage, MatTableModule, MatButtonModule, MatSlideToggleModule, MatFormFieldModule, MatInputModule, CurrencyPipe, DecimalPipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="inventory.items.title" [state]="list">
      <p class="hint">{{ 'inventory.items.hint' | translate }}</p>
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="stock-items-table">
          <ng-container matColumnDef="product">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.product' | translate }}</th>
            <td mat-cell *matCellDef="let r">{{ r.sku }}<br /><small>{{ r.name }}</small></td>
          </ng-container>
          <ng-container matColumnDef="tracked">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.items.tracked' | translate }}</th>
            <td mat-cell *matCellDef="let r">
              <mat-slide-toggle [checked]="r.isTracked" [disabled]="!canManage" (change)="r.isTracked = $event.checked" [attr.data-testid]="'track-' + r.sku" />
            </td>
          </ng-container>
          <ng-container matColumnDef="reorderPoint">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.reorderPoint' | translate }}</th>
            <td mat-cell *matCellDef="let r">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="small">
                <input matInput type="number" min="0" [value]="r.reorderPoint" [disabled]="!canManage" (input)="r.reorderPoint = +$any($event.target).value"
                       [attr.data-testid]="'reorder-' + r.sku" [attr.aria-label]="'inventory.reorderPoint' | translate" />
              </mat-form-field>
            </td>
          </ng-container>
          <ng-container matColumnDef="reorderQuantity">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.reorderQuantity' | translate }}</th>
            <td mat-cell *matCellDef="let r">
              <mat-form-field appearance="outline" subscriptSizing="dynamic" class="small">
                <input matInput type="number" min="0" [value]="r.reorderQuantity ?? ''" [disabled]="!canManage"
                       (input)="r.reorderQuantity = $any($event.target).value === '' ? null : +$any($event.target).value"
                       [placeholder]="'inventory.reorderQuantityHint' | translate"
                       [attr.data-testid]="'reorder-quantity-' + r.sku" [attr.aria-label]="'inventory.reorderQuantity' | translate" />
              </mat-form-field>
            </td>
          </ng-container>
          <ng-container matColumnDef="onHand">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.onHand' | translate }}</th>
            <td mat-cell *matCellDef="let r" class="num">{{ r.onHand | number: '1.0-4' }} {{ r.unit }}<br /><small>{{ r.value | currency: 'CNY' : 'symbol-narrow' }}</small></td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let r" class="actions">
              @if (canManage) {
                <button mat-stroked-button (click)="save(r)" [disabled]="saving() === r.productId" [attr.data-testid]="'save-' + r.sku">{{ 'common.save' | translate }}</button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .hint { color: #666; margin: 0 0 8px; }
    .scroll { overflow-x: auto; }
    table { width: 100%; } .num { text-align: right; white-space: nowrap; } .actions { text-align: right; }
    .small { width: 110px; }
  `,
})
export class StockItemsPage implements OnInit {
  private readonly api = inject(InventoryApi);
  private readonly products = inject(ProductsApi);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.InventoryProductsManage);
  protected readonly columns = ['product', 'tracked', 'reorderPoint', 'reorderQuantity', 'onHand', 'actions'];
  protected readonly saving = signal<string | null>(null);
  // The catalogue pages the list; each page's stock settings come from Inventory in one call.
  protected readonly list = new ListState<Row>(q => forkJoin([this.products.list(q, true), this.api.items({ skip: 0, take: 1000 })]).pipe(
    map(([catalogue, items]) => {
      const settings = new Map<string, StockItem>(items.items.map(i => [i.productId, i]));
      const goods = catalogue.items.filter(p => p.kind === 'Product');
      return {
        totalCount: catalogue.totalCount,
        items: goods.map(p => {
          const s = settings.get(p.id);
          return { productId: p.id, sku: p.sku, name: p.name, unit: p.unit, isTracked: s?.isTracked ?? false, reorderPoint: s?.reorderPoint ?? 0,
            reorderQuantity: s?.reorderQuantity ?? null, onHand: s?.onHand ?? 0, value: s?.value ?? 0 };
        }),
      };
    })));

  ngOnInit(): void { this.list.load(); }

  save(row: Row): void {
    this.saving.set(row.productId);
    this.api.saveItem(row.productId, { isTracked: row.isTracked, reorderPoint: row.reorderPoint, reorderQuantity: row.reorderQuantity || null }).subscribe({
      next: () => { this.saving.set(null); this.list.load(); },
      error: error => { this.saving.set(null); this.notifier.error(error); this.list.load(); },
    });
  }
}
