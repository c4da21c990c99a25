import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { problemMessage } from '../../core/problem';
import { today } from '../../shared/dates';
import { saveFile } from '../../shared/download';
import { AGING_BUCKETS, AgingReport, FinanceApi, PayableAgingReport } from '../finance.api';

/** One row of either report: the party it is about, with its amounts per bucket. */
interface Row extends Record<(typeof AGING_BUCKETS)[number] | 'total', number> { id: string; name: string }

/** What differs between 应收账款账龄 (what customers owe) and 应付账款账龄 (what is owed to suppliers). */
interface Side {
  title: string;
  party: string;
  empty: string;
  file: string;
  load(api: FinanceApi, asOf: string | null): Observable<AgingReport | PayableAgingReport>;
  export(api: FinanceApi, asOf: string | null): Observable<Blob>;
  rows(report: AgingReport | PayableAgingReport): Row[];
  /** Where a party's name leads: the customer, or the supplier's statement. */
  link(id: string): { path: string[]; query?: Record<string, string> };
}

const SIDES: Record<'ar' | 'ap', Side> = {
  ar: {
    title: 'finance.reports.arAging', party: 'contracts.customer', empty: 'finance.reports.nothingOpen', file: 'ar-aging',
    load: (api, asOf) => api.arAging(asOf), export: (api, asOf) => api.arAgingExport(asOf),
    rows: report => (report as AgingReport).rows.map(r => ({ ...r, id: r.customerId, name: r.customerName })),
    link: id => ({ path: ['/crm/customers', id] }),
  },
  ap: {
    title: 'finance.reports.apAging', party: 'finance.ap.supplier', empty: 'finance.reports.nothingOwed', file: 'ap-aging',
    load: (api, asOf) => api.apAging(asOf), export: (api, asOf) => api.apAgingExport(asOf),
    rows: report => (report as PayableAgingReport).rows.map(r => ({ ...r, id: r.supplierId, name: r.supplierName })),
    link: id => ({ path: ['/finance/supplier-statement'], query: { supplierId: id } }),
  },
};

/** An aging report (AR or AP, from the route's data): open amounts per party by how long they are overdue, with an Excel export. */
@Component({
  selector: 'bs-aging',
  imports: [MatTableModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule, MatProgressBarModule, RouterLink, DatePipe, DecimalPipe,
    TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ config().title | translate }}</h2>
      <span class="spacer"></span>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'finance.reports.asOf' | translate }}</mat-label>
        <input matInput type="date" [value]="asOf()" (change)="asOf.set($any($event.target).value)" data-testid="report-as-of" />
      </mat-form-field>
      <button mat-stroked-button (click)="export()" [disabled]="exporting()" data-testid="aging-export">
        <mat-icon>download</mat-icon> {{ 'finance.reports.export' | translate }}
      </button>
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (report(); as r) {
      <p class="as-of">{{ 'finance.reports.asOfDate' | translate: { date: (r.asOf | date: 'yyyy-MM-dd') } }}</p>
      <div class="scroll">
        <table mat-table [dataSource]="rows()" data-testid="aging-table">
          <ng-container matColumnDef="party">
            <th mat-header-cell *matHeaderCellDef>{{ config().party | translate }}</th>
            <td mat-cell *matCellDef="let row">
              @let to = config().link(row.id);
              <a [routerLink]="to.path" [queryParams]="to.query">{{ row.name }}</a>
            </td>
            <td mat-footer-cell *matFooterCellDef>{{ 'finance.total' | translate }}</td>
          </ng-container>
          @for (bucket of buckets; track bucket) {
            <ng-container [matColumnDef]="bucket">
              <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.reports.buckets.' + bucket | translate }}</th>
              <td mat-cell *matCellDef="let row" class="num">{{ row[bucket] | number: '1.2-2' }}</td>
              <td mat-footer-cell *matFooterCellDef class="num">{{ r.totals[bucket] | number: '1.2-2' }}</td>
            </ng-container>
          }
          <ng-container matColumnDef="total">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'finance.total' | translate }}</th>
            <td mat-cell *matCellDef="let row" class="num">{{ row.total | number: '1.2-2' }}</td>
            <td mat-footer-cell *matFooterCellDef class="num" data-testid="aging-total">{{ r.totals.total | number: '1.2-2' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
          <tr mat-footer-row *matFooterRowDef="columns"></tr>
        </table>
      </div>
      @if (rows().length === 0) { <p class="empty" data-testid="aging-empty">{{ config().empty | translate }}</p> }
    }
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 12px; }
    .spacer { flex: 1; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    .num { text-align: right; white-space: nowrap; }
    td.mat-mdc-footer-cell { font-weight: 500; }
    .as-of, .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class AgingPage {
  private readonly api = inject(FinanceApi);
  private readonly notifier = inject(Notifier);

  /** `ar` or `ap`, from the route's data. */
  readonly side = input.required<'ar' | 'ap'>();

  protected readonly config = computed(() => SIDES[this.side()]);
  protected readonly buckets = AGING_BUCKETS;
  protected readonly columns = ['party', ...AGING_BUCKETS, 'total'];
  protected readonly asOf = signal(today());
  protected readonly report = signal<AgingReport | PayableAgingReport | null>(null);
  protected readonly rows = computed(() => { const r = this.report(); return r ? this.config().rows(r) : []; });
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  protected readonly error = signal('');

  constructor() {
    effect(() => this.load(this.config(), this.asOf()));
  }

  private load(side: Side, asOf: string): void {
    this.loading.set(true);
    this.error.set('');
    side.load(this.api, asOf || null).subscribe({
      next: report => { this.report.set(report); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected export(): void {
    const side = this.config(), asOf = this.asOf();
    this.exporting.set(true);
    side.export(this.api, asOf || null).subscribe({
      next: blob => { saveFile(blob, `${side.file}-${asOf.replaceAll('-', '')}.xlsx`); this.exporting.set(false); },
      error: error => { this.notifier.error(error); this.exporting.set(false); },
    });
  }
}
