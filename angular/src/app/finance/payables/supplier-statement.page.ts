import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { today } from '../../shared/dates';
import { PdfDownload } from '../../shared/pdf-download';
import { FinanceApi, SupplierStatement } from '../finance.api';
import { SupplierPicker } from './supplier-picker';

/** 供应商对账单: one supplier's bills and payments in a period with the running balance owed, printable in Chinese and English. */
@Component({
  selector: 'bs-supplier-statement',
  imports: [MatTableModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule, MatProgressBarModule, DatePipe, DecimalPipe,
    TranslatePipe, PdfDownload, SupplierPicker],
  template: `
    <div class="head"><h2>{{ 'finance.ap.statement' | translate }}</h2></div>
    <div class="filters">
      <bs-supplier-picker [supplierId]="supplierId()" (supplierIdChange)="supplierId.set($event); load()" [allowAll]="false" testId="statement-supplier" />
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'finance.customer.from' | translate }}</mat-label>
        <input matInput type="date" [value]="from()" (change)="from.set($any($event.target).value); load()" data-testid="statement-from" />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'finance.customer.to' | translate }}</mat-label>
        <input matInput type="date" [value]="to()" (change)="to.set($any($event.target).value); load()" data-testid="statement-to" />
      </mat-form-field>
      @if (supplierId()) {
        <bs-pdf-download [url]="'/api/finance/suppliers/' + supplierId() + '/statement/pdf'" [params]="{ from: from(), to: to() }"
          [fileName]="'supplier-statement-' + to()" testId="statement-pdf" />
      }
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (!supplierId()) { <p class="empty">{{ 'finance.ap.chooseSupplier' | translate }}</p> }
    @if (statement(); as s) {
      <div class="scroll">
        <table class="statement" data-testid="statement-table">
          <thead>
            <tr>
              <th>{{ 'finance.ap.date' | translate }}</th><th>{{ 'finance.ap.kind' | translate }}</th><th>{{ 'finance.ap.number' | translate }}</th>
              <th>{{ 'finance.payment.reference' | translate }}</th><th class="num">{{ 'finance.ap.billed' | translate }}</th>
              <th class="num">{{ 'finance.ap.paid' | translate }}</th><th class="num">{{ 'finance.ap.balance' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            <tr class="sum"><td colspan="6">{{ 'finance.ap.opening' | translate }}</td><td class="num" data-testid="statement-opening">{{ s.opening | number: '1.2-2' }}</td></tr>
            @for (e of s.entries; track $index) {
              <tr>
                <td>{{ e.on | date: 'yyyy-MM-dd' }}</td><td>{{ 'finance.ap.kinds.' + e.kind | translate }}</td><td>{{ e.number }}</td><td>{{ e.reference }}</td>
                <td class="num">{{ e.billed ? (e.billed | number: '1.2-2') : '' }}</td><td class="num">{{ e.paid ? (e.paid | number: '1.2-2') : '' }}</td>
                <td class="num">{{ e.balance | number: '1.2-2' }}</td>
              </tr>
            }
            <tr class="sum">
              <td colspan="4">{{ 'finance.ap.periodTotal' | translate }}</td><td class="num">{{ s.billed | number: '1.2-2' }}</td>
              <td class="num">{{ s.paid | number: '1.2-2' }}</td><td></td>
            </tr>
            <tr class="sum"><td colspan="6">{{ 'finance.ap.closing' | translate }} ({{ s.currency }})</td><td class="num" data-testid="statement-closing">{{ s.closing | number: '1.2-2' }}</td></tr>
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; }
    .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 12px; }
    .scroll { overflow-x: auto; }
    table.statement { width: 100%; border-collapse: collapse; font-size: 14px; }
    .statement th, .statement td { padding: 8px; border-bottom: 1px solid #e0e0e0; text-align: left; white-space: nowrap; }
    .statement th { font-weight: 500; color: #555; }
    .statement .num { text-align: right; }
    .statement tr.sum td { font-weight: 500; background: #fafafa; }
    .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class SupplierStatementPage implements OnInit {
  private readonly api = inject(FinanceApi);
  protected readonly supplierId = signal(inject(ActivatedRoute).snapshot.queryParamMap.get('supplierId') ?? '');
  protected readonly to = signal(today());
  protected readonly from = signal(`${today().slice(0, 4)}-01-01`);
  protected readonly statement = signal<SupplierStatement | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void { this.load(); }

  load(): void {
    this.statement.set(null);
    this.error.set('');
    if (!this.supplierId()) return;
    this.loading.set(true);
    this.api.supplierStatement(this.supplierId(), this.from() || null, this.to() || null).subscribe({
      next: statement => { this.statement.set(statement); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }
}
