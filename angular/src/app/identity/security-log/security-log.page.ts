import { DatePipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Dto, Enum, Paged } from '../../core/api';
import { Notifier } from '../../core/notifier';

type SecurityEvent = Dto<'SecurityEventDto'>;
type Kind = Enum<'SecurityEventKind'>;

const KINDS: Kind[] = ['LoginSucceeded', 'LoginFailed', 'LockedOut', 'TwoFactorEnabled', 'TwoFactorDisabled', 'RecoveryCodeUsed',
  'SessionRevoked', 'SessionsRevoked', 'PasswordChanged', 'ApiKeyUsed', 'ImpersonationStarted', 'ImpersonationEnded'];

/** The tenant's security log: sign-ins, failures, lockouts, two-factor changes, revoked sessions, password changes, API-key use. */
@Component({
  selector: 'bs-security-log',
  imports: [ReactiveFormsModule, DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, MatPaginatorModule, MatSelectModule, MatTableModule, TranslatePipe],
  template: `
    <h2>{{ 'securityLog.title' | translate }}</h2>
    <form class="filters" [formGroup]="filters" (ngSubmit)="search()">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'securityLog.user' | translate }}</mat-label>
        <input matInput formControlName="userName" data-testid="security-log-user" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'securityLog.kind' | translate }}</mat-label>
        <mat-select formControlName="kind" data-testid="security-log-kind">
          <mat-option [value]="''">{{ 'securityLog.allKinds' | translate }}</mat-option>
          @for (kind of kinds; track kind) { <mat-option [value]="kind" [attr.data-testid]="'security-log-kind-' + kind">{{ 'securityLog.kinds.' + kind | translate }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'securityLog.from' | translate }}</mat-label>
        <input matInput type="date" formControlName="from" data-testid="security-log-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'securityLog.to' | translate }}</mat-label>
        <input matInput type="date" formControlName="to" data-testid="security-log-to" />
      </mat-form-field>
      <button mat-flat-button type="submit" data-testid="security-log-search">{{ 'common.search' | translate }}</button>
    </form>
    <div class="table">
      <table mat-table [dataSource]="rows()" data-testid="security-log-table">
        <ng-container matColumnDef="at">
          <th mat-header-cell *matHeaderCellDef>{{ 'securityLog.at' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.at | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef>{{ 'securityLog.kind' | translate }}</th>
          <td mat-cell *matCellDef="let e" [class.bad]="e.kind === 'LoginFailed' || e.kind === 'LockedOut'">{{ 'securityLog.kinds.' + e.kind | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="user">
          <th mat-header-cell *matHeaderCellDef>{{ 'securityLog.user' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.userName }}</td>
        </ng-container>
        <ng-container matColumnDef="detail">
          <th mat-header-cell *matHeaderCellDef>{{ 'securityLog.detail' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.detail }}</td>
        </ng-container>
        <ng-container matColumnDef="from">
          <th mat-header-cell *matHeaderCellDef>{{ 'securityLog.address' | translate }}</th>
          <td mat-cell *matCellDef="let e" [title]="e.userAgent ?? ''">{{ e.ipAddress }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
    <mat-paginator [length]="total()" [pageSize]="take" [pageIndex]="skip / take" [pageSizeOptions]="[20, 50, 100]" (page)="page($event)" />
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 8px; }
    .filters mat-form-field { width: 180px; }
    .table { overflow-x: auto; }
    table { width: 100%; }
    .bad { color: #b3261e; }
    .mat-column-at, .mat-column-kind { white-space: nowrap; }
    @media (max-width: 599px) { .filters mat-form-field { width: calc(50% - 4px); } }
  `,
})
export class SecurityLogPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  protected readonly kinds = KINDS;
  protected readonly columns = ['at', 'kind', 'user', 'detail', 'from'];
  protected readonly rows = signal<SecurityEvent[]>([]);
  protected readonly total = signal(0);
  protected readonly filters = inject(FormBuilder).nonNullable.group({ userName: [''], kind: [''], from: [''], to: [''] });
  protected skip = 0;
  protected take = 20;

  ngOnInit(): void { this.load(); }

  search(): void { this.skip = 0; this.load(); }

  page(event: PageEvent): void {
    this.take = event.pageSize;
    this.skip = event.pageIndex * event.pageSize;
    this.load();
  }

  private load(): void {
    const { userName, kind, from, to } = this.filters.getRawValue();
    const params: Record<string, string | number> = { skip: this.skip, take: this.take };
    if (userName.trim()) params['userName'] = userName.trim();
    if (kind) params['kind'] = kind;
    // Dates are days in the user's time zone: from its start to the end of the "to" day.
    if (from) params['from'] = new Date(from + 'T00:00').toISOString();
    if (to) params['to'] = new Date(new Date(to + 'T00:00').getTime() + 86_400_000).toISOString();
    this.http.get<Paged<SecurityEvent>>('/api/identity/security-log', { params }).subscribe({
      next: page => { this.rows.set(page.items); this.total.set(page.totalCount); },
      error: error => this.notifier.error(error),
    });
  }
}
