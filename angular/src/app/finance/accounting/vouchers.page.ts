import { Component, OnInit, inject, signal } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { ListPage } from '../../shared/list-page';
import { Account, FinanceApi, Voucher } from '../finance.api';
import { VoucherList } from './voucher-list';

/** The books: vouchers (凭证) posted by invoices, payments and credit notes, and the chart of accounts (科目表) they use. */
@Component({
  selector: 'bs-vouchers',
  imports: [ListPage, MatTabsModule, MatTableModule, TranslatePipe, VoucherList],
  template: `
    <mat-tab-group (selectedIndexChange)="$event === 1 && loadAccounts()" data-testid="vouchers-tabs">
      <mat-tab [label]="'finance.vouchers.title' | translate">
        <bs-list-page titleKey="finance.vouchers.title" [state]="list">
          <bs-voucher-list [vouchers]="list.items()" data-testid="vouchers" />
        </bs-list-page>
      </mat-tab>
      <mat-tab [label]="'finance.accounts.title' | translate">
        <table mat-table [dataSource]="accounts()" data-testid="accounts-table">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.accounts.code' | translate }}</th>
            <td mat-cell *matCellDef="let a">{{ a.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.accounts.name' | translate }}</th>
            <td mat-cell *matCellDef="let a">{{ a.name }}</td>
          </ng-container>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.accounts.type' | translate }}</th>
            <td mat-cell *matCellDef="let a">{{ 'finance.accounts.types.' + a.type | translate }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="accountColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: accountColumns"></tr>
        </table>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `table { width: 100%; } bs-list-page { display: block; margin-top: 12px; }`,
})
export class VouchersPage implements OnInit {
  private readonly api = inject(FinanceApi);
  private readonly notifier = inject(Notifier);
  protected readonly list = new ListState<Voucher>(q => this.api.vouchers(q));
  protected readonly accounts = signal<Account[]>([]);
  protected readonly accountColumns = ['code', 'name', 'type'];

  ngOnInit(): void { this.list.load(); }

  /** The chart of accounts is fetched the first time its tab is opened. */
  loadAccounts(): void {
    if (this.accounts().length > 0) return;
    this.api.accounts().subscribe({ next: accounts => this.accounts.set(accounts), error: error => this.notifier.error(error) });
  }
}
