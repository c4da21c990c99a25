import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';
import type { CustomFilter, CustomValues } from '../shared/custom-fields';

export type Supplier = Dto<'SupplierDto'>;
export type SaveSupplier = Dto<'SaveSupplierRequest'>;

export type RequestStatus = Enum<'PurchaseRequestStatus'>;
export type RequestLine = Dto<'PurchaseRequestLineDto'>;
export type PurchaseRequest = Dto<'PurchaseRequestDto'>;
export type SaveRequestLine = Dto<'SavePurchaseRequestLine'>;
/** A catalogue product a request line may name. */
export type ProductChoice = Dto<'ProductChoiceDto'>;
export type SaveRequest = Dto<'SavePurchaseRequest'>;

export type OrderStatus = Enum<'PurchaseOrderStatus'>;
export type OrderLine = Dto<'PurchaseOrderLineDto'>;
export type PurchaseOrder = Dto<'PurchaseOrderDto'>;
export type SaveOrderLine = Dto<'SavePurchaseOrderLine'>;
export type SaveOrder = Dto<'SavePurchaseOrderRequest'>;

export type ReceiptLine = Dto<'GoodsReceiptLineDto'>;
export type GoodsReceipt = Dto<'GoodsReceiptDto'>;
export type Receive = Dto<'ReceiveGoodsRequest'>;

export type BillLineMatch = Dto<'BillLineMatchDto'>;
export type BillMatch = Dto<'BillMatchDto'>;
export type SupplierBill = Dto<'SupplierBillDto'>;
export type EnterBill = Dto<'EnterBillRequest'>;
export type Warehouse = Dto<'WarehouseDto'>;

@Injectable({ providedIn: 'root' })
export class PurchasingApi {
  private readonly http = inject(HttpClient);
  /** `custom` filters by one option of a custom select field. */
  suppliers(query: PageQuery, active?: boolean, custom?: CustomFilter | null) {
    return this.http.get<Paged<Supplier>>('/api/purchasing/suppliers', { params: { ...toParams(query), ...(active === undefined ? {} : { active }), ...(custom ?? {}) } });
  }
  createSupplier(body: SaveSupplier) { return this.http.post<Supplier>('/api/purchasing/suppliers', body); }
  updateSupplier(id: string, body: SaveSupplier) { return this.http.put<Supplier>(`/api/purchasing/suppliers/${id}`, body); }

  supplierChoices() { return this.http.get<{ id: string; name: string }[]>('/api/purchasing/requests/supplier-choices'); }
  /** Active catalogue products matching the filter (SKU or name); with an id, that product's choice (a reorder suggestion). */
  productChoices(filter: string, id?: string) {
    return this.http.get<ProductChoice[]>('/api/purchasing/requests/product-choices', { params: { ...(filter ? { filter } : {}), ...(id ? { id } : {}) } });
  }
  requests(query: PageQuery, all: boolean) { return this.http.get<Paged<PurchaseRequest>>('/api/purchasing/requests', { params: { ...toParams(query), all } }); }
  request(id: string) { return this.http.get<PurchaseRequest>(`/api/purchasing/requests/${id}`); }
  createRequest(body: SaveRequest) { return this.http.post<PurchaseRequest>('/api/purchasing/requests', body); }
  updateRequest(id: string, body: SaveRequest) { return this.http.put<PurchaseRequest>(`/api/purchasing/requests/${id}`, body); }
  submitRequest(id: string) { return this.http.post<PurchaseRequest>(`/api/purchasing/requests/${id}/submit`, {}); }

  /** `custom` filters by one option of a custom select field. */
  orders(query: PageQuery, custom?: CustomFilter | null) {
    return this.http.get<Paged<PurchaseOrder>>('/api/purchasing/orders', { params: { ...toParams(query), ...(custom ?? {}) } });
  }
  order(id: string) { return this.http.get<PurchaseOrder>(`/api/purchasing/orders/${id}`); }
  adjustOrder(id: string, body: SaveOrder) { return this.http.put<PurchaseOrder>(`/api/purchasing/orders/${id}`, body); }
  /** An order's custom-field values, in any status, checked by the server. */
  setOrderCustomFields(id: string, customFields: CustomValues) {
    return this.http.put<PurchaseOrder>(`/api/purchasing/orders/${id}/custom-fields`, { customFields });
  }
  confirmOrder(id: string) { return this.http.post<PurchaseOrder>(`/api/purchasing/orders/${id}/confirm`, {}); }
  cancelOrder(id: string) { return this.http.post<PurchaseOrder>(`/api/purchasing/orders/${id}/cancel`, {}); }
  emailOrder(id: string) { return this.http.post<void>(`/api/purchasing/orders/${id}/email`, {}); }
  receive(orderId: string, body: Receive) { return this.http.post<GoodsReceipt>(`/api/purchasing/orders/${orderId}/receipts`, body); }
  receipts(orderId: string) { return this.http.get<Paged<GoodsReceipt>>('/api/purchasing/receipts', { params: { orderId, take: 1000 } }); }

  bills(query: PageQuery, orderId?: string) {
    return this.http.get<Paged<SupplierBill>>('/api/purchasing/bills', { params: { ...toParams(query), ...(orderId ? { orderId } : {}) } });
  }
  matchBill(body: EnterBill) { return this.http.post<BillMatch>('/api/purchasing/bills/match', body); }
  enterBill(body: EnterBill) { return this.http.post<SupplierBill>('/api/purchasing/bills', body); }

  /** Inventory's warehouses (the receipt dialog's choice). */
  warehouses() { return this.http.get<Paged<Warehouse>>('/api/inventory/warehouses', { params: { take: 1000 } }); }
}
