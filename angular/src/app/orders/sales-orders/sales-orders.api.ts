import { CollectionStatus } from '../../finance/finance.api';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export type SalesOrderStatus = 'Open' | 'PartiallyDelivered' | 'Delivered';
export interface SalesOrderLine {
  id: string; productId: string | null; description: string; quantity: number; deliveredQuantity: number; unitPrice: number;
  discountRate: number; vatRate: number; netAmount: number; vatAmount: number;
}
export interface DeliveryLine { orderLineId: string; quantity: number; }
export interface Delivery { id: string; deliveredOn: string; note: string | null; lines: DeliveryLine[]; }
export interface SalesOrder {
  id: string; number: string; contractId: string; contractNumber: string; customerId: string; customerName: string; currency: string;
  status: SalesOrderStatus; collectionStatus: CollectionStatus; netTotal: number; vatTotal: number; grossTotal: number; lines: SalesOrderLine[]; deliveries: Delivery[]; createdAt: string;
}

@Injectable({ providedIn: 'root' })
export class SalesOrdersApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, customerId?: string) {
    return this.http.get<Paged<SalesOrder>>('/api/orders/sales-orders', { params: { ...toParams(query), ...(customerId ? { customerId } : {}) } });
  }
  get(id: string) { return this.http.get<SalesOrder>(`/api/orders/sales-orders/${id}`); }
  /** Without a warehouse, Inventory takes tracked products from the default one. */
  deliver(id: string, lines: DeliveryLine[], note: string | null, warehouseId: string | null = null) {
    return this.http.post<SalesOrder>(`/api/orders/sales-orders/${id}/deliver`, { lines, note, warehouseId });
  }
}
