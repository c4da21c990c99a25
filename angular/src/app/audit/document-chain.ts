/** Journal entries as GET /api/audit/document-chain/{id} returns them. */
export interface JournalEntry {
  id: string; eventType: string; aggregateType: string; aggregateId: string; correlationId: string;
  causationId: string | null; occurredAt: string; payload: string;
}

/** One document of the chain (a contract, an order, an invoice…) with the events that happened to it. */
export interface ChainDocument { type: string; id: string; number: string | null; link: string[] | null; events: JournalEntry[]; }

/** The order a reader follows a sale: contract, order, invoices, payments, credit notes, vouchers, then the rest. */
const ORDER = ['Contract', 'SalesOrder', 'Receivable', 'Invoice', 'Payment', 'CreditNote', 'Voucher'];

const LINKS: Record<string, string> = {
  Contract: '/crm/contracts', SalesOrder: '/orders/sales-orders', Invoice: '/finance/invoices',
};

/** Groups the journal by document, finds each document's number in its own events, and orders the documents along the sale. */
export function chainDocuments(entries: JournalEntry[]): ChainDocument[] {
  const documents = new Map<string, ChainDocument>();
  for (const entry of entries) {
    let document = documents.get(entry.aggregateId);
    if (!document) {
      const link = LINKS[entry.aggregateType];
      document = { type: entry.aggregateType, id: entry.aggregateId, number: null, link: link ? [link, entry.aggregateId] : null, events: [] };
      documents.set(entry.aggregateId, document);
    }
    document.events.push(entry);
    document.number ??= ownNumber(entry);
  }
  const rank = (type: string) => (ORDER.indexOf(type) + ORDER.length + 1) % (ORDER.length + 1);
  return [...documents.values()].sort((a, b) => rank(a.type) - rank(b.type) || a.events[0].occurredAt.localeCompare(b.events[0].occurredAt));
}

/** The document's own number in an event about it: contractNumber for a contract, orderNumber for an order, … */
function ownNumber(entry: JournalEntry): string | null {
  const payload = JSON.parse(entry.payload) as Record<string, unknown>;
  const key = { Contract: 'contractNumber', SalesOrder: 'orderNumber', Invoice: 'invoiceNumber', Payment: 'paymentNumber',
    CreditNote: 'creditNoteNumber', Voucher: 'voucherNumber', Receivable: 'contractNumber' }[entry.aggregateType];
  const value = key ? payload[key] : undefined;
  return typeof value === 'string' ? value : null;
}

/** The amount an event is about, when it has one. */
export function eventAmount(entry: JournalEntry): number | null {
  const payload = JSON.parse(entry.payload) as Record<string, unknown>;
  for (const key of ['amount', 'grossTotal', 'total']) if (typeof payload[key] === 'number') return payload[key] as number;
  return null;
}
