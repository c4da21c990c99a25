import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { today } from '../../shared/dates';
import { FinanceApi, TrialBalance } from '../finance.api';

/** 试算平衡表: every account's debits, credits and balance up to a date; the two sides must be equal. */
@Component({
  selector: 'bs-trial-balance',
  imports: [MatTableModule, MatFormFieldModule, MatInputModule, MatIconModule, MatProgressBarModule, DatePipe, DecimalPipe, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'finance.reports.trialBalance' | translate }}</h2>
      <span class="spacer"></span>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'finance.reports.asOf' | translate }}</mat-label>
        <input matInput type="date" [value]="asOf()" (change)="load($any($event.target).value)" data-testid="report-as-of" />
      </mat-form-field>
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (report(); as r) {
      <p class="indicator" [class.off]="!r.balanced" data-testid="trial-balance-balanced">
        <mat-icon>{{ r.balanced ? 'check_circle' : 'error' }}</mat-icon>
        {{ (r.balanced ? 'finance.reports.balanced' : 'finance.reports.unbalanced') | translate: { date: (r.asOf | date: 'yyyy-MM-dd') } }}
      </p>
      <table mat-table class="phone-cards" [dataSource]="r.rows" data-testid="trial-balance-table">
        <ng-container matColumnDef="account">
          <th mat-header-cell *matHeaderCellDef>{{ 'finance.vouchers.account' | translate }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'finance.vouchers.account' | translate">{{ row.accountCode }} {{ row.accountName }}</td>
          <td mat-footer-cell *matFooterCellDef>{{ 'finance.total' | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="debit">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.debit' | translate }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'finance.debit' | translate" class="num">{{ row.debit | number: '1.2-2' }}</td>
          <td mat-footer-cell *matFooterCellDef [attr.data-label]="'finance.debit' | translate" class="num" data-testid="trial-balance-debit">{{ r.totalDebit | number: '1.2-2' }}</td>
        </ng-container>
        <ng-container matColumnDef="credit">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.credit' | translate }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'finance.credit' | translate" class="num">{{ row.credit | number: '1.2-2' }}</td>
          <td mat-footer-cell *matFooterCellDef [attr.data-label]="'finance.credit' | translate" class="num" data-testid="trial-balance-credit">{{ r.totalCredit | number: '1.2-2' }}</td>
        </ng-container>
        <ng-container matColumnDef="balanceDebit">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.reports.balanceDebit' | translate }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'finance.reports.balanceDebit' | translate" class="num">{{ row.balanceDebit | number: '1.2-2' }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="balanceCredit">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.reports.balanceCredit' | translate }}</th>
          <td mat-cell *matCellDef="let row" [attr.data-label]="'finance.reports.balanceCredit' | translate" class="num">{{ row.balanceCredit | number: '1.2-2' }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr mat-footer-row *matFooterRowDef="columns"></tr>
      </table>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
    .spacer { flex: 1; }
    table { width: 100%; }
    .num { text-align: right; }
    td.mat-mdc-footer-cell { font-weight: 500; }
    .indicator { display: flex; align-items: center; gap: 6px; color: #1b5e20; }
    .indicator.off { color: #b3261e; }
    .error { color: #b3261e; }
  `,
})
export class TrialBalancePage implements OnInit {
  private readonly api = inject(FinanceApi);
  protected readonly columns = ['account', 'debit', 'credit', 'balanceDebit', 'balanceCredit'];
  protected readonly asOf = signal(today());
  protected readonly report = signal<TrialBalance | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void { this.load(this.asOf()); }

  load(asOf: string): void {
    this.asOf.set(asOf);
    this.loading.set(true);
    this.error.set('');
    this.api.trialBalance(asOf || null).subscribe({
      next: report => { this.report.set(report); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }
}
