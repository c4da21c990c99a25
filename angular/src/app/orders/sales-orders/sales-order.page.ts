import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { LineTable, QuantityColumn } from '../../shared/line-table';
import { PdfDownload } from '../../shared/pdf-download';
import { ContractInvoices } from '../../finance/invoices/contract-invoices';
import { DeliverDialog } from './deliver-dialog';
import { salesOrderTimeline } from './sales-order-timeline';
import { SalesOrder, SalesOrderLine, SalesOrdersApi } from './sales-orders.api';
import { Permissions } from '../../core/api/permissions';
import { Timeline } from '../../shared/timeline/timeline';
import { CustomField, CustomFieldFacts, CustomFieldsApi } from '../../shared/custom-fields';
import { CustomFieldsDialog, CustomFieldsDialogData } from '../../shared/custom-fields-dialog';

/** One sales order: its lines with what was delivered, and its timeline from creation to full delivery. */
@Component({
  selector: 'bs-sales-order',
  imports: [Timeline, RouterLink, LineTable, MatButtonModule, MatIconModule, MatProgressBarModule, CurrencyPipe, DatePipe, DecimalPipe, TranslatePipe,
    ContractInvoices, PdfDownload, CustomFieldFacts],
  template: `
    <a mat-button routerLink="/orders/sales-orders" data-testid="order-back"><mat-icon>arrow_back</mat-icon> {{ 'orders.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (order(); as o) {
      <div class="head">
        <h2 data-testid="order-number">{{ 'orders.order' | translate }} {{ o.number }}</h2>
        <span class="status" data-testid="order-status">{{ 'orders.status.' + o.status | translate }}</span>
        @if (session.isGranted(Permissions.KernelDocumentChains)) {
          <a mat-stroked-button [routerLink]="['/documents', o.contractId]" data-testid="open-chain"><mat-icon>account_tree</mat-icon> {{ 'chain.open' | translate }}</a>
        }
        <span class="spacer"></span>
        @if (customFields().length && session.isGranted(Permissions.OrdersSalesOrdersDeliver)) {
          <button mat-stroked-button (click)="editFields(o)" data-testid="order-edit-fields"><mat-icon>edit</mat-icon> {{ 'orders.editFields' | translate }}</button>
        }
        @if (o.status !== 'Delivered' && session.isGranted(Permissions.OrdersSalesOrdersDeliver)) {
          <button mat-flat-button (click)="deliver(o)" data-testid="order-deliver">{{ 'orders.deliver' | translate }}</button>
        }
      </div>
      <dl class="facts">
        <dt>{{ 'orders.contract' | translate }}</dt>
        <dd>
          @if (session.isGranted(Permissions.CrmContracts)) {
            <a [routerLink]="['/crm/contracts', o.contractId]" data-testid="order-contract">{{ o.contractNumber }}</a>
          } @else { {{ o.contractNumber }} }
        </dd>
        <dt>{{ 'contracts.customer' | translate }}</dt><dd data-testid="order-customer">{{ o.customerName }}</dd>
        <dt>{{ 'common.createdAt' | translate }}</dt><dd>{{ timeline()[0].date | date: 'yyyy-MM-dd HH:mm' }}</dd>
        <dt>{{ 'orders.netTotal' | translate }}</dt><dd>{{ o.netTotal | currency: o.currency : 'symbol-narrow' }}</dd>
        <dt>{{ 'orders.vatTotal' | translate }}</dt><dd>{{ o.vatTotal | currency: o.currency : 'symbol-narrow' }}</dd>
        <dt>{{ 'contracts.grossTotal' | translate }}</dt><dd data-testid="order-gross">{{ o.grossTotal | currency: o.currency : 'symbol-narrow' }}</dd>
        <bs-custom-field-facts [fields]="customFields()" [values]="o.customFields" testId="order" />
      </dl>

      <h3>{{ 'contracts.lines' | translate }}</h3>
      <bs-line-table [lines]="o.lines" [currency]="o.currency" [quantities]="delivered" testId="order-lines" />

      <h3>{{ 'orders.timeline' | translate }}</h3>
      <ol class="timeline" data-testid="order-timeline">
        @for (entry of timeline(); track $index) {
          <li [attr.data-testid]="'timeline-' + entry.kind">
            <span class="date">{{ entry.date | date: entry.kind === 'created' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd' }}</span>
            <strong>{{ 'orders.events.' + entry.kind | translate }}</strong>
            @if (entry.note) { <span class="note">{{ entry.note }}</span> }
            @if (entry.quantities.length) {
              <ul>@for (q of entry.quantities; track $index) { <li>{{ q.description }} × {{ q.quantity | number }}</li> }</ul>
            }
            @if (entry.deliveryId) {
              <bs-pdf-download [url]="'/api/orders/sales-orders/' + o.id + '/deliveries/' + entry.deliveryId + '/pdf'"
                [fileName]="o.number + '-' + $index" [testId]="'delivery-note-' + $index" />
            }
          </li>
        }
      </ol>

      <bs-contract-invoices [contractId]="o.contractId" [orderId]="o.id" />
    }
    @if (order()) {
      <section class="record-timeline" data-testid="record-timeline">
        <h3>{{ 'timeline.title' | translate }}</h3>
        <bs-timeline recordType="orders.sales-order" [recordId]="id()" />
      </section>
    }
  `,
  styles: `
    .record-timeline { margin-top: 16px; } .record-timeline h3 { margin: 0 0 8px; }
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; }
    .spacer { flex: 1; }
    .status { padding: 2px 8px; border-radius: 12px; background: #e8eaf6; }
    table { width: 100%; }
    .timeline { list-style: none; padding-left: 16px; border-left: 2px solid #c5cae9; }
    .timeline > li { margin: 0 0 12px 8px; }
    .timeline .date { color: #666; margin-right: 8px; }
    .timeline .note { margin-left: 8px; font-style: italic; }
    .error { color: #b3261e; }
  `,
})
export class SalesOrderPage implements OnInit {
  protected readonly Permissions = Permissions;
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  protected readonly session = inject(Session);
  private readonly api = inject(SalesOrdersApi);
  private readonly dialog = inject(MatDialog);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  private readonly translate = inject(TranslateService);
  protected readonly order = signal<SalesOrder | null>(null);
  protected readonly customFields = signal<CustomField[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly timeline = computed(() => { const o = this.order(); return o ? salesOrderTimeline(o) : []; });
  protected readonly delivered: QuantityColumn<SalesOrderLine>[] = [{ key: 'delivered', label: 'orders.delivered', value: l => l.deliveredQuantity }];

  ngOnInit(): void {
    this.load();
    this.customFieldsApi.active('orders.sales-order').subscribe(fields => this.customFields.set(fields));
  }

  private load(): void {
    this.loading.set(true);
    this.api.get(this.id()).subscribe({
      next: order => { this.order.set(order); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  editFields(order: SalesOrder): void {
    const data: CustomFieldsDialogData<SalesOrder> = {
      title: this.translate.instant('orders.editFieldsTitle', { number: order.number }), entityType: 'orders.sales-order', values: order.customFields,
      save: values => this.api.setCustomFields(order.id, values),
    };
    this.dialog.open(CustomFieldsDialog<SalesOrder>, { data, width: '480px' }).afterClosed().subscribe(saved => { if (saved) this.order.set(saved); });
  }

  deliver(order: SalesOrder): void {
    this.dialog.open(DeliverDialog, { data: order, width: '640px' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }
}
