import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto } from '../core/api';

/** The processes the Insights module measures (the `process` query value and the dashboard routes). */
export const PROCESSES = ['lead-to-cash', 'procure-to-pay', 'recruit-to-onboard', 'oa'] as const;
export type Process = (typeof PROCESSES)[number];
export type Period = 'day' | 'week' | 'month';
export type KpiUnit = 'hours' | 'days' | 'percent' | 'amount' | 'count';

export type KpiPoint = Dto<'KpiPointDto'>;
/** `direction`: `max` when the value should stay at or below its target (durations), `min` at or above it (rates).
 * The server sends `unit` as a plain string; it is always one of KpiUnit. */
export type Kpi = Omit<Dto<'KpiDto'>, 'unit'> & { unit: KpiUnit };
export type SlowInstance = Dto<'SlowInstanceDto'>;
export type FunnelStage = Dto<'FunnelStageDto'>;
export type ApprovalStep = Dto<'ApprovalStepStatsDto'>;
export type CashForecastWeek = Dto<'CashForecastWeekDto'>;
export type KpiTarget = Dto<'KpiTargetDto'>;

/** `from`/`to` are yyyy-MM-dd; left out, the API takes the last 90 days. */
export interface Range { from?: string | null; to?: string | null; period?: Period | null; }

function params(range: Range, extra: Record<string, string | number> = {}): Record<string, string | number> {
  const result: Record<string, string | number> = { ...extra };
  if (range.from) result['from'] = range.from;
  if (range.to) result['to'] = range.to;
  if (range.period) result['period'] = range.period;
  return result;
}

@Injectable({ providedIn: 'root' })
export class InsightsApi {
  private readonly http = inject(HttpClient);

  kpis(range: Range = {}, process?: Process) {
    return this.http.get<Kpi[]>('/api/insights/kpis', { params: params(range, process ? { process } : {}) });
  }
  slowest(key: string, range: Range = {}, take = 10) {
    return this.http.get<SlowInstance[]>(`/api/insights/kpis/${encodeURIComponent(key)}/slowest`, { params: params(range, { take }) });
  }
  funnel(range: Range = {}, process: Process = 'lead-to-cash') {
    return this.http.get<FunnelStage[]>('/api/insights/funnel', { params: params(range, { process }) });
  }
  approvalSteps(range: Range = {}) { return this.http.get<ApprovalStep[]>('/api/insights/approval-steps', { params: params(range) }); }
  cashForecast(days = 90) { return this.http.get<CashForecastWeek[]>('/api/insights/cash-forecast', { params: { days } }); }
  targets() { return this.http.get<KpiTarget[]>('/api/insights/targets'); }
  saveTarget(key: string, target: number | null, ownerRole: string) {
    return this.http.put<KpiTarget>(`/api/insights/targets/${encodeURIComponent(key)}`, { target, ownerRole });
  }
  /** Excel of one table: `table` is the route the table was read from (`kpis`, `funnel`, `approval-steps`, `cash-forecast`, `kpis/{key}/slowest`). */
  export(table: string, range: Range = {}, extra: Record<string, string | number> = {}) {
    return this.http.get(`/api/insights/${table}/export`, { params: params(range, extra), responseType: 'blob' });
  }
}

/** A KPI value in the user's locale with its unit; null (nothing measured in the period) is a dash. */
export function formatKpi(value: number | null, unit: KpiUnit, locale: string): string {
  if (value === null || value === undefined) return '–';
  switch (unit) {
    case 'percent': return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'amount': return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'count': return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    default: return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}

/** Durations print their unit after the figure; shares, amounts and counts carry theirs in the number itself. */
export function timed(kpi: Pick<Kpi, 'unit'>): boolean {
  return kpi.unit === 'hours' || kpi.unit === 'days';
}

/** Change against the previous period in percent, or null when either side is missing or the base is zero. */
export function trend(kpi: Pick<Kpi, 'value' | 'previous'>): number | null {
  if (kpi.value === null || kpi.previous === null || kpi.previous === 0) return null;
  return ((kpi.value - kpi.previous) / Math.abs(kpi.previous)) * 100;
}

/** The KPI's own direction when the API gives it; else lower is better for durations and overdue or rejection shares. */
export function lowerIsBetter(kpi: Pick<Kpi, 'key' | 'unit'> & Partial<Pick<Kpi, 'direction'>>): boolean {
  if (kpi.direction) return kpi.direction === 'max';
  return kpi.unit === 'hours' || kpi.unit === 'days' || /overdue|rejection|dso|dpo|time|cycle|duration/i.test(kpi.key);
}
