import { Component, OnInit, computed, inject } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { DeliverDialog } from './deliver-dialog';
import { SalesOrder, SalesOrdersApi } from './sales-orders.api';
import { Permissions } from '../../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

/** Sales orders appear here by themselves when a contract is signed. */
@Component({
  selector: 'bs-sales-orders',
  imports: [ListPage, RouterLink, MatTableModule, MatButtonModule, CurrencyPipe, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="orders.title" [state]="list">
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="orders" />
      <table mat-table [dataSource]="list.items()" data-testid="orders-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'orders.number' | translate }}</th>
          <td mat-cell *matCellDef="let o"><a [routerLink]="['/orders/sales-orders', o.id]" [attr.data-testid]="'order-link-' + o.contractNumber">{{ o.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="contract">
          <th mat-header-cell *matHeaderCellDef>{{ 'orders.contract' | translate }}</th>
          <td mat-cell *matCellDef="let o">{{ o.contractNumber }}<br /><small>{{ o.customerName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="grossTotal">
          <th mat-header-cell *matHeaderCellDef>{{ 'contracts.grossTotal' | translate }}</th>
          <td mat-cell *matCellDef="let o">{{ o.grossTotal | currency: o.currency : 'symbol-narrow' }}</td>
        </ng-container>
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let o" [attr.data-testid]="'order-custom-' + f.key">{{ custom.text(f, o) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let o" [attr.data-testid]="'order-status-' + o.contractNumber">{{ 'orders.status.' + o.status | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let o" class="actions">
            @if (o.status !== 'Delivered' && session.isGranted(Permissions.OrdersSalesOrdersDeliver)) {
              <button mat-button (click)="deliver(o)" [attr.data-testid]="'deliver-' + o.contractNumber">{{ 'orders.deliver' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; }`,
})
export class SalesOrdersPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(SalesOrdersApi);
  private readonly dialog = inject(MatDialog);
  protected readonly custom = new CustomFieldList('orders.sales-order');
  protected readonly columns = computed(() => this.custom.columns(['number', 'contract', 'grossTotal'], ['status', 'actions']));
  protected readonly list = new ListState<SalesOrder>(q => this.api.list(q, undefined, this.custom.filter()));

  ngOnInit(): void { this.list.load(); }

  deliver(order: SalesOrder): void {
    this.dialog.open(DeliverDialog, { data: order, width: '640px' }).afterClosed().subscribe(done => { if (done) this.list.load(); });
  }
}
