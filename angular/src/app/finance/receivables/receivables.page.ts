import { Component, OnInit, inject, signal } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { StatusFilter } from '../../shared/status-filter';
import { CollectionStatus, FinanceApi, Receivable } from '../finance.api';
import { CollectionStatusChip } from '../status-chips';
import { Permissions } from '../../core/api/permissions';
import { MoneyColumn } from '../../shared/money-column';

/** Collection status (回款状态) per signed contract: what it is worth, what was invoiced, credited, paid and is still open. */
@Component({
  selector: 'bs-receivables',
  imports: [MoneyColumn, ListPage, StatusFilter, RouterLink, MatTableModule, MatSortModule, TranslatePipe, CollectionStatusChip],
  template: `
    <bs-list-page titleKey="finance.receivables.title" [state]="list">
      <bs-status-filter [statuses]="statuses" labelPrefix="finance.collectionStatus." [value]="status()" (valueChange)="filter($event)" data-testid="receivables-status-filter" />
      <table mat-table [dataSource]="list.items()" matSort (matSortChange)="list.sort($event)" data-testid="receivables-table">
        <ng-container matColumnDef="contractNumber">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'orders.contract' | translate }}</th>
          <td mat-cell *matCellDef="let r">
            @if (session.isGranted(Permissions.CrmContracts)) { <a [routerLink]="['/crm/contracts', r.contractId]">{{ r.contractNumber }}</a> }
            @else { {{ r.contractNumber }} }
            <br /><small>{{ r.customerName }}</small>
          </td>
        </ng-container>
        <bs-money-column name="grossTotal" label="contracts.grossTotal" sortable />
        <bs-money-column name="invoiced" label="finance.receivables.invoiced" />
        <bs-money-column name="credited" label="finance.receivables.credited" />
        <bs-money-column name="paid" label="finance.paid" />
        <bs-money-column name="outstanding" label="finance.outstanding" />
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-testid]="'receivable-status-' + r.contractNumber"><bs-collection-status [status]="r.status" /></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .num { text-align: right; }`,
})
export class ReceivablesPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(FinanceApi);
  protected readonly statuses: CollectionStatus[] = ['Unpaid', 'Partial', 'Paid', 'Overdue'];
  protected readonly columns = ['contractNumber', 'grossTotal', 'invoiced', 'credited', 'paid', 'outstanding', 'status'];
  protected readonly status = signal<CollectionStatus | ''>('');
  protected readonly list = new ListState<Receivable>(q => this.api.receivables(q, { status: this.status() || undefined }));

  ngOnInit(): void { this.list.load(); }

  filter(status: CollectionStatus | ''): void {
    this.status.set(status);
    this.list.firstPage();
  }
}
