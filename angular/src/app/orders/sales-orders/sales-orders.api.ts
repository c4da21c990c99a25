import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export type SalesOrderStatus = 'Open' | 'PartiallyDelivered' | 'Delivered';
export interface SalesOrderLine { id: string; description: string; quantity: number; deliveredQuantity: number; unitPrice: number; vatRate: number; netAmount: number; vatAmount: number; }
export interface SalesOrder {
  id: string; number: string; contractId: string; contractNumber: string; customerName: string; currency: string;
  status: SalesOrderStatus; grossTotal: number; lines: SalesOrderLine[]; createdAt: string;
}
export interface DeliveryLine { orderLineId: string; quantity: number; }

@Injectable({ providedIn: 'root' })
export class SalesOrdersApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<SalesOrder>>('/api/orders/sales-orders', { params: toParams(query) }); }
  deliver(id: string, lines: DeliveryLine[], note: string | null) {
    return this.http.post<SalesOrder>(`/api/orders/sales-orders/${id}/deliver`, { lines, note });
  }
}
