import { Component, OnInit, inject, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { FinanceApi, Payable, PayableStatus } from '../finance.api';
import { PayableStatusChip } from '../status-chips';
import { PayDialog } from './pay-dialog';

/** Payables (应付款): approved expense claims owed to employees, paid here. */
@Component({
  selector: 'bs-payables',
  imports: [ListPage, MatTableModule, MatSortModule, MatButtonModule, MatButtonToggleModule, CurrencyPipe, DatePipe, TranslatePipe, PayableStatusChip],
  template: `
    <bs-list-page titleKey="finance.payables.title" [state]="list">
      <mat-button-toggle-group [value]="status()" (change)="filter($event.value)" hideSingleSelectionIndicator>
        <mat-button-toggle value="">{{ 'finance.all' | translate }}</mat-button-toggle>
        @for (s of statuses; track s) {
          <mat-button-toggle [value]="s" [attr.data-testid]="'filter-' + s">{{ 'finance.payableStatus.' + s | translate }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
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
        <ng-container matColumnDef="amount">
          <th mat-header-cell *matHeaderCellDef mat-sort-header>{{ 'finance.payment.amount' | translate }}</th>
          <td mat-cell *matCellDef="let p" class="num">{{ p.amount | currency: p.currency : 'symbol-narrow' }}</td>
        </ng-container>
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
            @if (p.status === 'Open' && session.isGranted('Finance.Payables.Pay')) {
              <button mat-stroked-button (click)="pay(p)" [attr.data-testid]="'pay-' + p.sourceNumber">{{ 'finance.payables.pay' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .num { text-align: right; } mat-button-toggle-group { margin-bottom: 8px; }`,
})
export class PayablesPage implements OnInit {
  private readonly api = inject(FinanceApi);
  private readonly dialog = inject(MatDialog);
  protected readonly session = inject(Session);
  protected readonly statuses: PayableStatus[] = ['Open', 'Paid'];
  protected readonly columns = ['number', 'payee', 'recordedOn', 'amount', 'status', 'actions'];
  protected readonly status = signal<PayableStatus | ''>('');
  protected readonly list = new ListState<Payable>(q => this.api.payables(q, { status: this.status() || undefined }));

  ngOnInit(): void { this.list.load(); }

  filter(status: PayableStatus | ''): void {
    this.status.set(status);
    this.list.query.update(q => ({ ...q, skip: 0 }));
    this.list.load();
  }

  pay(payable: Payable): void {
    this.dialog.open(PayDialog, { data: payable, width: '440px' }).afterClosed().subscribe(paid => { if (paid) this.list.load(); });
  }
}
