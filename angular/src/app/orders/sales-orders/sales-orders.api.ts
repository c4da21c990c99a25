import { CollectionStatus } from '../../finance/finance.api';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';

export type SalesOrderStatus = Enum<'SalesOrderStatus'>;
export type SalesOrderLine = Dto<'SalesOrderLineDto'>;
export type Delivery = Dto<'DeliveryDto'>;
export type DeliveryLine = Dto<'DeliveryLineDto'>;
export type SalesOrder = Dto<'SalesOrderDto'>;

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
