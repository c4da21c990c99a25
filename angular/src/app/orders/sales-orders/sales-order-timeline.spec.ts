import { salesOrderTimeline } from './sales-order-timeline';
import { SalesOrder } from './sales-orders.api';

function order(overrides: Partial<SalesOrder>): SalesOrder {
  return {
    id: 'o1', number: 'SO202600001', contractId: 'c1', contractNumber: 'HT202600001', customerId: 'k1', customerName: '宁波某某贸易有限公司',
    currency: 'CNY', status: 'Open', collectionStatus: 'Unpaid', netTotal: 108000, vatTotal: 13480, grossTotal: 121480, createdAt: '2026-11-01T08:00:00',
    lines: [
      { id: 'l1', productId: null, description: '服务器', quantity: 4, deliveredQuantity: 0, unitPrice: 25000, discountRate: 0, vatRate: 0.13, netAmount: 100000, vatAmount: 13000 },
      { id: 'l2', productId: null, description: '安装调试', quantity: 1, deliveredQuantity: 0, unitPrice: 8000, discountRate: 0, vatRate: 0.06, netAmount: 8000, vatAmount: 480 },
    ],
    deliveries: [], customFields: {},
    ...overrides,
  };
}

describe('salesOrderTimeline', () => {
  it('starts with the creation of an open order', () => {
    expect(salesOrderTimeline(order({}))).toEqual([{ kind: 'created', date: '2026-11-01T08:00:00Z', note: null, quantities: [] }]);
  });

  it('lists deliveries by date with what went out, and ends with full delivery', () => {
    const timeline = salesOrderTimeline(order({
      status: 'Delivered',
      deliveries: [
        { id: 'd2', deliveredOn: '2026-11-20', note: null, lines: [{ orderLineId: 'l1', quantity: 1 }, { orderLineId: 'l2', quantity: 1 }] },
        { id: 'd1', deliveredOn: '2026-11-10', note: '第一批', lines: [{ orderLineId: 'l1', quantity: 3 }] },
      ],
    }));

    expect(timeline.map(e => [e.kind, e.date])).toEqual([
      ['created', '2026-11-01T08:00:00Z'], ['delivery', '2026-11-10'], ['delivery', '2026-11-20'], ['delivered', '2026-11-20'],
    ]);
    expect(timeline[1].note).toBe('第一批');
    expect(timeline[1].quantities).toEqual([{ description: '服务器', quantity: 3 }]);
    expect(timeline[2].quantities).toEqual([{ description: '服务器', quantity: 1 }, { description: '安装调试', quantity: 1 }]);
  });

  it('does not claim full delivery while lines are still open', () => {
    const timeline = salesOrderTimeline(order({
      status: 'PartiallyDelivered',
      deliveries: [{ id: 'd1', deliveredOn: '2026-11-10', note: null, lines: [{ orderLineId: 'l1', quantity: 3 }] }],
    }));
    expect(timeline.map(e => e.kind)).toEqual(['created', 'delivery']);
  });
});
