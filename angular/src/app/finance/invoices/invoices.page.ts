import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { ListPage } from '../../shared/list-page';
import { StatusFilter } from '../../shared/status-filter';
import { FinanceApi, Invoice, InvoiceStatus } from '../finance.api';
import { InvoiceStatusChip } from '../status-chips';
import { MoneyColumn } from '../../shared/money-column';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

/** Invoices (发票) are issued by themselves per installment: on signing, on delivery or on a date. */
@Component({
  selector: 'bs-invoices',
  imports: [MoneyColumn, ListPage, StatusFilter, RouterLink, MatTableModule, MatSortModule, DatePipe, TranslatePipe, InvoiceStatusChip, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="finance.invoices.title" [state]="list">
      <bs-status-filter [statuses]="statuses" labelPrefix="finance.invoiceStatus." [value]="status()" (valueChange)="filter($event)" data-testid="invoices-status-filter" />
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="invoices" />
      <table mat-table [dataSource]="list.items()" matSort (matSortChange)="list.sort($event)" data-testid="invoices-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.invoices.number' | translate }}</th>
          <td mat-cell *matCellDef="let i"><a [routerLink]="['/finance/invoices', i.id]" [attr.data-testid]="'invoice-link-' + i.number">{{ i.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="contract">
          <th mat-header-cell *matHeaderCellDef>{{ 'orders.contract' | translate }}</th>
          <td mat-cell *matCellDef="let i">{{ i.contractNumber }} · {{ 'finance.installment' | translate: { number: i.installmentNumber } }}<br /><small>{{ i.customerName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="issuedOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.issuedOn' | translate }}</th>
          <td mat-cell *matCellDef="let i">{{ i.issuedOn | date: 'yyyy-MM-dd' }}</td>
        </ng-container>
        <ng-container matColumnDef="dueOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.dueOn' | translate }}</th>
          <td mat-cell *matCellDef="let i">{{ i.dueOn | date: 'yyyy-MM-dd' }}</td>
        </ng-container>
        <bs-money-column name="grossTotal" label="contracts.grossTotal" sortable />
        <bs-money-column name="outstanding" label="finance.outstanding" />
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let i" [attr.data-testid]="'invoice-custom-' + f.key">{{ custom.text(f, i) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let i" [attr.data-testid]="'invoice-status-' + i.number"><bs-invoice-status [status]="i.status" /></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .num { text-align: right; }`,
})
export class InvoicesPage implements OnInit {
  private readonly api = inject(FinanceApi);
  protected readonly statuses: InvoiceStatus[] = ['Open', 'PartiallyPaid', 'Paid', 'Credited'];
  protected readonly custom = new CustomFieldList('finance.invoice');
  protected readonly columns = computed(() => this.custom.columns(['number', 'contract', 'issuedOn', 'dueOn', 'grossTotal', 'outstanding'], ['status']));
  protected readonly status = signal<InvoiceStatus | ''>('');
  protected readonly list = new ListState<Invoice>(q => this.api.invoices(q, { status: this.status() || undefined, ...this.custom.filter() }));

  ngOnInit(): void { this.list.load(); }

  filter(status: InvoiceStatus | ''): void {
    this.status.set(status);
    this.list.firstPage();
  }
}
