import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Observable, forkJoin, map } from 'rxjs';
import { Session } from '../core/session';
import { LanguageService } from '../core/language';
import { problemMessage } from '../core/problem';
import { today } from '../shared/dates';
import { ApprovalSummary, OaApi, WorkTask } from '../oa/oa.api';
import { Lead, LeadsApi } from '../crm/leads/leads.api';
import { FinanceApi, Invoice } from '../finance/finance.api';
import { InsightsApi, Kpi, formatKpi, lowerIsBetter, timed, trend } from '../insights/insights.api';
import { Sparkline } from '../insights/sparkline';
import { SHOWN, daysSince, hoursSince, leadsToFollowUp, oldestFirst, overdueInvoices, tasksDue } from './my-work';
import { PermissionName, Permissions } from '../core/api/permissions';

/** One home-page section: its rows, how many there are in all, and whether it is still loading or failed. */
interface Section<T> { loading: boolean; error: string; rows: T[]; total: number; }
const loading = <T>(): Section<T> => ({ loading: true, error: '', rows: [], total: 0 });

/**
 * The day's work first (each section only with its permission), then the KPI cards of the processes the user may see.
 * Built from the modules' own list APIs, so it needs nothing new from them.
 */
@Component({
  selector: 'bs-home',
  imports: [MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, RouterLink, DatePipe, DecimalPipe, TranslatePipe, Sparkline],
  template: `
    <h1 data-testid="home-title">{{ 'home.welcome' | translate: { name: session.me()?.name } }}</h1>
    <p class="who">{{ session.me()?.tenantName ?? ('app.host' | translate) }} · {{ session.me()?.roles?.join(', ') }}</p>

    @if (anyWork()) {
      <h2>{{ 'home.myWork' | translate }}</h2>
      <div class="grid">
        @if (can(Permissions.OaApprovals)) {
          <mat-card data-testid="home-approvals">
            <mat-card-header>
              <mat-icon mat-card-avatar>approval</mat-icon>
              <mat-card-title>{{ 'home.approvals.title' | translate }}
                <span class="count" data-testid="home-approvals-count">{{ approvals().total }}</span></mat-card-title>
              <mat-card-subtitle>{{ 'home.approvals.subtitle' | translate }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (approvals().loading) { <mat-progress-bar mode="indeterminate" /> }
              @if (approvals().error) { <p class="error" role="alert">{{ approvals().error | translate }}</p> }
              @for (a of approvals().rows; track a.id) {
                <a class="row" [routerLink]="['/oa/approvals', a.id]" data-testid="home-approval">
                  <span class="main">{{ a.title }} <small>{{ a.documentNumber }} · {{ a.applicantName }}</small></span>
                  <span class="age" [class.late]="waitingHours(a) >= 48">{{ waitingLabel(a) }}</span>
                </a>
              } @empty {
                @if (!approvals().loading && !approvals().error) { <p class="empty">{{ 'home.approvals.empty' | translate }}</p> }
              }
            </mat-card-content>
            <mat-card-actions><a mat-button routerLink="/oa/approvals">{{ 'home.approvals.open' | translate }}</a></mat-card-actions>
          </mat-card>
        }

        @if (can(Permissions.OaTasks)) {
          <mat-card data-testid="home-tasks">
            <mat-card-header>
              <mat-icon mat-card-avatar>task_alt</mat-icon>
              <mat-card-title>{{ 'home.tasks.title' | translate }} <span class="count">{{ tasks().total }}</span></mat-card-title>
              <mat-card-subtitle>{{ 'home.tasks.subtitle' | translate }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (tasks().loading) { <mat-progress-bar mode="indeterminate" /> }
              @if (tasks().error) { <p class="error" role="alert">{{ tasks().error | translate }}</p> }
              @for (t of tasks().rows; track t.id) {
                <a class="row" [routerLink]="t.link ?? '/oa/tasks'" data-testid="home-task">
                  <span class="main">{{ t.title }} <small>{{ t.assignedByName }}</small></span>
                  <span class="age" [class.late]="t.dueOn! < todayDate">{{ t.dueOn | date: 'mediumDate' : undefined : locale() }}</span>
                </a>
              } @empty {
                @if (!tasks().loading && !tasks().error) { <p class="empty">{{ 'home.tasks.empty' | translate }}</p> }
              }
            </mat-card-content>
            <mat-card-actions><a mat-button routerLink="/oa/tasks">{{ 'home.tasks.open' | translate }}</a></mat-card-actions>
          </mat-card>
        }

        @if (can(Permissions.CrmLeads)) {
          <mat-card data-testid="home-leads">
            <mat-card-header>
              <mat-icon mat-card-avatar>person_search</mat-icon>
              <mat-card-title>{{ 'home.leads.title' | translate }} <span class="count">{{ leads().total }}</span></mat-card-title>
              <mat-card-subtitle>{{ 'home.leads.subtitle' | translate }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (leads().loading) { <mat-progress-bar mode="indeterminate" /> }
              @if (leads().error) { <p class="error" role="alert">{{ leads().error | translate }}</p> }
              @for (l of leads().rows; track l.id) {
                <a class="row" routerLink="/crm/leads" data-testid="home-lead">
                  <span class="main">{{ l.name }} <small>{{ l.contactPerson }} · {{ 'leads.status.' + l.status | translate }}</small></span>
                  <span class="age" [class.late]="days(l.createdAt) >= 7">{{ 'home.daysAgo' | translate: { days: days(l.createdAt) } }}</span>
                </a>
              } @empty {
                @if (!leads().loading && !leads().error) { <p class="empty">{{ 'home.leads.empty' | translate }}</p> }
              }
            </mat-card-content>
            <mat-card-actions><a mat-button routerLink="/crm/leads">{{ 'home.leads.open' | translate }}</a></mat-card-actions>
          </mat-card>
        }

        @if (can(Permissions.FinanceInvoices)) {
          <mat-card data-testid="home-overdue">
            <mat-card-header>
              <mat-icon mat-card-avatar>running_with_errors</mat-icon>
              <mat-card-title>{{ 'home.overdue.title' | translate }} <span class="count">{{ overdue().total }}</span></mat-card-title>
              <mat-card-subtitle>{{ 'home.overdue.subtitle' | translate }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              @if (overdue().loading) { <mat-progress-bar mode="indeterminate" /> }
              @if (overdue().error) { <p class="error" role="alert">{{ overdue().error | translate }}</p> }
              @for (i of overdue().rows; track i.id) {
                <a class="row" [routerLink]="['/finance/invoices', i.id]" data-testid="home-overdue-invoice">
                  <span class="main">{{ i.customerName }} <small>{{ i.number }} · {{ i.currency }} {{ i.outstanding | number: '1.2-2' : locale() }}</small></span>
                  <span class="age late">{{ 'home.daysOverdue' | translate: { days: days(i.dueOn) } }}</span>
                </a>
              } @empty {
                @if (!overdue().loading && !overdue().error) { <p class="empty">{{ 'home.overdue.empty' | translate }}</p> }
              }
            </mat-card-content>
            <mat-card-actions><a mat-button routerLink="/finance/receivables">{{ 'home.overdue.open' | translate }}</a></mat-card-actions>
          </mat-card>
        }
      </div>
    } @else {
      <p class="empty" data-testid="home-no-work">{{ 'home.noWork' | translate }}</p>
    }

    @if (can(Permissions.InsightsView)) {
      <div class="kpi-head">
        <h2>{{ 'home.kpis' | translate }}</h2>
        <a mat-button routerLink="/insights/lead-to-cash" data-testid="home-open-insights">
          <mat-icon>insights</mat-icon> {{ 'home.openDashboards' | translate }}</a>
      </div>
      @if (kpis().loading) { <mat-progress-bar mode="indeterminate" /> }
      @if (kpis().error) { <p class="error" role="alert">{{ kpis().error | translate }}</p> }
      <div class="kpis">
        @for (k of kpis().rows; track k.key) {
          <a class="kpi" [class.breached]="k.breached" [routerLink]="['/insights', k.process]" [queryParams]="{ kpi: k.key }" data-testid="home-kpi">
            <span class="kpi-name">{{ kpiName(k.key) }}</span>
            <span class="kpi-value">{{ value(k) }} @if (timed(k)) { <small>{{ 'insights.units.' + k.unit | translate }}</small> }</span>
            <span class="kpi-foot">
              @if (change(k); as c) {
                <span [class.good]="c.good" [class.bad]="!c.good">{{ c.text }}</span>
              } @else { <span>{{ 'insights.noPrevious' | translate }}</span> }
              @if (k.target !== null) { <span>· {{ 'insights.target' | translate }} {{ format(k.target, k) }}</span> }
            </span>
            <bs-sparkline [series]="k.series" [target]="k.target" />
          </a>
        } @empty {
          @if (!kpis().loading && !kpis().error) { <p class="empty" data-testid="home-kpis-empty">{{ 'home.kpisEmpty' | translate }}</p> }
        }
      </div>
    }
  `,
  styles: `
    .who { color: #666; margin-top: -8px; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(320px, 100%), 1fr)); gap: 16px; }
    mat-card-content { min-height: 60px; }
    .count { display: inline-block; min-width: 24px; padding: 0 8px; margin-left: 6px; border-radius: 12px; background: #e8eaf6;
             color: #283593; font-size: 14px; text-align: center; }
    .row { display: flex; gap: 8px; align-items: baseline; padding: 6px 0; border-bottom: 1px solid #eee; color: inherit; text-decoration: none; }
    .row:hover { background: #f5f5f5; }
    .main { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .main small { color: #666; margin-left: 4px; }
    .age { color: #666; font-size: 13px; white-space: nowrap; }
    .late { color: #b3261e; }
    .empty { color: #666; }
    .error { color: #b3261e; }
    .kpi-head { display: flex; align-items: center; justify-content: space-between; margin-top: 24px; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(220px, 100%), 1fr)); gap: 12px; }
    .kpi { display: flex; flex-direction: column; gap: 4px; padding: 12px; border: 1px solid #e0e0e0; border-radius: 8px;
           color: inherit; text-decoration: none; background: #fff; }
    .kpi:hover { border-color: #3f51b5; }
    .kpi.breached { border-left: 4px solid #b3261e; }
    .kpi-name { font-size: 13px; color: #555; }
    .kpi-value { font-size: 24px; font-weight: 500; }
    .kpi-value small { font-size: 12px; color: #666; font-weight: 400; }
    .kpi-foot { font-size: 12px; color: #666; }
    .good { color: #1b5e20; }
    .bad { color: #b3261e; }
  `,
})
export class HomePage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly oa = inject(OaApi);
  private readonly leadsApi = inject(LeadsApi);
  private readonly finance = inject(FinanceApi);
  private readonly insights = inject(InsightsApi);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LanguageService).current;
  protected readonly todayDate = today();

  protected readonly approvals = signal<Section<ApprovalSummary>>(loading());
  protected readonly tasks = signal<Section<WorkTask>>(loading());
  protected readonly leads = signal<Section<Lead>>(loading());
  protected readonly overdue = signal<Section<Invoice>>(loading());
  protected readonly kpis = signal<Section<Kpi>>(loading());
  protected readonly anyWork = computed(() => [Permissions.OaApprovals, Permissions.OaTasks, Permissions.CrmLeads, Permissions.FinanceInvoices].some(p => this.session.isGranted(p)));

  ngOnInit(): void {
    const all = { skip: 0, take: 100 };
    if (this.can(Permissions.OaApprovals))
      this.fill(this.approvals, this.oa.approvals('assigned', all).pipe(map(page => ({ rows: oldestFirst(page.items), total: page.totalCount }))));
    if (this.can(Permissions.OaTasks)) {
      // Due within a week: today's work and what is already late.
      const horizon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
      this.fill(this.tasks, this.oa.tasks('mine', all).pipe(map(page => tasksDue(page.items, horizon)), map(rows => ({ rows, total: rows.length }))));
    }
    if (this.can(Permissions.CrmLeads)) {
      const me = this.session.me()?.id ?? '';
      this.fill(this.leads, forkJoin([this.leadsApi.list(all, 'New'), this.leadsApi.list(all, 'Contacted')]).pipe(
        map(([fresh, contacted]) => leadsToFollowUp([...fresh.items, ...contacted.items], me)), map(rows => ({ rows, total: rows.length }))));
    }
    if (this.can(Permissions.FinanceInvoices)) {
      const oldestDue = { skip: 0, take: 100, sort: 'dueOn' };
      this.fill(this.overdue, forkJoin([this.finance.invoices(oldestDue, { status: 'Open' }), this.finance.invoices(oldestDue, { status: 'PartiallyPaid' })]).pipe(
        map(([open, partial]) => overdueInvoices([...open.items, ...partial.items], this.todayDate)), map(rows => ({ rows, total: rows.length }))));
    }
    if (this.can(Permissions.InsightsView))
      this.fill(this.kpis, this.insights.kpis().pipe(map(rows => ({ rows, total: rows.length }))), Infinity);
  }

  protected can(permission: PermissionName): boolean { return this.session.isGranted(permission); }
  protected days(date: string): number { return daysSince(date); }
  protected waitingHours(a: ApprovalSummary): number { return hoursSince(a.submittedAt); }
  protected waitingLabel(a: ApprovalSummary): string {
    const hours = this.waitingHours(a);
    return hours < 48 ? this.translate.instant('home.hoursWaiting', { hours }) : this.translate.instant('home.daysWaiting', { days: Math.floor(hours / 24) });
  }

  /** KPI names come from the UI's translations by key; an unknown key shows as it is. */
  protected kpiName(key: string): string {
    const id = `insights.kpis.${key}`;
    const name = this.translate.instant(id);
    return name === id ? key : name;
  }
  protected readonly timed = timed;
  protected value(k: Kpi): string { return formatKpi(k.value, k.unit, this.locale()); }
  protected format(v: number, k: Kpi): string { return formatKpi(v, k.unit, this.locale()); }
  protected change(k: Kpi): { text: string; good: boolean } | null {
    const t = trend(k);
    if (t === null) return null;
    const good = lowerIsBetter(k) ? t <= 0 : t >= 0;
    return { text: `${t > 0 ? '▲' : t < 0 ? '▼' : '='} ${Math.abs(t).toFixed(0)}%`, good };
  }

  private fill<T>(target: ReturnType<typeof signal<Section<T>>>, source: Observable<{ rows: T[]; total: number }>, shown = SHOWN): void {
    source.subscribe({
      next: ({ rows, total }) => target.set({ loading: false, error: '', rows: rows.slice(0, shown), total }),
      error: error => target.set({ loading: false, error: problemMessage(error), rows: [], total: 0 }),
    });
  }
}
