import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { LanguageService } from '../core/language';
import { Notifier } from '../core/notifier';
import { problemMessage } from '../core/problem';
import { Session } from '../core/session';
import { saveFile } from '../shared/download';
import { today } from '../shared/dates';
import { AGING_BUCKETS, AgingReport, FinanceApi } from '../finance/finance.api';
import {
  ApprovalStep, CashForecastWeek, FunnelStage, InsightsApi, Kpi, PROCESSES, Period, Process, Range, SlowInstance, formatKpi, lowerIsBetter, timed, trend,
} from './insights.api';
import { Sparkline } from './sparkline';
import { Permissions } from '../core/api/permissions';

/** yyyy-MM-dd of a date `days` before today, in the user's time zone as the date inputs show it. */
function daysAgo(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * One process's dashboard: its KPI cards, the selected KPI's trend against its target and its slowest instances
 * (each linking to its document), and the process's own charts — the lead-to-cash funnel, AR aging and cash-in
 * forecast, or the approval steps' bottlenecks. Every chart has a table beside it with the same figures.
 */
@Component({
  selector: 'bs-insights-process',
  imports: [MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule,
    RouterLink, TranslatePipe, NgxEchartsDirective, Sparkline],
  template: `
    <div class="head">
      <h2 data-testid="insights-title">{{ 'insights.processes.' + process() | translate }}</h2>
      <span class="spacer"></span>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'insights.from' | translate }}</mat-label>
        <input matInput type="date" [value]="from()" (change)="from.set($any($event.target).value)" data-testid="insights-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'insights.to' | translate }}</mat-label>
        <input matInput type="date" [value]="to()" (change)="to.set($any($event.target).value)" data-testid="insights-to" />
      </mat-form-field>
      <mat-button-toggle-group [value]="period()" (change)="period.set($event.value)" [attr.aria-label]="'insights.period' | translate">
        @for (p of periods; track p) {
          <mat-button-toggle [value]="p" [attr.data-testid]="'insights-period-' + p">{{ 'insights.periods.' + p | translate }}</mat-button-toggle>
        }
      </mat-button-toggle-group>
    </div>
    <nav class="processes" [attr.aria-label]="'insights.title' | translate">
      @for (p of processes; track p) {
        <a mat-stroked-button [routerLink]="['/insights', p]" [class.active]="p === process()" [attr.data-testid]="'insights-process-' + p">
          {{ 'insights.processes.' + p | translate }}</a>
      }
      @if (session.isGranted(Permissions.InsightsManage)) {
        <a mat-button routerLink="/insights/targets" data-testid="insights-targets"><mat-icon>flag</mat-icon> {{ 'insights.targets' | translate }}</a>
      }
    </nav>
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }

    <section>
      <div class="section-head">
        <h3>{{ 'insights.kpiTitle' | translate }}</h3>
        <button mat-button (click)="export('kpis', { process: process() })" data-testid="export-kpis"><mat-icon>download</mat-icon> {{ 'common.export' | translate }}</button>
      </div>
      @if (loadingKpis()) { <mat-progress-bar mode="indeterminate" /> }
      <div class="kpis" role="group" [attr.aria-label]="'home.kpis' | translate">
        @for (k of kpis(); track k.key) {
          <button type="button" class="kpi" [class.selected]="k.key === selectedKey()" [class.breached]="k.breached"
                  (click)="select(k.key)" [attr.data-testid]="'kpi-' + k.key" [attr.aria-pressed]="k.key === selectedKey()">
            <span class="kpi-name">{{ kpiName(k.key) }}</span>
            <span class="kpi-value">{{ fmt(k.value, k) }} @if (timed(k)) { <small>{{ 'insights.units.' + k.unit | translate }}</small> }</span>
            <span class="kpi-foot">
              @if (change(k); as c) { <span [class.good]="c.good" [class.bad]="!c.good">{{ c.text }}</span> }
              @else { {{ 'insights.noPrevious' | translate }} }
              @if (k.target !== null) { · {{ 'insights.target' | translate }} {{ fmt(k.target, k) }} }
              @if (k.breached) { · <strong class="bad">{{ 'insights.breached' | translate }}</strong> }
            </span>
            <bs-sparkline [series]="k.series" [target]="k.target" />
          </button>
        } @empty {
          @if (!loadingKpis()) { <p class="empty" data-testid="kpis-empty">{{ 'insights.empty' | translate }}</p> }
        }
      </div>
    </section>

    @if (selected(); as k) {
      <section class="pair" data-testid="kpi-detail">
        <div class="panel">
          <h3>{{ 'insights.trendOf' | translate: { name: kpiName(k.key) } }}</h3>
          <div echarts class="chart" [options]="trendChart()" role="img" [attr.aria-label]="'insights.trendOf' | translate: { name: kpiName(k.key) }"></div>
          <table class="data" data-testid="trend-table">
            <caption>{{ 'insights.trendTable' | translate }}</caption>
            <thead><tr><th scope="col">{{ 'insights.periodStart' | translate }}</th><th scope="col" class="num">{{ kpiName(k.key) }}</th></tr></thead>
            <tbody>
              @for (p of k.series; track p.periodStart) {
                <tr><td>{{ date(p.periodStart) }}</td><td class="num" [class.bad]="over(p.value, k)">{{ fmt(p.value, k) }}</td></tr>
              }
            </tbody>
          </table>
        </div>
        <div class="panel">
          <div class="section-head">
            <h3>{{ 'insights.slowest' | translate }}</h3>
            <button mat-button (click)="export('kpis/' + k.key + '/slowest')" data-testid="export-slowest"><mat-icon>download</mat-icon> {{ 'common.export' | translate }}</button>
          </div>
          <table class="data" data-testid="slowest-table">
            <caption>{{ 'insights.slowestHint' | translate }}</caption>
            <thead><tr>
              <th scope="col">{{ 'insights.document' | translate }}</th><th scope="col">{{ 'insights.docTitle' | translate }}</th>
              <th scope="col" class="num">{{ 'insights.duration' | translate }}</th>
            </tr></thead>
            <tbody>
              @for (s of slowest(); track s.documentId) {
                <tr>
                  <td>
                    @if (s.link) { <a [routerLink]="s.link" data-testid="slowest-link">{{ s.documentNumber }}</a> } @else { {{ s.documentNumber }} }
                    <small>{{ docType(s.documentType) }}</small>
                  </td>
                  <td>{{ s.title }}</td>
                  <td class="num">{{ hours(s.hours) }}</td>
                </tr>
              } @empty {
                <tr><td colspan="3" class="empty">{{ 'insights.noSlowest' | translate }}</td></tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }

    @if (process() === 'lead-to-cash') {
      <section class="pair">
        <div class="panel">
          <div class="section-head">
            <h3>{{ 'insights.funnel' | translate }}</h3>
            <button mat-button (click)="export('funnel', { process: process() })" data-testid="export-funnel"><mat-icon>download</mat-icon> {{ 'common.export' | translate }}</button>
          </div>
          @if (funnel().length) {
            <div echarts class="chart" [options]="funnelChart()" role="img" [attr.aria-label]="'insights.funnel' | translate"></div>
          }
          <table class="data" data-testid="funnel-table">
            <caption>{{ 'insights.funnelHint' | translate }}</caption>
            <thead><tr><th scope="col">{{ 'insights.stage' | translate }}</th><th scope="col" class="num">{{ 'insights.count' | translate }}</th>
              <th scope="col" class="num">{{ 'insights.ofFirst' | translate }}</th></tr></thead>
            <tbody>
              @for (f of funnel(); track f.stage) {
                <tr><td>{{ stageName(f.stage) }}</td><td class="num">{{ num(f.count) }}</td><td class="num">{{ share(f.count) }}</td></tr>
              } @empty { <tr><td colspan="3" class="empty">{{ 'insights.empty' | translate }}</td></tr> }
            </tbody>
          </table>
        </div>
        <div class="panel">
          <div class="section-head">
            <h3>{{ 'insights.forecast' | translate }}</h3>
            <button mat-button (click)="export('cash-forecast', { days: 90 })" data-testid="export-forecast"><mat-icon>download</mat-icon> {{ 'common.export' | translate }}</button>
          </div>
          @if (forecast().length) {
            <div echarts class="chart" [options]="forecastChart()" role="img" [attr.aria-label]="'insights.forecast' | translate"></div>
          }
          <table class="data" data-testid="forecast-table">
            <caption>{{ 'insights.forecastHint' | translate }}</caption>
            <thead><tr><th scope="col">{{ 'insights.week' | translate }}</th><th scope="col" class="num">{{ 'insights.amount' | translate }}</th></tr></thead>
            <tbody>
              @for (w of forecast(); track w.weekStart + w.currency) {
                <tr><td>{{ date(w.weekStart) }}</td><td class="num">{{ w.currency }} {{ money(w.amount) }}</td></tr>
              } @empty { <tr><td colspan="2" class="empty">{{ 'insights.noForecast' | translate }}</td></tr> }
            </tbody>
          </table>
        </div>
      </section>
      @if (session.isGranted(Permissions.FinanceReports)) {
        <section class="pair">
          <div class="panel wide">
            <div class="section-head">
              <h3>{{ 'finance.reports.arAging' | translate }}</h3>
              <a mat-button routerLink="/finance/reports/ar-aging">{{ 'insights.openReport' | translate }}</a>
            </div>
            @if (aging(); as a) {
              @if (a.rows.length) {
                <div echarts class="chart" [options]="agingChart()" role="img" [attr.aria-label]="'finance.reports.arAging' | translate"></div>
              }
              <table class="data" data-testid="aging-table">
                <caption>{{ 'finance.reports.asOfDate' | translate: { date: date(a.asOf) } }}</caption>
                <thead><tr><th scope="col">{{ 'contracts.customer' | translate }}</th>
                  @for (b of buckets; track b) { <th scope="col" class="num">{{ 'finance.reports.buckets.' + b | translate }}</th> }
                  <th scope="col" class="num">{{ 'finance.total' | translate }}</th></tr></thead>
                <tbody>
                  @for (r of a.rows; track r.customerId) {
                    <tr><td>{{ r.customerName }}</td>
                      @for (b of buckets; track b) { <td class="num">{{ money(r[b]) }}</td> }
                      <td class="num">{{ money(r.total) }}</td></tr>
                  } @empty { <tr><td [attr.colspan]="buckets.length + 2" class="empty">{{ 'finance.reports.nothingOpen' | translate }}</td></tr> }
                </tbody>
              </table>
            }
          </div>
        </section>
      }
    }

    @if (process() === 'oa') {
      <section class="panel wide">
        <div class="section-head">
          <h3>{{ 'insights.steps' | translate }}</h3>
          <button mat-button (click)="export('approval-steps')" data-testid="export-steps"><mat-icon>download</mat-icon> {{ 'common.export' | translate }}</button>
        </div>
        @if (steps().length) {
          <div echarts class="chart tall" [options]="stepsChart()" role="img" [attr.aria-label]="'insights.steps' | translate"></div>
        }
        <table class="data" data-testid="steps-table">
          <caption>{{ 'insights.stepsHint' | translate }}</caption>
          <thead><tr>
            <th scope="col">{{ 'insights.flow' | translate }}</th><th scope="col" class="num">{{ 'insights.step' | translate }}</th>
            <th scope="col" class="num">{{ 'insights.completed' | translate }}</th><th scope="col" class="num">{{ 'insights.average' | translate }}</th>
            <th scope="col" class="num">P90</th><th scope="col" class="num">{{ 'insights.waiting' | translate }}</th>
            <th scope="col" class="num">{{ 'insights.oldestWaiting' | translate }}</th><th scope="col">{{ 'insights.topApprover' | translate }}</th>
          </tr></thead>
          <tbody>
            @for (s of steps(); track s.documentType + s.stepNumber) {
              <tr>
                <td>{{ s.flowName }} <small>{{ docType(s.documentType) }}</small></td><td class="num">{{ s.stepNumber }}</td>
                <td class="num">{{ num(s.completed) }}</td><td class="num">{{ hours(s.averageHours) }}</td><td class="num">{{ hours(s.p90Hours) }}</td>
                <td class="num" [class.bad]="s.waiting > 0">{{ num(s.waiting) }}</td><td class="num">{{ hours(s.oldestWaitingHours) }}</td>
                <td>{{ s.topApproverName ?? '–' }} @if (s.topApproverWaiting) { <small>({{ s.topApproverWaiting }})</small> }</td>
              </tr>
            } @empty { <tr><td colspan="8" class="empty">{{ 'insights.noSteps' | translate }}</td></tr> }
          </tbody>
        </table>
      </section>
    }
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
    .spacer { flex: 1; }
    .processes { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
    .processes a.active { background: #e8eaf6; }
    section { margin-top: 16px; }
    .section-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
    h3 { margin: 8px 0; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(220px, 100%), 1fr)); gap: 12px; }
    .kpi { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; padding: 12px; border: 1px solid #e0e0e0; border-radius: 8px;
           background: #fff; cursor: pointer; font: inherit; text-align: left; }
    .kpi.selected { border-color: #3f51b5; box-shadow: 0 0 0 1px #3f51b5; }
    .kpi.breached { border-left: 4px solid #b3261e; }
    .kpi-name { font-size: 13px; color: #555; }
    .kpi-value { font-size: 24px; font-weight: 500; }
    .kpi-value small { font-size: 12px; color: #666; font-weight: 400; }
    .kpi-foot { font-size: 12px; color: #666; }
    .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(360px, 100%), 1fr)); gap: 16px; }
    .panel { border: 1px solid #e0e0e0; border-radius: 8px; padding: 12px; background: #fff; min-width: 0; overflow-x: auto; }
    .chart { height: 280px; width: 100%; }
    .chart.tall { height: 360px; }
    table.data { width: 100%; border-collapse: collapse; font-size: 13px; margin-top: 8px; }
    table.data caption { text-align: left; color: #666; padding: 4px 0; caption-side: top; }
    table.data th, table.data td { padding: 6px 8px; border-bottom: 1px solid #eee; text-align: left; }
    table.data td small { color: #666; margin-left: 4px; }
    .num { text-align: right !important; white-space: nowrap; }
    .empty { color: #666; }
    .error { color: #b3261e; }
    .good { color: #1b5e20; }
    .bad { color: #b3261e; }
    @media (max-width: 600px) { .pair { grid-template-columns: 1fr; } .chart { height: 220px; } }
  `,
})
export class ProcessPage {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(InsightsApi);
  private readonly finance = inject(FinanceApi);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);
  private readonly notifier = inject(Notifier);
  private readonly locale = inject(LanguageService).current;

  /** Route parameter and query (`?kpi=`), bound by the router. */
  readonly process = input.required<Process>();
  readonly kpi = input<string | undefined>();

  protected readonly processes = PROCESSES;
  protected readonly periods: Period[] = ['day', 'week', 'month'];
  protected readonly buckets = AGING_BUCKETS;
  protected readonly from = signal(daysAgo(90));
  protected readonly to = signal(today());
  protected readonly period = signal<Period>('week');
  protected readonly error = signal('');
  protected readonly loadingKpis = signal(false);
  protected readonly kpis = signal<Kpi[]>([]);
  protected readonly chosen = signal<string | null>(null);
  protected readonly slowest = signal<SlowInstance[]>([]);
  protected readonly funnel = signal<FunnelStage[]>([]);
  protected readonly forecast = signal<CashForecastWeek[]>([]);
  protected readonly steps = signal<ApprovalStep[]>([]);
  protected readonly aging = signal<AgingReport | null>(null);

  private readonly range = computed<Range>(() => ({ from: this.from(), to: this.to(), period: this.period() }));
  /** The KPI shown in detail: the one clicked or asked for in the URL, else the first breached, else the first. */
  protected readonly selectedKey = computed(() => {
    const keys = this.kpis().map(k => k.key);
    const wanted = this.chosen() ?? this.kpi();
    if (wanted && keys.includes(wanted)) return wanted;
    return this.kpis().find(k => k.breached)?.key ?? keys[0] ?? null;
  });
  protected readonly selected = computed(() => this.kpis().find(k => k.key === this.selectedKey()) ?? null);

  constructor() {
    effect(() => {
      const process = this.process();
      const range = this.range();
      untracked(() => this.load(process, range));
    });
    effect(() => {
      const key = this.selectedKey();
      const range = this.range();
      if (key) untracked(() => this.api.slowest(key, range).subscribe({ next: rows => this.slowest.set(rows), error: () => this.slowest.set([]) }));
      else this.slowest.set([]);
    });
  }

  protected select(key: string): void {
    this.chosen.set(key);
    void this.router.navigate([], { queryParams: { kpi: key }, replaceUrl: true });
  }

  private load(process: Process, range: Range): void {
    this.error.set('');
    this.loadingKpis.set(true);
    this.chosen.set(null);
    this.api.kpis(range, process).subscribe({
      next: rows => { this.kpis.set(rows); this.loadingKpis.set(false); },
      error: error => { this.kpis.set([]); this.error.set(problemMessage(error)); this.loadingKpis.set(false); },
    });
    if (process === 'lead-to-cash') {
      this.api.funnel(range, process).subscribe({ next: rows => this.funnel.set(rows), error: () => this.funnel.set([]) });
      this.api.cashForecast(90).subscribe({ next: rows => this.forecast.set(rows), error: () => this.forecast.set([]) });
      if (this.session.isGranted(Permissions.FinanceReports))
        this.finance.arAging(range.to ?? null).subscribe({ next: report => this.aging.set(report), error: () => this.aging.set(null) });
    }
    if (process === 'oa') this.api.approvalSteps(range).subscribe({ next: rows => this.steps.set(rows), error: () => this.steps.set([]) });
  }

  protected export(table: string, extra: Record<string, string | number> = {}): void {
    this.api.export(table, this.range(), extra).subscribe({
      next: blob => saveFile(blob, `insights-${table.replaceAll('/', '-')}-${this.from().replaceAll('-', '')}-${this.to().replaceAll('-', '')}.xlsx`),
      error: error => this.notifier.error(error),
    });
  }

  // Texts and numbers in the user's language and locale.
  protected kpiName(key: string): string { return this.named(`insights.kpis.${key}`, key); }
  protected stageName(stage: string): string { return this.named(`insights.stages.${stage}`, stage); }
  protected docType(type: string): string { return this.named(`insights.documentTypes.${type}`, type); }
  private named(id: string, fallback: string): string {
    const text = this.translate.instant(id);
    return text === id ? fallback : text;
  }
  protected readonly timed = timed;
  protected fmt(value: number | null, k: Kpi): string { return formatKpi(value, k.unit, this.locale()); }
  protected num(value: number): string { return new Intl.NumberFormat(this.locale()).format(value); }
  protected money(value: number): string { return new Intl.NumberFormat(this.locale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value); }
  protected date(value: string): string { return new Intl.DateTimeFormat(this.locale(), { dateStyle: 'medium' }).format(new Date(value)); }
  protected hours(value: number | null): string {
    if (value === null || value === undefined) return '–';
    const f = new Intl.NumberFormat(this.locale(), { maximumFractionDigits: 1 });
    return value >= 48 ? this.translate.instant('insights.inDays', { n: f.format(value / 24) }) : this.translate.instant('insights.inHours', { n: f.format(value) });
  }
  protected share(count: number): string {
    const first = this.funnel()[0]?.count ?? 0;
    return first ? new Intl.NumberFormat(this.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(count / first) : '–';
  }
  protected over(value: number | null, k: Kpi): boolean {
    if (value === null || k.target === null) return false;
    return lowerIsBetter(k) ? value > k.target : value < k.target;
  }
  protected change(k: Kpi): { text: string; good: boolean } | null {
    const t = trend(k);
    if (t === null) return null;
    return { text: `${t > 0 ? '▲' : t < 0 ? '▼' : '='} ${Math.abs(t).toFixed(0)}%`, good: lowerIsBetter(k) ? t <= 0 : t >= 0 };
  }

  protected readonly trendChart = computed<EChartsCoreOption>(() => {
    const k = this.selected();
    if (!k) return {};
    const target = k.target;
    return {
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: k.series.map(p => this.date(p.periodStart)) },
      yAxis: { type: 'value', name: timed(k) ? this.translate.instant('insights.units.' + k.unit) : '' },
      series: [{
        type: 'line', name: this.kpiName(k.key), data: k.series.map(p => p.value), connectNulls: false, smooth: false, symbolSize: 6,
        markLine: target === null ? undefined : {
          symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed' },
          label: { formatter: `${this.translate.instant('insights.target')} ${this.fmt(target, k)}` }, data: [{ yAxis: target }],
        },
      }],
    };
  });

  protected readonly funnelChart = computed<EChartsCoreOption>(() => ({
    tooltip: { trigger: 'item' },
    series: [{
      type: 'funnel', sort: 'descending', left: '10%', width: '80%', label: { show: true, position: 'inside' },
      data: this.funnel().map(f => ({ name: this.stageName(f.stage), value: f.count })),
    }],
  }));

  protected readonly forecastChart = computed<EChartsCoreOption>(() => ({
    grid: { left: 64, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: this.forecast().map(w => this.date(w.weekStart)) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: this.translate.instant('insights.amount'), data: this.forecast().map(w => w.amount), itemStyle: { color: '#3f51b5' } }],
  }));

  protected readonly agingChart = computed<EChartsCoreOption>(() => {
    const rows = this.aging()?.rows ?? [];
    return {
      grid: { left: 120, right: 16, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(r => r.customerName), axisLabel: { width: 110, overflow: 'truncate' } },
      series: this.buckets.map((b, i) => ({
        type: 'bar', stack: 'aging', name: this.translate.instant('finance.reports.buckets.' + b), data: rows.map(r => r[b]),
        itemStyle: { color: ['#4caf50', '#ffc107', '#ff9800', '#f4511e', '#b71c1c'][i] },
      })),
    };
  });

  protected readonly stepsChart = computed<EChartsCoreOption>(() => {
    const steps = this.steps();
    return {
      grid: { left: 160, right: 16, top: 32, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'value', name: this.translate.instant('insights.units.hours') },
      yAxis: { type: 'category', data: steps.map(s => `${s.flowName} #${s.stepNumber}`), axisLabel: { width: 150, overflow: 'truncate' } },
      series: [
        { type: 'bar', name: this.translate.instant('insights.average'), data: steps.map(s => s.averageHours), itemStyle: { color: '#3f51b5' } },
        { type: 'bar', name: 'P90', data: steps.map(s => s.p90Hours), itemStyle: { color: '#9fa8da' } },
        { type: 'bar', name: this.translate.instant('insights.oldestWaiting'), data: steps.map(s => s.oldestWaitingHours), itemStyle: { color: '#b3261e' } },
      ],
    };
  });
}
