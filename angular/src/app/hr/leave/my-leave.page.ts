import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { ListPage } from '../../shared/list-page';
import { LeaveBalance, LeaveRequest, ListScope, SelfServiceApi } from '../self-service.api';
import { LeaveRequestDialog } from './leave-request-dialog';

/** My leave (我的假期): this year's balances, my requests (or my team's), and a new request. */
@Component({
  selector: 'bs-my-leave',
  imports: [ListPage, MatTableModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatIconModule, RouterLink, DatePipe, TranslatePipe],
  template: `
    <div class="balances" data-testid="leave-balances">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="year">
        <mat-label>{{ 'leave.year' | translate }}</mat-label>
        <input matInput type="number" [value]="year()" (change)="showYear($any($event.target).value)" data-testid="leave-year" />
      </mat-form-field>
      @for (b of balances(); track b.leaveTypeId) {
        <div class="card" [attr.data-testid]="'balance-' + b.leaveTypeName">
          <div class="name">{{ b.leaveTypeName }}</div>
          <div class="remaining" [attr.data-testid]="'balance-remaining-' + b.leaveTypeName">{{ b.remaining }}</div>
          <small>{{ 'leave.balanceDetail' | translate: { entitled: b.entitled, used: b.used, pending: b.pending } }}</small>
        </div>
      }
      <span class="spacer"></span>
      <a mat-stroked-button routerLink="/hr/leave/calendar" data-testid="leave-calendar-link"><mat-icon>calendar_month</mat-icon> {{ 'leave.calendar.title' | translate }}</a>
      <button mat-flat-button (click)="request()" [disabled]="balances().length === 0" data-testid="leave-new"><mat-icon>add</mat-icon> {{ 'leave.request.title' | translate }}</button>
    </div>
    <bs-list-page titleKey="leave.title" [state]="list">
      <mat-button-toggle-group [value]="scope()" (change)="show($event.value)" hideSingleSelectionIndicator>
        <mat-button-toggle value="Mine" data-testid="scope-mine">{{ 'leave.scope.Mine' | translate }}</mat-button-toggle>
        <mat-button-toggle value="Team" data-testid="scope-team">{{ 'leave.scope.Team' | translate }}</mat-button-toggle>
      </mat-button-toggle-group>
      <table mat-table [dataSource]="list.items()" data-testid="leave-requests">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'leave.number' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.number }}<br /><small>{{ r.employeeName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="type">
          <th mat-header-cell *matHeaderCellDef>{{ 'leave.type' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.leaveTypeName }}</td>
        </ng-container>
        <ng-container matColumnDef="period">
          <th mat-header-cell *matHeaderCellDef>{{ 'leave.period' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.from | date: 'yyyy-MM-dd' }} ~ {{ r.to | date: 'yyyy-MM-dd' }}<br /><small>{{ 'leave.days' | translate: { days: r.days } }}</small></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let r" [attr.data-testid]="'leave-status-' + r.number">
            <span class="chip" [class]="r.status">{{ 'leave.status.' + r.status | translate }}</span>
            @if (r.decisionComment) { <br /><small>{{ r.decisionComment }}</small> }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let r">
            @if (r.status === 'Pending' && scope() === 'Mine' && r.approvalId) {
              <button mat-button (click)="withdraw(r)" [attr.data-testid]="'leave-withdraw-' + r.number">{{ 'leave.withdraw' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `
    .balances { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 16px; }
    .year { width: 110px; } .card { border: 1px solid #ddd; border-radius: 8px; padding: 8px 16px; min-width: 140px; }
    .name { color: #555; } .remaining { font-size: 28px; font-weight: 500; } .spacer { flex: 1; }
    table { width: 100%; } mat-button-toggle-group { margin-bottom: 8px; }
    .chip { padding: 2px 10px; border-radius: 12px; font-size: 13px; }
    .Pending { background: #fff3e0; color: #a04800; } .Approved { background: #e8f5e9; color: #1b5e20; }
    .Rejected { background: #ffebee; color: #b3261e; } .Withdrawn { background: #eeeeee; color: #555; }
  `,
})
export class MyLeavePage implements OnInit {
  private readonly api = inject(SelfServiceApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['number', 'type', 'period', 'status', 'actions'];
  protected readonly balances = signal<LeaveBalance[]>([]);
  /** Balances are per year; next year's can be looked at (and requested from) before it starts. */
  protected readonly year = signal(new Date().getFullYear());
  protected readonly scope = signal<ListScope>('Mine');
  protected readonly list = new ListState<LeaveRequest>(q => this.api.leaveRequests(q, this.scope()));

  ngOnInit(): void { this.load(); }

  load(): void {
    this.api.balances(this.year()).subscribe({ next: b => this.balances.set(b), error: e => this.notifier.error(e) });
    this.list.load();
  }

  showYear(value: string): void {
    const year = Number(value);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) return;
    this.year.set(year);
    this.load();
  }

  show(scope: ListScope): void {
    this.scope.set(scope);
    this.list.firstPage();
  }

  request(): void {
    this.dialog.open(LeaveRequestDialog, { data: this.balances(), width: '480px' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }

  withdraw(request: LeaveRequest): void {
    this.api.withdraw(request.approvalId!).subscribe({ next: () => this.load(), error: e => this.notifier.error(e) });
  }
}
