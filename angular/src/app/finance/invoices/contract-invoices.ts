import { Component, effect, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin } from 'rxjs';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { ALL, FinanceApi, Invoice, Receivable } from '../finance.api';
import { CollectionStatusChip, InvoiceStatusChip } from '../status-chips';
import { Permissions } from '../../core/api/permissions';

/**
 * The collection side of a contract or its order, for the CRM and Orders pages: the collection status
 * (回款状态) with its amounts, and the invoices issued so far. Shows nothing without Finance.Invoices.
 */
@Component({
  selector: 'bs-contract-invoices',
  imports: [RouterLink, CurrencyPipe, DatePipe, TranslatePipe, CollectionStatusChip, InvoiceStatusChip],
  template: `
    @if (session.isGranted(Permissions.FinanceInvoices)) {
      <section data-testid="contract-finance">
        <h3>{{ 'finance.collection' | translate }}
          @if (receivable(); as r) { <span data-testid="collection-status"><bs-collection-status [status]="r.status" /></span> }
        </h3>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
        @if (receivable(); as r) {
          <dl class="facts wide">
            <dt>{{ 'finance.receivables.invoiced' | translate }}</dt><dd>{{ r.invoiced | currency: r.currency : 'symbol-narrow' }}</dd>
            <dt>{{ 'finance.receivables.credited' | translate }}</dt><dd>{{ r.credited | currency: r.currency : 'symbol-narrow' }}</dd>
            <dt>{{ 'finance.paid' | translate }}</dt><dd data-testid="collection-paid">{{ r.paid | currency: r.currency : 'symbol-narrow' }}</dd>
            <dt>{{ 'finance.outstanding' | translate }}</dt><dd data-testid="collection-outstanding">{{ r.outstanding | currency: r.currency : 'symbol-narrow' }}</dd>
          </dl>
        }
        @if (invoices().length === 0) { <p class="empty" data-testid="contract-invoices-empty">{{ 'finance.invoices.none' | translate }}</p> }
        @else {
          <table class="phone-cards" data-testid="contract-invoices">
            <tr>
              <th>{{ 'finance.invoices.number' | translate }}</th><th>{{ 'finance.installmentShort' | translate }}</th>
              <th>{{ 'finance.issuedOn' | translate }}</th><th>{{ 'finance.dueOn' | translate }}</th>
              <th class="num">{{ 'contracts.grossTotal' | translate }}</th><th class="num">{{ 'finance.outstanding' | translate }}</th><th>{{ 'common.status' | translate }}</th>
            </tr>
            @for (i of invoices(); track i.id) {
              <tr [attr.data-testid]="'contract-invoice-' + i.installmentNumber">
                <td [attr.data-label]="'finance.invoices.number' | translate"><a [routerLink]="['/finance/invoices', i.id]" [attr.data-testid]="'contract-invoice-link-' + i.installmentNumber">{{ i.number }}</a></td>
                <td [attr.data-label]="'finance.installmentShort' | translate">{{ i.installmentNumber }}</td>
                <td [attr.data-label]="'finance.issuedOn' | translate">{{ i.issuedOn | date: 'yyyy-MM-dd' }}</td><td [attr.data-label]="'finance.dueOn' | translate">{{ i.dueOn | date: 'yyyy-MM-dd' }}</td>
                <td class="num" [attr.data-label]="'contracts.grossTotal' | translate">{{ i.grossTotal | currency: i.currency : 'symbol-narrow' }}</td>
                <td class="num" [attr.data-label]="'finance.outstanding' | translate">{{ i.outstanding | currency: i.currency : 'symbol-narrow' }}</td>
                <td [attr.data-label]="'common.status' | translate"><bs-invoice-status [status]="i.status" /></td>
              </tr>
            }
          </table>
        }
      </section>
    }
  `,
  styles: `
    h3 { display: flex; align-items: center; gap: 12px; }
    table { width: 100%; border-collapse: collapse; }
    th { text-align: left; color: #666; font-weight: normal; }
    td, th { padding: 4px 8px; border-bottom: 1px solid #eee; }
    .num { text-align: right; }
    .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class ContractInvoices {
  protected readonly Permissions = Permissions;
  readonly contractId = input.required<string>();
  /** On the order page: the invoices of that order. */
  readonly orderId = input<string | null>(null);
  protected readonly session = inject(Session);
  private readonly api = inject(FinanceApi);
  protected readonly receivable = signal<Receivable | null>(null);
  protected readonly invoices = signal<Invoice[]>([]);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      const contractId = this.contractId();
      if (!this.session.isGranted(Permissions.FinanceInvoices)) return;
      const orderId = this.orderId();
      forkJoin({
        receivables: this.api.receivables(ALL, { contractId }),
        invoices: this.api.invoices(ALL, orderId ? { orderId } : { contractId }),
      }).subscribe({
        next: ({ receivables, invoices }) => {
          this.receivable.set(receivables.items[0] ?? null);
          this.invoices.set([...invoices.items].sort((a, b) => a.installmentNumber - b.installmentNumber));
        },
        error: error => this.error.set(problemMessage(error)),
      });
    });
  }
}
