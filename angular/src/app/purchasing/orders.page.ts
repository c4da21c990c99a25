import { Component, OnInit, computed, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { ListPage } from '../shared/list-page';
import { PurchaseOrder, PurchasingApi } from './purchasing.api';
import { MoneyColumn } from '../shared/money-column';
import { CustomFieldFilters, CustomFieldList } from '../shared/custom-fields';

/** Purchase orders (采购订单): from approved requests or the buyer's own. */
@Component({
  selector: 'bs-purchase-orders',
  imports: [MoneyColumn, ListPage, MatTableModule, RouterLink, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="purchasing.orders.title" [state]="list">
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="purchase-orders" />
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="purchase-orders">
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.orders.number' | translate }}</th>
            <td mat-cell *matCellDef="let o"><a [routerLink]="['/purchasing/orders', o.id]" [attr.data-testid]="'order-link-' + o.number">{{ o.number }}</a></td>
          </ng-container>
          <ng-container matColumnDef="supplier">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.orders.supplier' | translate }}</th>
            <td mat-cell *matCellDef="let o">{{ o.supplierName }}@if (o.requestNumber) { <br /><small>{{ o.requestNumber }}</small> }</td>
          </ng-container>
          <ng-container matColumnDef="expectedOn">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.orders.expectedOn' | translate }}</th>
            <td mat-cell *matCellDef="let o">{{ o.expectedOn }}</td>
          </ng-container>
          <bs-money-column name="grossTotal" label="purchasing.orders.grossTotal" />
          @for (f of custom.listFields(); track f.key) {
            <ng-container [matColumnDef]="'custom.' + f.key">
              <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
              <td mat-cell *matCellDef="let o" [attr.data-testid]="'purchase-order-custom-' + f.key">{{ custom.text(f, o) }}</td>
            </ng-container>
          }
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
            <td mat-cell *matCellDef="let o" [attr.data-testid]="'order-status-' + o.number">{{ 'purchasing.orders.status.' + o.status | translate }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .scroll { overflow-x: auto; } table { width: 100%; } .num { text-align: right; }`,
})
export class PurchaseOrdersPage implements OnInit {
  private readonly api = inject(PurchasingApi);
  protected readonly custom = new CustomFieldList('purchasing.purchase-order');
  protected readonly columns = computed(() => this.custom.columns(['number', 'supplier', 'expectedOn', 'grossTotal'], ['status']));
  protected readonly list = new ListState<PurchaseOrder>(q => this.api.orders(q, this.custom.filter()));

  ngOnInit(): void { this.list.load(); }
}
