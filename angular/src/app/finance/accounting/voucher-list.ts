import { Component, computed, input } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import { PdfDownload } from '../../shared/pdf-download';
import { Voucher } from '../finance.api';
import { voucherBalance } from './voucher-balance';

/** Vouchers (凭证) as accountants read them: each with its lines, debits and credits side by side, and their totals. */
@Component({
  selector: 'bs-voucher-list',
  imports: [DatePipe, DecimalPipe, TranslatePipe, PdfDownload],
  template: `
    @for (v of rows(); track v.voucher.id) {
      <section class="voucher" [attr.data-testid]="'voucher-' + v.voucher.number">
        <header>
          <strong>{{ v.voucher.number }}</strong>
          <span>{{ v.voucher.postedOn | date: 'yyyy-MM-dd' }}</span>
          <span>{{ 'finance.vouchers.sources.' + v.voucher.sourceType | translate }} {{ v.voucher.sourceNumber }}</span>
          <span class="summary">{{ v.voucher.summary }}</span>
          <bs-pdf-download [url]="'/api/finance/vouchers/' + v.voucher.id + '/pdf'" [fileName]="v.voucher.number" [testId]="'voucher-pdf-' + v.voucher.number" />
        </header>
        <table>
          <thead>
            <tr>
              <th>{{ 'finance.vouchers.account' | translate }}</th>
              <th class="num">{{ 'finance.debit' | translate }}</th>
              <th class="num">{{ 'finance.credit' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (l of v.voucher.lines; track $index) {
              <tr>
                <td>{{ l.accountCode }} {{ l.accountName }}</td>
                <td class="num">{{ l.debit ? (l.debit | number: '1.2-2') : '' }}</td>
                <td class="num">{{ l.credit ? (l.credit | number: '1.2-2') : '' }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr [class.unbalanced]="!v.balance.balanced" [attr.data-testid]="'voucher-total-' + v.voucher.number">
              <td>{{ 'finance.total' | translate }} @if (!v.balance.balanced) { · {{ 'finance.unbalanced' | translate }} }</td>
              <td class="num">{{ v.balance.debit | number: '1.2-2' }}</td>
              <td class="num">{{ v.balance.credit | number: '1.2-2' }}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    }
  `,
  styles: `
    .voucher { border: 1px solid #e0e0e0; border-radius: 8px; padding: 8px 12px; margin-bottom: 12px; }
    header { display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; margin-bottom: 4px; }
    header bs-pdf-download { margin-left: auto; }
    .summary { color: #666; }
    table { width: 100%; border-collapse: collapse; }
    th { text-align: left; color: #666; font-weight: normal; border-bottom: 1px solid #e0e0e0; }
    td, th { padding: 4px 8px; }
    .num { text-align: right; width: 160px; }
    tfoot td { border-top: 1px solid #e0e0e0; font-weight: 500; }
    .unbalanced { color: #b3261e; }
  `,
})
export class VoucherList {
  readonly vouchers = input.required<Voucher[]>();
  protected readonly rows = computed(() => this.vouchers().map(voucher => ({ voucher, balance: voucherBalance(voucher.lines) })));
}
