import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { CurrencyPipe, PercentPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { ProductDialog } from './product-dialog';
import { Product, ProductsApi } from './products.api';
import { Permissions } from '../../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

type ActiveFilter = 'active' | 'inactive' | 'all';

/** The products and services catalogue (产品/服务) that contract lines are priced from. */
@Component({
  selector: 'bs-products',
  imports: [ListPage, MatTableModule, MatButtonModule, MatButtonToggleModule, MatIconModule, CurrencyPipe, PercentPipe, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="products.title" [state]="list" [canCreate]="canManage" (create)="edit()"
                  [importFrom]="canManage ? '/api/orders/products' : null">
      <mat-button-toggle-group [value]="active()" (change)="filter($event.value)" hideSingleSelectionIndicator data-testid="products-active-filter">
        <mat-button-toggle value="active" data-testid="filter-active">{{ 'common.active' | translate }}</mat-button-toggle>
        <mat-button-toggle value="inactive" data-testid="filter-inactive">{{ 'common.inactive' | translate }}</mat-button-toggle>
        <mat-button-toggle value="all" data-testid="filter-all">{{ 'products.all' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="products" />
      <table mat-table [dataSource]="list.items()" data-testid="products-table">
        <ng-container matColumnDef="sku">
          <th mat-header-cell *matHeaderCellDef>{{ 'products.sku' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.sku }}</td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'products.name' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.name }}<br /><small>{{ 'products.kinds.' + p.kind | translate }}</small></td>
        </ng-container>
        <ng-container matColumnDef="unitPrice">
          <th mat-header-cell *matHeaderCellDef>{{ 'products.unitPrice' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.unitPrice | currency: p.currency : 'symbol-narrow' }} / {{ p.unit }}</td>
        </ng-container>
        <ng-container matColumnDef="vatRate">
          <th mat-header-cell *matHeaderCellDef>{{ 'products.vatRate' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.defaultVatRate | percent }}</td>
        </ng-container>
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let p" [attr.data-testid]="'product-custom-' + f.key">{{ custom.text(f, p) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let p" [attr.data-testid]="'product-status-' + p.sku">{{ (p.isActive ? 'common.active' : 'common.inactive') | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let p" class="actions">
            @if (canManage) {
              <button mat-icon-button (click)="edit(p)" [attr.aria-label]="'common.edit' | translate" [attr.data-testid]="'edit-' + p.sku"><mat-icon>edit</mat-icon></button>
              <button mat-button (click)="setActive(p, !p.isActive)" [attr.data-testid]="(p.isActive ? 'deactivate-' : 'activate-') + p.sku">
                {{ (p.isActive ? 'products.deactivate' : 'products.activate') | translate }}
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; white-space: nowrap; } mat-button-toggle-group { margin-bottom: 8px; }`,
})
export class ProductsPage implements OnInit {
  protected readonly session = inject(Session);
  private readonly api = inject(ProductsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = this.session.isGranted(Permissions.OrdersProductsManage);
  protected readonly custom = new CustomFieldList('orders.product');
  protected readonly columns = computed(() => this.custom.columns(['sku', 'name', 'unitPrice', 'vatRate'], ['status', 'actions']));
  // Active items by default: that is what sales can put on a contract.
  protected readonly active = signal<ActiveFilter>('active');
  protected readonly list = new ListState<Product>(q => this.api.list(q, this.active() === 'all' ? undefined : this.active() === 'active', this.custom.filter()));

  ngOnInit(): void { this.list.load(); }

  filter(value: ActiveFilter): void {
    this.active.set(value);
    this.list.firstPage();
  }

  edit(product?: Product): void {
    this.dialog.open(ProductDialog, { data: product ?? null, width: '640px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  setActive(product: Product, active: boolean): void {
    this.api.setActive(product.id, active).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
  }
}
