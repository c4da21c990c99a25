import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Notifier } from '../core/notifier';
import { Session } from '../core/session';
import { confirm } from '../shared/confirm';
import { LineTable, QuantityColumn } from '../shared/line-table';
import { PdfDownload } from '../shared/pdf-download';
import { BillDialog } from './bill-dialog';
import { GoodsReceipt, OrderLine, PurchaseOrder, PurchasingApi, SupplierBill } from './purchasing.api';
import { ReceiptDialog } from './receipt-dialog';
import { Permissions } from '../core/api/permissions';
import { CustomField, CustomFieldFacts, CustomFieldsApi } from '../shared/custom-fields';
import { CustomFieldsDialog, CustomFieldsDialogData } from '../shared/custom-fields-dialog';

/** One purchase order: its lines with what is received and billed, its receipts and bills, and the buyer's, keeper's and AP clerk's actions. */
@Component({
  selector: 'bs-purchase-order',
  imports: [MatButtonModule, MatIconModule, LineTable, RouterLink, CurrencyPipe, TranslatePipe, PdfDownload, CustomFieldFacts],
  template: `
    @if (order(); as o) {
      <div class="head">
        <a mat-icon-button routerLink="/purchasing/orders"><mat-icon>arrow_back</mat-icon></a>
        <h2 data-testid="order-number">{{ o.number }}</h2>
        <span class="chip" data-testid="order-status">{{ 'purchasing.orders.status.' + o.status | translate }}</span>
        <span class="spacer"></span>
        <bs-pdf-download [url]="'/api/purchasing/orders/' + o.id + '/pdf'" [fileName]="o.number" testId="order-pdf" />
      </div>
      <p>{{ o.supplierName }} · {{ 'purchasing.orders.expectedOn' | translate }} {{ o.expectedOn ?? '—' }}
        @if (o.requestNumber) { · {{ 'purchasing.orders.request' | translate }} <a [routerLink]="['/purchasing/requests', o.requestId]">{{ o.requestNumber }}</a> }
      </p>
      @if (customFields().length) {
        <dl class="facts"><bs-custom-field-facts [fields]="customFields()" [values]="o.customFields" testId="order" /></dl>
      }
      <div class="actions">
        @if (canBuy && customFields().length) {
          <button mat-stroked-button (click)="editFields(o)" data-testid="order-edit-fields"><mat-icon>edit</mat-icon> {{ 'purchasing.orders.editFields' | translate }}</button>
        }
        @if (canBuy && o.status === 'Draft') {
          <button mat-flat-button (click)="run(api.confirmOrder(o.id))" data-testid="order-confirm">{{ 'purchasing.orders.confirm' | translate }}</button>
        }
        @if (canBuy && (o.status === 'Draft' || o.status === 'Confirmed')) {
          <button mat-stroked-button (click)="cancel(o)" data-testid="order-cancel">{{ 'purchasing.orders.cancel' | translate }}</button>
        }
        @if (canBuy && o.status !== 'Cancelled') {
          <button mat-stroked-button (click)="email(o)" data-testid="order-email"><mat-icon>mail</mat-icon> {{ 'purchasing.orders.email' | translate }}</button>
        }
        @if (canReceive && (o.status === 'Confirmed' || o.status === 'PartiallyReceived')) {
          <button mat-flat-button (click)="receive(o)" data-testid="order-receive"><mat-icon>inventory</mat-icon> {{ 'purchasing.receipts.receive' | translate }}</button>
        }
        @if (canBill && (o.status === 'Confirmed' || o.status === 'PartiallyReceived' || o.status === 'Received')) {
          <button mat-flat-button (click)="bill(o)" data-testid="order-bill"><mat-icon>receipt</mat-icon> {{ 'purchasing.bills.enter' | translate }}</button>
        }
      </div>
      <bs-line-table [lines]="o.lines" [currency]="o.currency" [quantities]="counted" testId="order-lines" />
      <p class="totals">{{ 'purchasing.orders.netTotal' | translate }} {{ o.netTotal | currency: o.currency : 'symbol-narrow' }} ·
        {{ 'purchasing.orders.vatTotal' | translate }} {{ o.vatTotal | currency: o.currency : 'symbol-narrow' }} ·
        <strong>{{ 'purchasing.orders.grossTotal' | translate }} {{ o.grossTotal | currency: o.currency : 'symbol-narrow' }}</strong></p>

      <h3>{{ 'purchasing.receipts.title' | translate }}</h3>
      @for (r of receipts(); track r.id) {
        <div class="entry" [attr.data-testid]="'receipt-' + r.number">
          <strong>{{ r.number }}</strong> · {{ r.receivedOn }} · {{ r.warehouseName }}
          <ul>@for (l of r.lines; track $index) {
            <li>{{ l.description }}: {{ 'purchasing.receipts.accepted' | translate }} {{ l.acceptedQuantity }}
              @if (l.rejectedQuantity) { · {{ 'purchasing.lines.rejected' | translate }} {{ l.rejectedQuantity }} ({{ l.rejectionReason }}) }</li>
          }</ul>
        </div>
      } @empty { <p class="muted">{{ 'common.empty' | translate }}</p> }

      <h3>{{ 'purchasing.bills.title' | translate }}</h3>
      @for (b of bills(); track b.id) {
        <div class="entry" [attr.data-testid]="'bill-' + b.supplierInvoiceNumber">
          <strong>{{ b.number }}</strong> · {{ 'purchasing.bills.supplierInvoiceNumber' | translate }} {{ b.supplierInvoiceNumber }} · {{ b.billDate }} ·
          {{ b.grossTotal | currency: b.currency : 'symbol-narrow' }} · {{ 'purchasing.bills.dueOn' | translate }} {{ b.dueOn }} ·
          <span [attr.data-testid]="'bill-status-' + b.supplierInvoiceNumber">{{ 'purchasing.bills.status.' + b.status | translate }}</span>
          @if (b.overridden) { <span class="warn"> · {{ 'purchasing.bills.overridden' | translate }}: {{ b.overrideReason }}</span> }
        </div>
      } @empty { <p class="muted">{{ 'common.empty' | translate }}</p> }
    }
  `,
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } .facts dt { color: #666; } .facts dd { margin: 0; }
    .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; } .spacer { flex: 1; }
    .chip { background: #e8eaf6; color: #283593; padding: 2px 10px; border-radius: 12px; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; }
    /* The item keeps a readable width on a phone; the figures scroll beside it. */
    .mat-column-description { min-width: 160px; }
    .num { text-align: right; } .muted { color: #666; } .warn { color: #b3261e; } .entry { padding: 6px 0; border-bottom: 1px solid #eee; }
  `,
})
export class PurchaseOrderPage implements OnInit {
  readonly id = input.required<string>();
  protected readonly api = inject(PurchasingApi);
  private readonly notifier = inject(Notifier);
  private readonly dialog = inject(MatDialog);
  private readonly snack = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly session = inject(Session);
  protected readonly canBuy = this.session.isGranted(Permissions.PurchasingOrdersManage);
  protected readonly canReceive = this.session.isGranted(Permissions.PurchasingReceipts);
  protected readonly canBill = this.session.isGranted(Permissions.PurchasingBillsManage);
  protected readonly order = signal<PurchaseOrder | null>(null);
  protected readonly receipts = signal<GoodsReceipt[]>([]);
  protected readonly bills = signal<SupplierBill[]>([]);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  protected readonly customFields = signal<CustomField[]>([]);
  /** Received (with what was rejected at the door) and billed, against each ordered quantity. */
  protected readonly counted: QuantityColumn<OrderLine>[] = [
    { key: 'received', label: 'purchasing.lines.received', value: l => l.receivedQuantity,
      note: l => l.rejectedQuantity ? { label: 'purchasing.lines.rejected', value: l.rejectedQuantity } : null },
    { key: 'billed', label: 'purchasing.lines.billed', value: l => l.billedQuantity },
  ];

  ngOnInit(): void {
    this.load();
    this.customFieldsApi.active('purchasing.purchase-order').subscribe(fields => this.customFields.set(fields));
  }

  editFields(order: PurchaseOrder): void {
    const data: CustomFieldsDialogData<PurchaseOrder> = {
      title: this.translate.instant('purchasing.orders.editFieldsTitle', { number: order.number }), entityType: 'purchasing.purchase-order',
      values: order.customFields, save: values => this.api.setOrderCustomFields(order.id, values),
    };
    this.dialog.open(CustomFieldsDialog<PurchaseOrder>, { data, width: '480px' }).afterClosed().subscribe(saved => { if (saved) this.order.set(saved); });
  }

  load(): void {
    this.api.order(this.id()).subscribe({ next: o => this.order.set(o), error: e => this.notifier.error(e) });
    this.api.receipts(this.id()).subscribe({ next: p => this.receipts.set(p.items), error: e => this.notifier.error(e) });
    if (this.session.isGranted(Permissions.PurchasingBills))
      this.api.bills({ skip: 0, take: 1000 }, this.id()).subscribe({ next: p => this.bills.set(p.items), error: e => this.notifier.error(e) });
  }

  run(call: ReturnType<PurchasingApi['confirmOrder']>): void { call.subscribe({ next: o => this.order.set(o), error: e => this.notifier.error(e) }); }

  cancel(order: PurchaseOrder): void {
    confirm(this.dialog, 'purchasing.orders.cancelConfirm', { number: order.number }).subscribe(ok => { if (ok) this.run(this.api.cancelOrder(order.id)); });
  }

  email(order: PurchaseOrder): void {
    this.api.emailOrder(order.id).subscribe({
      next: () => this.snack.open(this.translate.instant('purchasing.orders.emailed'), undefined, { duration: 4000 }),
      error: e => this.notifier.error(e),
    });
  }

  receive(order: PurchaseOrder): void {
    this.dialog.open(ReceiptDialog, { data: order, width: '860px', maxWidth: '95vw' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }

  bill(order: PurchaseOrder): void {
    this.dialog.open(BillDialog, { data: order, width: '960px', maxWidth: '95vw' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }
}
