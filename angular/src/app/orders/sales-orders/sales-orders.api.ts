import { CollectionStatus } from '../../finance/finance.api';
import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';
import type { CustomFilter, CustomValues } from '../../shared/custom-fields';

export type SalesOrderStatus = Enum<'SalesOrderStatus'>;
export type SalesOrderLine = Dto<'SalesOrderLineDto'>;
export type Delivery = Dto<'DeliveryDto'>;
export type DeliveryLine = Dto<'DeliveryLineDto'>;
export type SalesOrder = Dto<'SalesOrderDto'>;

@Injectable({ providedIn: 'root' })
export class SalesOrdersApi {
  private readonly http = inject(HttpClient);
  /** `custom` filters by one option of a custom select field. */
  list(query: PageQuery, customerId?: string, custom?: CustomFilter | null) {
    const params = { ...toParams(query), ...(customerId ? { customerId } : {}), ...(custom ?? {}) };
    return this.http.get<Paged<SalesOrder>>('/api/orders/sales-orders', { params });
  }
  get(id: string) { return this.http.get<SalesOrder>(`/api/orders/sales-orders/${id}`); }
  /** An order's only edit: its custom-field values, checked by the server. */
  setCustomFields(id: string, customFields: CustomValues) {
    return this.http.put<SalesOrder>(`/api/orders/sales-orders/${id}/custom-fields`, { customFields });
  }
  /** Without a warehouse, Inventory takes tracked products from the default one. */
  deliver(id: string, lines: DeliveryLine[], note: string | null, warehouseId: string | null = null) {
    return this.http.post<SalesOrder>(`/api/orders/sales-orders/${id}/deliver`, { lines, note, warehouseId });
  }
}
