import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export interface Supplier {
  id: string; name: string; creditCode: string | null; taxId: string | null; bankName: string | null; bankAccount: string | null;
  contactName: string | null; contactPhone: string | null; contactEmail: string | null; paymentTermDays: number; currency: string;
  isActive: boolean; createdAt: string;
}
export type SaveSupplier = Omit<Supplier, 'id' | 'createdAt' | 'currency'> & { currency?: string | null };

export type RequestStatus = 'Draft' | 'Submitted' | 'Approved';
export interface RequestLine {
  lineNumber: number; productId: string | null; description: string; quantity: number; estimatedUnitPrice: number; vatRate: number;
  supplierId: string | null; supplierName: string | null; amount: number;
}
export interface PurchaseRequest {
  id: string; number: string; requesterUserId: string; requesterName: string; departmentId: string | null; neededBy: string; reason: string;
  currency: string; estimatedTotal: number; status: RequestStatus; approvalId: string | null; rejectionComment: string | null; orderIds: string[];
  lines: RequestLine[]; createdAt: string;
}
export interface SaveRequestLine {
  productId: string | null; description: string; quantity: number; estimatedUnitPrice: number; supplierId: string | null; vatRate: number;
}
/** A catalogue product a request line may name. */
export interface ProductChoice { id: string; sku: string; name: string; unit: string; defaultVatRate: number; }
export interface SaveRequest { neededBy: string; reason: string; lines: SaveRequestLine[]; }

export type OrderStatus = 'Draft' | 'Confirmed' | 'PartiallyReceived' | 'Received' | 'Closed' | 'Cancelled';
export interface OrderLine {
  id: string; lineNumber: number; productId: string | null; description: string; quantity: number; unitPrice: number; vatRate: number;
  netAmount: number; vatAmount: number; receivedQuantity: number; rejectedQuantity: number; billedQuantity: number;
}
export interface PurchaseOrder {
  id: string; number: string; supplierId: string; supplierName: string; requestId: string | null; requestNumber: string | null; currency: string;
  expectedOn: string | null; status: OrderStatus; netTotal: number; vatTotal: number; grossTotal: number; lines: OrderLine[]; createdAt: string;
}
export interface SaveOrderLine { productId: string | null; description: string; quantity: number; unitPrice: number; vatRate: number; }
export interface SaveOrder { supplierId: string; expectedOn: string | null; lines: SaveOrderLine[]; }

export interface ReceiptLine { orderLineId: string; description: string; acceptedQuantity: number; rejectedQuantity: number; rejectionReason: string | null; }
export interface GoodsReceipt {
  id: string; number: string; orderId: string; orderNumber: string; warehouseId: string; warehouseName: string; receivedOn: string; note: string | null;
  lines: ReceiptLine[]; createdAt: string;
}
export interface Receive {
  warehouseId: string; receivedOn: string | null; note: string | null;
  lines: { orderLineId: string; acceptedQuantity: number; rejectedQuantity: number; rejectionReason: string | null }[];
}

export interface BillLineMatch {
  orderLineId: string; description: string; quantity: number; unitPrice: number; orderedUnitPrice: number; receivedQuantity: number;
  billedBefore: number; priceMatched: boolean; quantityMatched: boolean;
}
export interface BillMatch { matched: boolean; lines: BillLineMatch[]; }
export interface SupplierBill {
  id: string; number: string; supplierInvoiceNumber: string; supplierId: string; supplierName: string; orderId: string; orderNumber: string;
  billDate: string; dueOn: string; currency: string; netTotal: number; vatTotal: number; grossTotal: number; status: 'Posted' | 'Paid';
  overridden: boolean; overrideReason: string | null; paidOn: string | null; createdAt: string;
}
export interface EnterBill {
  orderId: string; supplierInvoiceNumber: string; billDate: string; lines: { orderLineId: string; quantity: number; unitPrice: number }[];
  override: boolean; overrideReason: string | null;
}
export interface Warehouse { id: string; name: string; isDefault: boolean; isActive: boolean; }

@Injectable({ providedIn: 'root' })
export class PurchasingApi {
  private readonly http = inject(HttpClient);
  suppliers(query: PageQuery, active?: boolean) {
    return this.http.get<Paged<Supplier>>('/api/purchasing/suppliers', { params: { ...toParams(query), ...(active === undefined ? {} : { active }) } });
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

  orders(query: PageQuery) { return this.http.get<Paged<PurchaseOrder>>('/api/purchasing/orders', { params: toParams(query) }); }
  order(id: string) { return this.http.get<PurchaseOrder>(`/api/purchasing/orders/${id}`); }
  adjustOrder(id: string, body: SaveOrder) { return this.http.put<PurchaseOrder>(`/api/purchasing/orders/${id}`, body); }
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
