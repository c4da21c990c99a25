import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { today } from '../../shared/dates';
import { ListPage } from '../../shared/list-page';
import { StatusFilter } from '../../shared/status-filter';
import { FinanceApi, Payable, PayableStatus } from '../finance.api';
import { PayableStatusChip } from '../status-chips';
import { PayDialog } from './pay-dialog';
import { SupplierPicker } from './supplier-picker';
import { Permissions } from '../../core/api/permissions';
import { MoneyColumn } from '../../shared/money-column';

/** Payables (应付款): expense claims owed to employees and supplier bills owed to suppliers, filtered by supplier, status and due date. */
@Component({
  selector: 'bs-payables',
  imports: [MoneyColumn, ListPage, MatTableModule, MatSortModule, MatButtonModule, StatusFilter, MatFormFieldModule, MatInputModule, MatIconModule, RouterLink,
    DatePipe, TranslatePipe, PayableStatusChip, SupplierPicker],
  template: `
    <bs-list-page titleKey="finance.payables.title" [state]="list">
      <div class="filters">
        <bs-status-filter [statuses]="statuses" labelPrefix="finance.payableStatus." [value]="status()" (valueChange)="status.set($event); list.firstPage()" />
        <bs-supplier-picker [supplierId]="payeeId()" (supplierIdChange)="payeeId.set($event); list.firstPage()" testId="payables-supplier" />
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'finance.ap.dueBy' | translate }}</mat-label>
          <input matInput type="date" [value]="dueBy()" (change)="dueBy.set($any($event.target).value); list.firstPage()" data-testid="payables-due-by" />
        </mat-form-field>
        <span class="spacer"></span>
        @if (session.isGranted(Permissions.FinancePayablesPay)) {
          <a mat-stroked-button routerLink="/finance/payment-runs" data-testid="to-payment-runs"><mat-icon>playlist_add_check</mat-icon> {{ 'finance.ap.paymentRun' | translate }}</a>
        }
      </div>
      <table mat-table [dataSource]="list.items()" matSort (matSortChange)="list.sort($event)" data-testid="payables-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.payables.number' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.number }}</td>
        </ng-container>
        <ng-container matColumnDef="payee">
          <th mat-header-cell *matHeaderCellDef>{{ 'finance.payables.payee' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.payeeName }}<br /><small>{{ 'finance.payables.sources.' + p.sourceType | translate }} {{ p.sourceNumber }}</small></td>
        </ng-container>
        <ng-container matColumnDef="recordedOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.payables.recordedOn' | translate }}</th>
          <td mat-cell *matCellDef="let p">{{ p.recordedOn | date: 'yyyy-MM-dd' }}</td>
        </ng-container>
        <ng-container matColumnDef="dueOn">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.dueOn' | translate }}</th>
          <td mat-cell *matCellDef="let p" [class.overdue]="p.status === 'Open' && p.dueOn < today">{{ p.dueOn | date: 'yyyy-MM-dd' }}</td>
        </ng-container>
        <bs-money-column name="amount" label="finance.payment.amount" sortable />
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let p" [attr.data-testid]="'payable-status-' + p.sourceNumber">
            <bs-payable-status [status]="p.status" />
            @if (p.paidOn) { <br /><small>{{ p.paidOn | date: 'yyyy-MM-dd' }} {{ p.reference }}</small> }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let p">
            @if (p.status === 'Open' && session.isGranted(Permissions.FinancePayablesPay)) {
              <button mat-stroked-button (click)="pay(p)" [attr.data-testid]="'pay-' + p.sourceNumber">{{ 'finance.payables.pay' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `
    table { width: 100%; } .num { text-align: right; }
    .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 8px; }
    .filters bs-status-filter { margin-bottom: 0; }
    .spacer { flex: 1; }
    .overdue { color: #b3261e; font-weight: 500; }
  `,
})
export class PayablesPage implements OnInit {
  protected readonly Permissions = Permissions;
  private readonly api = inject(FinanceApi);
  private readonly dialog = inject(MatDialog);
  protected readonly session = inject(Session);
  protected readonly statuses: PayableStatus[] = ['Open', 'Paid'];
  protected readonly columns = ['number', 'payee', 'recordedOn', 'dueOn', 'amount', 'status', 'actions'];
  protected readonly today = today();
  protected readonly status = signal<PayableStatus | ''>('');
  protected readonly payeeId = signal('');
  protected readonly dueBy = signal('');
  protected readonly list = new ListState<Payable>(q => this.api.payables(q,
    { status: this.status() || undefined, payeeId: this.payeeId() || undefined, dueBy: this.dueBy() || undefined }));

  ngOnInit(): void { this.list.load(); }

  pay(payable: Payable): void {
    this.dialog.open(PayDialog, { data: payable, width: '440px' }).afterClosed().subscribe(paid => { if (paid) this.list.load(); });
  }
}
