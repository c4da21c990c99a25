import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { problemMessage } from '../../core/problem';
import { today } from '../../shared/dates';
import { saveFile } from '../../shared/download';
import { FinanceApi, PayableAgingReport } from '../finance.api';
import { AGING_BUCKETS } from './ar-aging.page';

/** 应付账款账龄: what is still owed to each supplier, by how long it is overdue, with an Excel export and a link to the supplier's statement. */
@Component({
  selector: 'bs-ap-aging',
  imports: [MatTableModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule, MatProgressBarModule, RouterLink, DatePipe, DecimalPipe,
    TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'finance.reports.apAging' | translate }}</h2>
      <span class="spacer"></span>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'finance.reports.asOf' | translate }}</mat-label>
        <input matInput type="date" [value]="asOf()" (change)="load($any($event.target).value)" data-testid="report-as-of" />
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
        <table mat-table [dataSource]="r.rows" data-testid="aging-table">
          <ng-container matColumnDef="supplierName">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.ap.supplier' | translate }}</th>
            <td mat-cell *matCellDef="let row">
              <a [routerLink]="['/finance/supplier-statement']" [queryParams]="{ supplierId: row.supplierId }">{{ row.supplierName }}</a>
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
      @if (r.rows.length === 0) { <p class="empty" data-testid="aging-empty">{{ 'finance.reports.nothingOwed' | translate }}</p> }
    }
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 12px; }
    .spacer { flex: 1; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    .num, .mat-column-supplierName { text-align: right; white-space: nowrap; }
    .mat-column-supplierName { text-align: left; }
    td.mat-mdc-footer-cell { font-weight: 500; }
    .as-of, .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class ApAgingPage implements OnInit {
  private readonly api = inject(FinanceApi);
  private readonly notifier = inject(Notifier);
  protected readonly buckets = AGING_BUCKETS;
  protected readonly columns = ['supplierName', ...AGING_BUCKETS, 'total'];
  protected readonly asOf = signal(today());
  protected readonly report = signal<PayableAgingReport | null>(null);
  protected readonly loading = signal(false);
  protected readonly exporting = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void { this.load(this.asOf()); }

  load(asOf: string): void {
    this.asOf.set(asOf);
    this.loading.set(true);
    this.error.set('');
    this.api.apAging(asOf || null).subscribe({
      next: report => { this.report.set(report); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  export(): void {
    this.exporting.set(true);
    const asOf = this.asOf();
    this.api.apAgingExport(asOf || null).subscribe({
      next: blob => { saveFile(blob, `ap-aging-${asOf.replaceAll('-', '')}.xlsx`); this.exporting.set(false); },
      error: error => { this.notifier.error(error); this.exporting.set(false); },
    });
  }
}
