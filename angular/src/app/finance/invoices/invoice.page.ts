import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { forkJoin, map, of, switchMap } from 'rxjs';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { PdfDownload } from '../../shared/pdf-download';
import { VoucherList } from '../accounting/voucher-list';
import { ALL, CreditNote, FinanceApi, Invoice, Payment, Voucher } from '../finance.api';
import { InvoiceStatusChip } from '../status-chips';
import { CreditNoteDialog } from './credit-note-dialog';
import { PaymentDialog } from './payment-dialog';
import { Permissions } from '../../core/api/permissions';
import { Timeline } from '../../shared/timeline/timeline';
import { CustomField, CustomFieldFacts, CustomFieldsApi } from '../../shared/custom-fields';
import { CustomFieldsDialog, CustomFieldsDialogData } from '../../shared/custom-fields-dialog';

/** One invoice with everything that happened to it: payments, credit notes and the vouchers they posted. */
@Component({
  selector: 'bs-invoice',
  imports: [Timeline, RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, CurrencyPipe, DatePipe, DecimalPipe, PercentPipe, TranslatePipe,
    InvoiceStatusChip, VoucherList, PdfDownload, CustomFieldFacts],
  template: `
    <a mat-button routerLink="/finance/invoices" data-testid="invoice-back"><mat-icon>arrow_back</mat-icon> {{ 'finance.invoices.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (invoice(); as i) {
      <div class="head">
        <h2 data-testid="invoice-number">{{ 'finance.invoices.invoice' | translate }} {{ i.number }}</h2>
        <span data-testid="invoice-status"><bs-invoice-status [status]="i.status" /></span>
        <span class="spacer"></span>
        @if (session.isGranted(Permissions.KernelDocumentChains)) {
          <a mat-stroked-button [routerLink]="['/documents', i.contractId]" data-testid="open-chain"><mat-icon>account_tree</mat-icon> {{ 'chain.open' | translate }}</a>
        }
        <bs-pdf-download [url]="'/api/finance/invoices/' + i.id + '/pdf'" [fileName]="i.number" testId="invoice-pdf" />
        @if (i.outstanding > 0 && i.status !== 'Credited' && session.isGranted(Permissions.FinancePaymentsRecord)) {
          <button mat-flat-button (click)="recordPayment(i)" data-testid="invoice-record-payment">{{ 'finance.payment.record' | translate }}</button>
        }
        @if (customFields().length && session.isGranted(Permissions.FinanceInvoicesCredit)) {
          <button mat-stroked-button (click)="editFields(i)" data-testid="invoice-edit-fields"><mat-icon>edit</mat-icon> {{ 'finance.invoices.editFields' | translate }}</button>
        }
        @if (i.status === 'Open' && i.paidAmount === 0 && session.isGranted(Permissions.FinanceInvoicesCredit)) {
          <button mat-stroked-button (click)="credit(i)" data-testid="invoice-credit">{{ 'finance.creditNote.issue' | translate }}</button>
        }
      </div>
      <dl class="facts">
        <dt>{{ 'contracts.customer' | translate }}</dt><dd data-testid="invoice-customer">{{ i.customerName }}</dd>
        <dt>{{ 'orders.contract' | translate }}</dt>
        <dd>
          @if (session.isGranted(Permissions.CrmContracts)) {
            <a [routerLink]="['/crm/contracts', i.contractId]" data-testid="invoice-contract">{{ i.contractNumber }}</a>
          } @else { {{ i.contractNumber }} }
          · {{ 'finance.installment' | translate: { number: i.installmentNumber } }}
        </dd>
        <dt>{{ 'finance.issuedOn' | translate }}</dt><dd>{{ i.issuedOn | date: 'yyyy-MM-dd' }}</dd>
        <dt>{{ 'finance.dueOn' | translate }}</dt><dd>{{ i.dueOn | date: 'yyyy-MM-dd' }}</dd>
        @if (i.orderId) {
          <dt>{{ 'orders.order' | translate }}</dt>
          <dd>
            @if (session.isGranted(Permissions.OrdersSalesOrders)) {
              <a [routerLink]="['/orders/sales-orders', i.orderId]" data-testid="invoice-order">{{ 'finance.invoices.openOrder' | translate }}</a>
            } @else { {{ 'finance.invoices.hasOrder' | translate }} }
          </dd>
        }
        <bs-custom-field-facts [fields]="customFields()" [values]="i.customFields" testId="invoice" />
      </dl>

      <h3>{{ 'contracts.lines' | translate }}</h3>
      <table mat-table [dataSource]="i.lines" class="phone-cards" data-testid="invoice-lines">
        <ng-container matColumnDef="description">
          <th mat-header-cell *matHeaderCellDef>{{ 'contracts.description' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.description' | translate">
            {{ l.description }}
            @if (l.specification) { <div class="spec" [attr.data-testid]="'line-spec-' + l.lineNumber">{{ 'finance.invoices.specification' | translate }} {{ l.specification }}</div> }
          </td>
          <td mat-footer-cell *matFooterCellDef>{{ 'finance.total' | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.quantity' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.quantity' | translate" class="num" [attr.data-testid]="'line-quantity-' + l.lineNumber">{{ l.quantity | number: '1.0-4' }} {{ l.unit }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="unitPrice">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.unitPrice' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.unitPrice' | translate" class="num" [attr.data-testid]="'line-price-' + l.lineNumber">{{ l.unitPrice | currency: i.currency : 'symbol-narrow' : '1.2-4' }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="netAmount">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'orders.netAmount' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'orders.netAmount' | translate" class="num">{{ l.netAmount | currency: i.currency : 'symbol-narrow' }}</td>
          <td mat-footer-cell *matFooterCellDef [attr.data-label]="'orders.netAmount' | translate" class="num">{{ i.netTotal | currency: i.currency : 'symbol-narrow' }}</td>
        </ng-container>
        <ng-container matColumnDef="vatRate">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.vatRate' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.vatRate' | translate" class="num">{{ l.vatRate | percent }}</td>
          <td mat-footer-cell *matFooterCellDef></td>
        </ng-container>
        <ng-container matColumnDef="vatAmount">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'orders.vatTotal' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'orders.vatTotal' | translate" class="num">{{ l.vatAmount | currency: i.currency : 'symbol-narrow' }}</td>
          <td mat-footer-cell *matFooterCellDef [attr.data-label]="'orders.vatTotal' | translate" class="num">{{ i.vatTotal | currency: i.currency : 'symbol-narrow' }}</td>
        </ng-container>
        <ng-container matColumnDef="grossAmount">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.grossTotal' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.grossTotal' | translate" class="num">{{ l.grossAmount | currency: i.currency : 'symbol-narrow' }}</td>
          <td mat-footer-cell *matFooterCellDef [attr.data-label]="'contracts.grossTotal' | translate" class="num" data-testid="invoice-gross">{{ i.grossTotal | currency: i.currency : 'symbol-narrow' }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="lineColumns"></tr>
        <tr mat-row *matRowDef="let row; columns: lineColumns"></tr>
        <tr mat-footer-row *matFooterRowDef="lineColumns"></tr>
      </table>
      <dl class="facts money">
        <dt>{{ 'finance.paid' | translate }}</dt><dd data-testid="invoice-paid">{{ i.paidAmount | currency: i.currency : 'symbol-narrow' }}</dd>
        <dt>{{ 'finance.outstanding' | translate }}</dt><dd data-testid="invoice-outstanding">{{ i.outstanding | currency: i.currency : 'symbol-narrow' }}</dd>
      </dl>

      @if (session.isGranted(Permissions.FinancePayments)) {
        <h3>{{ 'finance.payments.title' | translate }}</h3>
        @if (payments().length === 0) { <p class="empty">{{ 'finance.payments.none' | translate }}</p> }
        @else {
          <table class="plain phone-cards" data-testid="invoice-payments">
            @for (p of payments(); track p.id) {
              <tr>
                <td>{{ p.number }}</td><td [attr.data-label]="'finance.payment.receivedOn' | translate">{{ p.receivedOn | date: 'yyyy-MM-dd' }}</td>
                <td [attr.data-label]="'finance.payment.method' | translate">{{ 'finance.methods.' + p.method | translate }}</td>
                <td [attr.data-label]="'finance.payment.reference' | translate">{{ p.reference }}</td>
                <td class="num" [attr.data-label]="'finance.payment.amount' | translate">{{ p.amount | currency: p.currency : 'symbol-narrow' }}</td>
                <td><bs-pdf-download [url]="'/api/finance/payments/' + p.id + '/pdf'" [fileName]="p.number" [testId]="'receipt-pdf-' + p.number" /></td>
              </tr>
            }
          </table>
        }
      }

      @if (creditNotes().length > 0) {
        <h3>{{ 'finance.creditNote.list' | translate }}</h3>
        <table class="plain phone-cards" data-testid="invoice-credit-notes">
          @for (c of creditNotes(); track c.id) {
            <tr>
              <td>{{ c.number }}</td><td [attr.data-label]="'finance.issuedOn' | translate">{{ c.issuedOn | date: 'yyyy-MM-dd' }}</td>
              <td [attr.data-label]="'finance.creditNote.reason' | translate">{{ c.reason }}</td>
              <td class="num" [attr.data-label]="'contracts.grossTotal' | translate">-{{ c.grossTotal | currency: i.currency : 'symbol-narrow' }}</td>
            </tr>
          }
        </table>
      }

      @if (session.isGranted(Permissions.FinanceVouchers)) {
        <h3>{{ 'finance.vouchers.title' | translate }}</h3>
        <bs-voucher-list [vouchers]="vouchers()" />
      }
    }
    @if (invoice()) {
      <section class="record-timeline" data-testid="record-timeline">
        <h3>{{ 'timeline.title' | translate }}</h3>
        <bs-timeline recordType="finance.invoice" [recordId]="id()" />
      </section>
    }
  `,
  styles: `
    .record-timeline { margin-top: 16px; } .record-timeline h3 { margin: 0 0 8px; }
    .head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .spacer { flex: 1; }
    .spec { color: #666; font-size: 12px; }
    .money { grid-template-columns: max-content max-content; justify-content: end; font-weight: 500; }
    table { width: 100%; }
    .plain td { padding: 4px 8px; border-bottom: 1px solid #eee; }
    .num { text-align: right; }
    .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class InvoicePage implements OnInit {
  protected readonly Permissions = Permissions;
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  protected readonly session = inject(Session);
  private readonly api = inject(FinanceApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  protected readonly invoice = signal<Invoice | null>(null);
  protected readonly customFields = signal<CustomField[]>([]);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  protected readonly payments = signal<Payment[]>([]);
  protected readonly creditNotes = signal<CreditNote[]>([]);
  protected readonly vouchers = signal<Voucher[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly lineColumns = ['description', 'quantity', 'unitPrice', 'netAmount', 'vatRate', 'vatAmount', 'grossAmount'];

  ngOnInit(): void {
    this.load();
    this.customFieldsApi.active('finance.invoice').subscribe(fields => this.customFields.set(fields));
  }

  private load(): void {
    this.loading.set(true);
    const id = this.id();
    forkJoin({
      invoice: this.api.invoice(id),
      payments: this.session.isGranted(Permissions.FinancePayments) ? this.api.payments(ALL, { invoiceId: id }) : of({ items: [], totalCount: 0 }),
      creditNotes: this.api.creditNotes(id),
    }).pipe(
      // Vouchers are posted for the invoice itself and for each payment and credit note of it.
      switchMap(loaded => {
        const sources = [id, ...loaded.payments.items.map(p => p.id), ...loaded.creditNotes.map(c => c.id)];
        const vouchers = this.session.isGranted(Permissions.FinanceVouchers) ? forkJoin(sources.map(s => this.api.vouchers(ALL, s))) : of([]);
        return vouchers.pipe(map(pages => ({ ...loaded, vouchers: pages.flatMap(p => p.items) })));
      }),
    ).subscribe({
      next: loaded => {
        this.invoice.set(loaded.invoice);
        this.payments.set(loaded.payments.items);
        this.creditNotes.set(loaded.creditNotes);
        this.vouchers.set(loaded.vouchers);
        this.loading.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  editFields(invoice: Invoice): void {
    const data: CustomFieldsDialogData<Invoice> = {
      title: this.translate.instant('finance.invoices.editFieldsTitle', { number: invoice.number }), entityType: 'finance.invoice',
      values: invoice.customFields, save: values => this.api.setInvoiceCustomFields(invoice.id, values),
    };
    this.dialog.open(CustomFieldsDialog<Invoice>, { data, width: '480px' }).afterClosed().subscribe(saved => { if (saved) this.invoice.set(saved); });
  }

  recordPayment(invoice: Invoice): void {
    this.dialog.open(PaymentDialog, { data: invoice, width: '480px' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }

  credit(invoice: Invoice): void {
    this.dialog.open(CreditNoteDialog, { data: invoice, width: '480px' }).afterClosed().subscribe(done => { if (done) this.load(); });
  }
}
