import { Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { CollectionStatus, InvoiceStatus, PayableStatus } from './finance.api';

const chipStyles = `
  .chip { display: inline-block; padding: 2px 10px; border-radius: 12px; font-size: 13px; white-space: nowrap; }
  .Open, .Unpaid { background: #e8eaf6; color: #283593; }
  .PartiallyPaid, .Partial { background: #fff3e0; color: #a04800; }
  .Paid { background: #e8f5e9; color: #1b5e20; }
  .Credited { background: #eeeeee; color: #555; }
  .Overdue { background: #ffebee; color: #b3261e; }
`;

@Component({
  selector: 'bs-invoice-status',
  imports: [TranslatePipe],
  template: `<span class="chip" [class]="status()">{{ 'finance.invoiceStatus.' + status() | translate }}</span>`,
  styles: chipStyles,
})
export class InvoiceStatusChip {
  readonly status = input.required<InvoiceStatus>();
}

/** 回款状态 of a contract (and its order). */
@Component({
  selector: 'bs-collection-status',
  imports: [TranslatePipe],
  template: `<span class="chip" [class]="status()">{{ 'finance.collectionStatus.' + status() | translate }}</span>`,
  styles: chipStyles,
})
export class CollectionStatusChip {
  /**
   * Never null from the server; the OpenAPI document says `| null` because the receivables list's status filter is a
   * nullable parameter and ASP.NET puts `null` into the enum's one shared schema.
   */
  readonly status = input.required<CollectionStatus | null>();
}

/** 应付款 status: open until finance pays it. */
@Component({
  selector: 'bs-payable-status',
  imports: [TranslatePipe],
  template: `<span class="chip" [class]="status()">{{ 'finance.payableStatus.' + status() | translate }}</span>`,
  styles: chipStyles,
})
export class PayableStatusChip {
  readonly status = input.required<PayableStatus>();
}
