import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export type InvoiceStatus = 'Open' | 'PartiallyPaid' | 'Paid' | 'Credited';
/** How much of a contract has been collected (回款状态). */
export type CollectionStatus = 'Unpaid' | 'Partial' | 'Paid' | 'Overdue';
export type PaymentMethod = 'BankTransfer' | 'Cash' | 'Stripe';

/** An installment's line keeps the contract line's quantity; its unit price is the installment's share (net of VAT). */
export interface InvoiceLine {
  lineNumber: number; description: string; specification: string | null; unit: string | null; quantity: number; unitPrice: number;
  vatRate: number; netAmount: number; vatAmount: number; grossAmount: number;
}
export interface Invoice {
  id: string; number: string; contractId: string; contractNumber: string; orderId: string | null; customerId: string; customerName: string;
  currency: string; installmentNumber: number; status: InvoiceStatus; issuedOn: string; dueOn: string; netTotal: number; vatTotal: number;
  grossTotal: number; paidAmount: number; outstanding: number; lines: InvoiceLine[]; createdAt: string;
}
export interface Payment {
  id: string; number: string; invoiceId: string; invoiceNumber: string; contractId: string; customerId: string; customerName: string;
  currency: string; method: PaymentMethod; receivedOn: string; amount: number; reference: string | null; createdAt: string;
}
export interface RecordPayment { amount: number; receivedOn: string | null; method: PaymentMethod; reference: string | null; }
/** 红字发票: reverses an invoice in full. */
export interface CreditNote {
  id: string; number: string; invoiceId: string; invoiceNumber: string; issuedOn: string; reason: string; netTotal: number; vatTotal: number; grossTotal: number;
}
export interface Receivable {
  contractId: string; contractNumber: string; orderId: string | null; customerId: string; customerName: string; currency: string;
  grossTotal: number; invoiced: number; credited: number; paid: number; outstanding: number; status: CollectionStatus;
}
export interface VoucherLine { accountCode: string; accountName: string; debit: number; credit: number; }
/** 凭证: posted by itself for every invoice, payment and credit note. */
export interface Voucher {
  id: string; number: string; postedOn: string; summary: string;
  sourceType: 'Invoice' | 'Payment' | 'CreditNote' | 'Payable' | 'PayablePayment' | 'GoodsReceipt' | 'SupplierBill' | 'StockIssue' | 'Stocktake' | 'PaymentRun' | 'StockRevaluation';
  sourceId: string;
  sourceNumber: string; total: number; lines: VoucherLine[];
}
export interface Account { code: string; name: string; type: string; }
export interface TrialBalanceRow { accountCode: string; accountName: string; debit: number; credit: number; balanceDebit: number; balanceCredit: number; }
export interface TrialBalance { asOf: string; rows: TrialBalanceRow[]; totalDebit: number; totalCredit: number; balanced: boolean; }
export interface AgingRow {
  customerId: string; customerName: string; current: number; days1To30: number; days31To60: number; days61To90: number; over90: number; total: number;
}
export interface AgingReport { asOf: string; rows: AgingRow[]; totals: AgingRow; }

export type PayableStatus = 'Open' | 'Paid';
/** 应付款: owed to an employee for an approved expense claim, or to a supplier for a posted bill. */
export interface Payable {
  id: string; number: string; payeeId: string; payeeName: string; sourceType: string; sourceId: string; sourceNumber: string; currency: string;
  amount: number; status: PayableStatus; recordedOn: string; dueOn: string; paidOn: string | null; reference: string | null;
  paymentRunId: string | null; createdAt: string;
}
export interface PayPayable { paidOn: string | null; reference: string | null; }
export interface PayableFilter { status?: PayableStatus; sourceId?: string; payeeId?: string; sourceType?: string; dueBy?: string; }
/** A supplier that has payables (the pickers of the AP pages). */
export interface Payee { id: string; name: string; }
export interface PaymentRunItem { payableId: string; payableNumber: string; payeeId: string; payeeName: string; sourceType: string; sourceNumber: string; amount: number; }
/** 付款批次: several payables paid at once under one voucher. */
export interface PaymentRun {
  id: string; number: string; paidOn: string; reference: string | null; currency: string; total: number; items: PaymentRunItem[]; createdAt: string;
}
export interface NewPaymentRun { payableIds: string[]; paidOn: string | null; reference: string | null; }
export interface PayableAgingRow {
  supplierId: string; supplierName: string; current: number; days1To30: number; days31To60: number; days61To90: number; over90: number; total: number;
}
export interface PayableAgingReport { asOf: string; rows: PayableAgingRow[]; totals: PayableAgingRow; }
export interface SupplierStatementEntry { on: string; kind: 'bill' | 'payment'; number: string; reference: string; billed: number; paid: number; balance: number; }
/** 供应商对账单: bills and payments of one supplier in a period with the running balance owed. */
export interface SupplierStatement {
  supplierId: string; supplierName: string; currency: string; from: string; to: string; opening: number; entries: SupplierStatementEntry[];
  billed: number; paid: number; closing: number;
}

export interface InvoiceFilter { contractId?: string; orderId?: string; customerId?: string; status?: InvoiceStatus; }

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
