import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { ContractInvoices } from '../../finance/invoices/contract-invoices';
import { LineTable } from '../../shared/line-table';
import { PdfDownload } from '../../shared/pdf-download';
import { Contract, ContractsApi } from './contracts.api';
import { Permissions } from '../../core/api/permissions';
import { CustomField, CustomFieldFacts, CustomFieldsApi } from '../../shared/custom-fields';
import { Timeline } from '../../shared/timeline/timeline';

/** One contract: its lines, its collection plan, and once signed how much of it has been invoiced and collected. */
@Component({
  selector: 'bs-contract',
  imports: [Timeline, PdfDownload, RouterLink, LineTable, MatButtonModule, MatIconModule, MatProgressBarModule, CurrencyPipe, DatePipe, TranslatePipe,
    ContractInvoices, CustomFieldFacts],
  template: `
    <a mat-button routerLink="/crm/contracts" data-testid="contract-back"><mat-icon>arrow_back</mat-icon> {{ 'contracts.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (contract(); as c) {
      <div class="head">
        <h2 data-testid="contract-number">{{ c.number }} {{ c.title }}</h2>
        <span class="status" data-testid="contract-status">{{ 'contracts.status.' + c.status | translate }}</span>
        @if (c.approvalId) {
          <a mat-stroked-button [routerLink]="['/oa/approvals', c.approvalId]" data-testid="open-approval"><mat-icon>fact_check</mat-icon> {{ 'contracts.approval' | translate }}</a>
        }
        @if (session.isGranted(Permissions.KernelDocumentChains)) {
          <a mat-stroked-button [routerLink]="['/documents', c.id]" data-testid="open-chain"><mat-icon>account_tree</mat-icon> {{ 'chain.open' | translate }}</a>
        }
        <bs-pdf-download [url]="'/api/crm/contracts/' + c.id + '/pdf'" [fileName]="c.number" testId="contract-pdf" />
      </div>
      <dl class="facts">
        <dt>{{ 'contracts.customer' | translate }}</dt><dd>{{ c.customerName }}</dd>
        <dt>{{ 'contracts.signedOn' | translate }}</dt><dd>{{ c.signedOn ? (c.signedOn | date: 'yyyy-MM-dd') : '—' }}</dd>
        <dt>{{ 'orders.netTotal' | translate }}</dt><dd>{{ c.netTotal | currency: c.currency : 'symbol-narrow' }}</dd>
        <dt>{{ 'orders.vatTotal' | translate }}</dt><dd>{{ c.vatTotal | currency: c.currency : 'symbol-narrow' }}</dd>
        <dt>{{ 'contracts.grossTotal' | translate }}</dt><dd>{{ c.grossTotal | currency: c.currency : 'symbol-narrow' }}</dd>
        <bs-custom-field-facts [fields]="customFields()" [values]="c.customFields" testId="contract" />
      </dl>

      <h3>{{ 'contracts.lines' | translate }}</h3>
      <bs-line-table [lines]="c.lines" [currency]="c.currency" testId="contract-lines" />

      <h3>{{ 'contracts.plan' | translate }}</h3>
      <table class="plain" data-testid="contract-plan">
        @for (i of c.installments; track $index) {
          <tr>
            <td>{{ i.number }}</td>
            <td>{{ 'contracts.triggers.' + i.trigger | translate }} @if (i.dueDate) { {{ i.dueDate | date: 'yyyy-MM-dd' }} }</td>
            <td>{{ i.percentage }}%</td>
            <td class="num">{{ i.amount | currency: c.currency : 'symbol-narrow' }}</td>
          </tr>
        }
      </table>

      @if (c.status === 'Signed' || c.status === 'Completed' || c.status === 'Terminated') {
        <bs-contract-invoices [contractId]="c.id" />
      }
    }
    @if (contract()) {
      <section class="record-timeline" data-testid="record-timeline">
        <h3>{{ 'timeline.title' | translate }}</h3>
        <bs-timeline recordType="crm.contract" [recordId]="id()" />
      </section>
    }
  `,
  styles: `
    .record-timeline { margin-top: 16px; } .record-timeline h3 { margin: 0 0 8px; }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
    .status { padding: 2px 8px; border-radius: 12px; background: #e8eaf6; }
    table { width: 100%; }
    .plain td { padding: 4px 8px; border-bottom: 1px solid #eee; }
    .num { text-align: right; }
    .error { color: #b3261e; }
  `,
})
export class ContractPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  private readonly api = inject(ContractsApi);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  protected readonly contract = signal<Contract | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly customFields = signal<CustomField[]>([]);

  ngOnInit(): void {
    this.customFieldsApi.active('crm.contract').subscribe(fields => this.customFields.set(fields));
    this.loading.set(true);
    this.api.get(this.id()).subscribe({
      next: contract => { this.contract.set(contract); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }
}
