import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../core/problem';
import { Session } from '../core/session';
import { PdfDownload } from '../shared/pdf-download';
import { SalesOrder, SalesOrdersApi } from '../orders/sales-orders/sales-orders.api';
import { ALL, FinanceApi, Invoice, Payment } from './finance.api';
import { CollectionStatusChip, InvoiceStatusChip } from './status-chips';
import { Permissions } from '../core/api/permissions';

/**
 * The money side of the customer 360° page, one section per place on it: the key figures (balance due, overdue) with the
 * statement, the orders, or the invoices and payments; each part shown with its own permission, each section loading only what it shows.
 */
@Component({
  selector: 'bs-customer-finance',
  imports: [RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, CurrencyPipe, DatePipe, TranslatePipe, CollectionStatusChip, InvoiceStatusChip,
    PdfDownload],
  template: `
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (section() === 'figures' && session.isGranted(Permissions.FinanceInvoices)) {
      <mat-card appearance="outlined" data-testid="customer-balance">
        <mat-card-header><mat-card-title>{{ 'finance.customer.balance' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content>
          <p class="balance" data-testid="customer-balance-due">{{ balance() | currency: currency() : 'symbol-narrow' }}</p>
          <p class="hint">{{ 'finance.customer.balanceHint' | translate }}</p>
        </mat-card-content>
      </mat-card>
      <mat-card appearance="outlined" data-testid="customer-overdue">
        <mat-card-header><mat-card-title>{{ 'finance.customer.overdue' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content>
          <p class="balance" [class.late]="overdue() > 0" data-testid="customer-overdue-amount">{{ overdue() | currency: currency() : 'symbol-narrow' }}</p>
          <p class="hint">{{ 'finance.customer.overdueHint' | translate }}</p>
        </mat-card-content>
      </mat-card>
    }
    @if (section() === 'invoices' && session.isGranted(Permissions.FinanceInvoices)) {
      <mat-card appearance="outlined" data-testid="customer-statement-card">
        <mat-card-content>
          <div class="statement" data-testid="customer-statement">
            <strong>{{ 'finance.customer.statement' | translate }}</strong>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'finance.customer.from' | translate }}</mat-label>
              <input matInput type="date" [value]="from()" (change)="from.set($any($event.target).value)" data-testid="statement-from" />
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>{{ 'finance.customer.to' | translate }}</mat-label>
              <input matInput type="date" [value]="to()" (change)="to.set($any($event.target).value)" data-testid="statement-to" />
            </mat-form-field>
            <bs-pdf-download [url]="'/api/finance/customers/' + customerId() + '/statement/pdf'" [params]="{ from: from(), to: to() }"
              [fileName]="'statement-' + to()" testId="statement-pdf" />
          </div>
        </mat-card-content>
      </mat-card>
    }
    @if (section() === 'orders' && session.isGranted(Permissions.OrdersSalesOrders)) {
      <mat-card appearance="outlined" data-testid="customer-orders">
        <mat-card-header><mat-card-title>{{ 'menu.salesOrders' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content>
          @for (o of orders(); track o.id) {
            <div class="row" [attr.data-testid]="'customer-order-' + o.number">
              <a [routerLink]="['/orders/sales-orders', o.id]">{{ o.number }}</a>
              <span>{{ 'orders.status.' + o.status | translate }}</span>
              <bs-collection-status [status]="o.collectionStatus" />
              <span class="num">{{ o.grossTotal | currency: o.currency : 'symbol-narrow' }}</span>
            </div>
          } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
        </mat-card-content>
      </mat-card>
    }
    @if (section() === 'invoices' && session.isGranted(Permissions.FinanceInvoices)) {
      <mat-card appearance="outlined" data-testid="customer-invoices">
        <mat-card-header><mat-card-title>{{ 'menu.invoices' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content>
          @for (i of invoices(); track i.id) {
            <div class="row" [attr.data-testid]="'customer-invoice-' + i.number">
              <a [routerLink]="['/finance/invoices', i.id]">{{ i.number }}</a>
              <span>{{ i.dueOn | date: 'yyyy-MM-dd' }}</span>
              <bs-invoice-status [status]="i.status" />
              <span class="num">{{ i.outstanding | currency: i.currency : 'symbol-narrow' }}</span>
            </div>
          } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
        </mat-card-content>
      </mat-card>
    }
    @if (section() === 'invoices' && session.isGranted(Permissions.FinancePayments)) {
      <mat-card appearance="outlined" data-testid="customer-payments">
        <mat-card-header><mat-card-title>{{ 'menu.payments' | translate }}</mat-card-title></mat-card-header>
        <mat-card-content>
          @for (p of payments(); track p.id) {
            <div class="row" [attr.data-testid]="'customer-payment-' + p.number">
              <span>{{ p.number }}</span><span>{{ p.receivedOn | date: 'yyyy-MM-dd' }}</span><span>{{ p.invoiceNumber }}</span>
              <span class="num">{{ p.amount | currency: p.currency : 'symbol-narrow' }}</span>
            </div>
          } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
        </mat-card-content>
      </mat-card>
    }
  `,
  styles: `
    :host { display: contents; }
    .row { display: grid; grid-template-columns: 1.4fr 1fr 1fr 1fr; gap: 8px; padding: 4px 0; align-items: center; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .balance { font-size: 24px; font-weight: 500; margin: 4px 0; } .late { color: #b3261e; }
    .hint, .empty { color: var(--mat-sys-on-surface-variant); }
    .statement { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 8px; }
    .statement mat-form-field { width: 160px; }
  `,
})
export class CustomerFinance {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly finance = inject(FinanceApi);
  private readonly salesOrders = inject(SalesOrdersApi);
  readonly customerId = input.required<string>();
  readonly section = input<'figures' | 'orders' | 'invoices'>('figures');
  readonly orders = signal<SalesOrder[]>([]);
  readonly invoices = signal<Invoice[]>([]);
  readonly payments = signal<Payment[]>([]);
  readonly balance = signal(0);
  readonly currency = signal('CNY');
  readonly error = signal<string | null>(null);
  /** What is due and unpaid past its due date, in the customer's invoices. */
  readonly overdue = computed(() => {
    const today = new Date().toISOString().slice(0, 10);
    return this.invoices().filter(i => i.outstanding > 0 && i.dueOn < today).reduce((sum, i) => sum + i.outstanding, 0);
  });
  /** The statement's range (对账期间): this year so far unless changed; dates as the date inputs give them (yyyy-MM-dd). */
  readonly to = signal(new Date().toISOString().slice(0, 10));
  readonly from = signal(`${this.to().slice(0, 4)}-01-01`);

  constructor() {
    effect(() => {
      const customerId = this.customerId();
      const section = this.section();
      const failed = (e: unknown) => this.error.set(problemMessage(e));
      if (section === 'orders' && this.session.isGranted(Permissions.OrdersSalesOrders))
        this.salesOrders.list(ALL, customerId).subscribe({ next: page => this.orders.set(page.items), error: failed });
      if (section !== 'orders' && this.session.isGranted(Permissions.FinanceInvoices))
        this.finance.invoices(ALL, { customerId }).subscribe({ next: page => this.invoices.set(page.items), error: failed });
      if (section === 'figures' && this.session.isGranted(Permissions.FinanceInvoices)) {
        this.finance.receivables(ALL, { customerId }).subscribe({
          next: page => {
            this.balance.set(page.items.reduce((sum, r) => sum + r.outstanding, 0));
            if (page.items.length > 0) this.currency.set(page.items[0].currency);
          },
          error: failed,
        });
      }
      if (section === 'invoices' && this.session.isGranted(Permissions.FinancePayments))
        this.finance.payments(ALL, { customerId }).subscribe({ next: page => this.payments.set(page.items), error: failed });
    });
  }
}
