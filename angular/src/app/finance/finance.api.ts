import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';
import type { CustomValues } from '../shared/custom-fields';

export type InvoiceStatus = Enum<'InvoiceStatus'>;
/** How much of a contract has been collected (回款状态). */
export type CollectionStatus = Enum<'CollectionStatus'>;
export type PaymentMethod = Enum<'PaymentMethod'>;

/** An installment's line keeps the contract line's quantity; its unit price is the installment's share (net of VAT). */
export type InvoiceLine = Dto<'InvoiceLineDto'>;
export type Invoice = Dto<'InvoiceDto'>;
export type Payment = Dto<'PaymentDto'>;
export type RecordPayment = Dto<'RecordPaymentRequest'>;
/** 红字发票: reverses an invoice in full. */
export type CreditNote = Dto<'CreditNoteDto'>;
export type Receivable = Dto<'ReceivableDto'>;
export type VoucherLine = Dto<'VoucherLineDto'>;
/** 凭证: posted by itself for every invoice, payment and credit note. */
export type Voucher = Dto<'VoucherDto'>;
export type Account = Dto<'AccountDto'>;
export type TrialBalanceRow = Dto<'TrialBalanceRowDto'>;
export type TrialBalance = Dto<'TrialBalanceDto'>;
export type AgingRow = Dto<'AgingRowDto'>;
/** The buckets of the aging reports, oldest last, as the API names them. */
export const AGING_BUCKETS = ['current', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const;
export type AgingReport = Dto<'AgingReportDto'>;

export type PayableStatus = Enum<'PayableStatus'>;
/** 应付款: owed to an employee for an approved expense claim, or to a supplier for a posted bill. */
export type Payable = Dto<'PayableDto'>;
export type PayPayable = Dto<'PayPayableRequest'>;
export interface PayableFilter { status?: PayableStatus; sourceId?: string; payeeId?: string; sourceType?: string; dueBy?: string; }
/** A supplier that has payables (the pickers of the AP pages). */
export type Payee = Dto<'PayeeDto'>;
export type PaymentRunItem = Dto<'PaymentRunItemDto'>;
/** 付款批次: several payables paid at once under one voucher. */
export type PaymentRun = Dto<'PaymentRunDto'>;
export type NewPaymentRun = Dto<'PaymentRunRequest'>;
export type PayableAgingRow = Dto<'PayableAgingRowDto'>;
export type PayableAgingReport = Dto<'PayableAgingReportDto'>;
export type SupplierStatementEntry = Dto<'SupplierStatementEntryDto'>;
/** 供应商对账单: bills and payments of one supplier in a period with the running balance owed. */
export type SupplierStatement = Dto<'SupplierStatementDto'>;

/** `customField` and `customValue` filter by one option of a custom select field. */
export interface InvoiceFilter { contractId?: string; orderId?: string; customerId?: string; status?: InvoiceStatus; customField?: string; customValue?: string; }

/** Query parameters without the unset ones. */
function defined(values: Record<string, string | number | undefined | null>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Record<string, string | number>;
}

/** Enough for the few invoices, payments or vouchers of one contract, order or invoice. */
export const ALL: PageQuery = { skip: 0, take: 100 };

@Injectable({ providedIn: 'root' })
export class FinanceApi {
  private readonly http = inject(HttpClient);

  invoices(query: PageQuery, filter: InvoiceFilter = {}) {
    return this.http.get<Paged<Invoice>>('/api/finance/invoices', { params: { ...toParams(query), ...defined({ ...filter }) } });
  }
  invoice(id: string) { return this.http.get<Invoice>(`/api/finance/invoices/${id}`); }
  /** An invoice's only edit: its custom-field values, checked by the server. */
  setInvoiceCustomFields(id: string, customFields: CustomValues) {
    return this.http.put<Invoice>(`/api/finance/invoices/${id}/custom-fields`, { customFields });
  }
  creditNotes(invoiceId: string) { return this.http.get<CreditNote[]>(`/api/finance/invoices/${invoiceId}/credit-notes`); }
  credit(invoiceId: string, reason: string) { return this.http.post<CreditNote>(`/api/finance/invoices/${invoiceId}/credit-note`, { reason }); }
  recordPayment(invoiceId: string, payment: RecordPayment) { return this.http.post<Payment>(`/api/finance/invoices/${invoiceId}/payments`, payment); }

  payments(query: PageQuery, filter: { invoiceId?: string; contractId?: string; customerId?: string } = {}) {
    return this.http.get<Paged<Payment>>('/api/finance/payments', { params: { ...toParams(query), ...defined(filter) } });
  }
  receivables(query: PageQuery, filter: { contractId?: string; customerId?: string; status?: CollectionStatus } = {}) {
    return this.http.get<Paged<Receivable>>('/api/finance/receivables', { params: { ...toParams(query), ...defined(filter) } });
  }
  payables(query: PageQuery, filter: PayableFilter = {}) {
    return this.http.get<Paged<Payable>>('/api/finance/payables', { params: { ...toParams(query), ...defined({ ...filter }) } });
  }
  payable(id: string) { return this.http.get<Payable>(`/api/finance/payables/${id}`); }
  pay(id: string, payment: PayPayable) { return this.http.post<Payable>(`/api/finance/payables/${id}/pay`, payment); }
  payableSuppliers() { return this.http.get<Payee[]>('/api/finance/payables/suppliers'); }
  paymentRuns(query: PageQuery) { return this.http.get<Paged<PaymentRun>>('/api/finance/payment-runs', { params: toParams(query) }); }
  createPaymentRun(run: NewPaymentRun) { return this.http.post<PaymentRun>('/api/finance/payment-runs', run); }
  supplierStatement(supplierId: string, from: string | null, to: string | null) {
    return this.http.get<SupplierStatement>(`/api/finance/suppliers/${supplierId}/statement`, { params: defined({ from, to }) });
  }
  vouchers(query: PageQuery, sourceId?: string) {
    return this.http.get<Paged<Voucher>>('/api/finance/vouchers', { params: { ...toParams(query), ...defined({ sourceId }) } });
  }
  accounts() { return this.http.get<Account[]>('/api/finance/accounts'); }

  trialBalance(asOf: string | null) { return this.http.get<TrialBalance>('/api/finance/reports/trial-balance', { params: defined({ asOf }) }); }
  arAging(asOf: string | null) { return this.http.get<AgingReport>('/api/finance/reports/ar-aging', { params: defined({ asOf }) }); }
  arAgingExport(asOf: string | null) {
    return this.http.get('/api/finance/reports/ar-aging/export', { params: defined({ asOf }), responseType: 'blob' });
  }
  apAging(asOf: string | null) { return this.http.get<PayableAgingReport>('/api/finance/reports/ap-aging', { params: defined({ asOf }) }); }
  apAgingExport(asOf: string | null) {
    return this.http.get('/api/finance/reports/ap-aging/export', { params: defined({ asOf }), responseType: 'blob' });
  }
}
