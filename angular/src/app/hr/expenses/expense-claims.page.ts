import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { ExpenseClaim, ListScope, SelfServiceApi } from '../self-service.api';
import { Permissions } from '../../core/api/permissions';
import { MoneyColumn } from '../../shared/money-column';

/** Expense claims (费用报销): mine, my team's, or everyone's for HR. */
@Component({
  selector: 'bs-expense-claims',
  imports: [MoneyColumn, ListPage, MatTableModule, MatButtonToggleModule, RouterLink, DatePipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="expenses.title" [state]="list" [canCreate]="true" (create)="create()">
      <mat-button-toggle-group [value]="scope()" (change)="show($event.value)" hideSingleSelectionIndicator>
        <mat-button-toggle value="Mine">{{ 'leave.scope.Mine' | translate }}</mat-button-toggle>
        <mat-button-toggle value="Team">{{ 'leave.scope.Team' | translate }}</mat-button-toggle>
        @if (session.isGranted(Permissions.HrExpensesManage)) { <mat-button-toggle value="All">{{ 'leave.scope.All' | translate }}</mat-button-toggle> }
      </mat-button-toggle-group>
      <table mat-table [dataSource]="list.items()" data-testid="expense-claims">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'expenses.number' | translate }}</th>
          <td mat-cell *matCellDef="let c"><a [routerLink]="['/hr/expenses', c.id]" [attr.data-testid]="'claim-link-' + c.title">{{ c.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef>{{ 'expenses.claimTitle' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.title }}<br /><small>{{ c.employeeName }} · {{ c.createdAt | date: 'yyyy-MM-dd' }}</small></td>
        </ng-container>
        <bs-money-column name="total" label="expenses.total" />
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let c" [attr.data-testid]="'claim-status-' + c.title">{{ 'expenses.status.' + c.status | translate }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .num { text-align: right; } mat-button-toggle-group { margin-bottom: 8px; }`,
})
export class ExpenseClaimsPage implements OnInit {
  protected readonly Permissions = Permissions;
  private readonly api = inject(SelfServiceApi);
  private readonly router = inject(Router);
  protected readonly session = inject(Session);
  protected readonly columns = ['number', 'title', 'total', 'status'];
  protected readonly scope = signal<ListScope>('Mine');
  protected readonly list = new ListState<ExpenseClaim>(q => this.api.claims(q, this.scope()));

  ngOnInit(): void { this.list.load(); }

  show(scope: ListScope): void {
    this.scope.set(scope);
    this.list.firstPage();
  }

  create(): void { this.router.navigate(['/hr/expenses/new']); }
}
