import { JournalEntry, chainDocuments, eventAmount } from './document-chain';

const entry = (aggregateType: string, aggregateId: string, eventType: string, payload: object, occurredAt: string): JournalEntry =>
  ({ id: crypto.randomUUID(), eventType, aggregateType, aggregateId, correlationId: 'c', causationId: null, occurredAt, payload: JSON.stringify(payload) });

describe('chainDocuments', () => {
  it('groups events by document, names each by its own number and follows the sale from contract to voucher', () => {
    const documents = chainDocuments([
      entry('Voucher', 'v1', 'VoucherPosted', { voucherNumber: 'V2026000001', total: 100 }, '2026-11-25T10:00:03Z'),
      entry('Invoice', 'i1', 'InvoiceIssued', { invoiceNumber: 'FP2026000001', contractNumber: 'HT1', grossTotal: 100 }, '2026-11-25T10:00:02Z'),
      entry('Contract', 'c1', 'ContractSubmitted', { contractNumber: 'HT1' }, '2026-11-25T09:00:00Z'),
      entry('SalesOrder', 'o1', 'SalesOrderCreated', { orderNumber: 'SO1', contractId: 'c1' }, '2026-11-25T10:00:01Z'),
      entry('Contract', 'c1', 'ContractSigned', { contractNumber: 'HT1' }, '2026-11-25T10:00:00Z'),
    ]);

    expect(documents.map(d => [d.type, d.number])).toEqual([
      ['Contract', 'HT1'], ['SalesOrder', 'SO1'], ['Invoice', 'FP2026000001'], ['Voucher', 'V2026000001']]);
    expect(documents[0].events.map(e => e.eventType)).toEqual(['ContractSubmitted', 'ContractSigned']);
    expect(documents[0].link).toEqual(['/crm/contracts', 'c1']);
    expect(documents[3].link).toBeNull();
  });

  it('reads the amount of an event', () => {
    expect(eventAmount(entry('Payment', 'p', 'PaymentRecorded', { amount: 1000 }, ''))).toBe(1000);
    expect(eventAmount(entry('Contract', 'c', 'ContractSubmitted', { contractNumber: 'HT1' }, ''))).toBeNull();
  });
});
