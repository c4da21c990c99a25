import { SalesOrder } from './sales-orders.api';

export type TimelineKind = 'created' | 'delivery' | 'delivered';
export interface TimelineQuantity { description: string; quantity: number; }
/** A delivery entry carries its delivery's id, for its delivery note. */
export interface TimelineEntry { kind: TimelineKind; date: string; note: string | null; quantities: TimelineQuantity[]; deliveryId?: string; }

/**
 * The order's story from its own document: created, each delivery with what went out, and the moment
 * it was complete (the last delivery, once every line is delivered). Deliveries keep their recorded order
 * when they share a date.
 */
export function salesOrderTimeline(order: SalesOrder): TimelineEntry[] {
  const descriptions = new Map(order.lines.map(l => [l.id, l.description]));
  const deliveries = [...order.deliveries].sort((a, b) => a.deliveredOn.localeCompare(b.deliveredOn));
  // The API sends audit times in UTC without a zone; delivery dates are plain dates.
  const created = order.createdAt.endsWith('Z') ? order.createdAt : `${order.createdAt}Z`;
  const entries: TimelineEntry[] = [{ kind: 'created', date: created, note: null, quantities: [] }];
  for (const delivery of deliveries) {
    entries.push({
      kind: 'delivery', date: delivery.deliveredOn, note: delivery.note, deliveryId: delivery.id,
      quantities: delivery.lines.map(l => ({ description: descriptions.get(l.orderLineId) ?? l.orderLineId, quantity: l.quantity })),
    });
  }
  const last = deliveries.at(-1);
  if (order.status === 'Delivered' && last) entries.push({ kind: 'delivered', date: last.deliveredOn, note: null, quantities: [] });
  return entries;
}
