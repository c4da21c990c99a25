import { Component, OnInit, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { ListPage } from '../../shared/list-page';
import { FinanceApi, Payment } from '../finance.api';
import { MoneyColumn } from '../../shared/money-column';

/** Money received (收款), newest first; each payment belongs to one invoice. */
@Component({
  selector: 'bs-payments',
  imports: [MoneyColumn, ListPage, RouterLink, MatTableModule, MatSortModule, DatePipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="finance.payments.title" [state]="list">
      <table mat-table [dataSource]="list.items()" matSort (matSortChange)="list.sort($event)" data-testid="payments-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.payments.number' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.number }}</td>
        </ng-container>
        <ng-container matColumnDef="invoice">
          <th mat-header-cell *matHeaderCellDef>{{ 'finance.invoices.invoice' | translate }}</th>
          <td mat-cell *matCellDef="let p"><a [routerLink]="['/finance/invoices', p.invoiceId]">{{ p.invoiceNumber }}</a><br /><small>{{ p.customerName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="receivedOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.payment.receivedOn' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.receivedOn | date: 'yyyy-MM-dd' }}</td>
        </ng-container>
        <ng-container matColumnDef="method">
          <th mat-header-cell *matHeaderCellDef>{{ 'finance.payment.method' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ 'finance.methods.' + p.method | translate }}<br /><small>{{ p.reference }}</small></td>
        </ng-container>
        <bs-money-column name="amount" label="finance.payment.amount" sortable />
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .num { text-align: right; }`,
})
export class PaymentsPage implements OnInit {
  private readonly api = inject(FinanceApi);
  protected readonly columns = ['number', 'invoice', 'receivedOn', 'method', 'amount'];
  protected readonly list = new ListState<Payment>(q => this.api.payments(q));

  ngOnInit(): void { this.list.load(); }
}
