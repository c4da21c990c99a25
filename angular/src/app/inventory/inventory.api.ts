import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export interface Warehouse { id: string; code: string; name: string; address: string | null; isDefault: boolean; isActive: boolean; createdAt: string; }
export type SaveWarehouse = Pick<Warehouse, 'code' | 'name' | 'address' | 'isDefault'>;
export interface StockItem {
  productId: string; sku: string; name: string; unit: string; isTracked: boolean; reorderPoint: number; onHand: number; value: number; reorderQuantity: number | null;
}
export interface StockLevel {
  productId: string; sku: string; productName: string; unit: string; warehouseId: string; warehouseName: string;
  onHand: number; averageCost: number; value: number; reorderPoint: number; belowReorderPoint: boolean;
}
export type MovementKind = 'Receipt' | 'Delivery' | 'Adjustment' | 'Stocktake' | 'Revaluation';
export interface Movement {
  id: string; occurredOn: string; kind: MovementKind; productId: string; sku: string; productName: string; warehouseId: string; warehouseName: string;
  quantity: number; unitCost: number; value: number; onHandAfter: number; averageCostAfter: number; sourceType: string; sourceId: string;
  sourceNumber: string; createdAt: string;
}
export interface AdjustmentLine { productId: string; quantity: number; unitCost: number | null; }
export interface Adjustment { warehouseId: string; occurredOn: string | null; reason: string; lines: AdjustmentLine[]; }
export type StocktakeStatus = 'Draft' | 'Posted';
export interface StocktakeLine {
  id: string; productId: string; sku: string; productName: string; unit: string; systemQuantity: number; countedQuantity: number | null;
  difference: number | null; unitCost: number; differenceValue: number;
}
export interface Stocktake {
  id: string; number: string; warehouseId: string; warehouseName: string; countedOn: string; status: StocktakeStatus;
  gainValue: number; lossValue: number; lines: StocktakeLine[]; createdAt: string;
}

/** Optional filters: only the ones set go on the query string. */
function withFilters(query: PageQuery, filters: Record<string, string | boolean | null | undefined>): Record<string, string | number> {
  const params = toParams(query);
  for (const [key, value] of Object.entries(filters)) if (value !== null && value !== undefined && value !== '') params[key] = String(value);
  return params;
}

@Injectable({ providedIn: 'root' })
export class InventoryApi {
  private readonly http = inject(HttpClient);

  warehouses(query: PageQuery, active?: boolean) {
    return this.http.get<Paged<Warehouse>>('/api/inventory/warehouses', { params: withFilters(query, { active }) });
  }
  createWarehouse(body: SaveWarehouse) { return this.http.post<Warehouse>('/api/inventory/warehouses', body); }
  updateWarehouse(id: string, body: SaveWarehouse) { return this.http.put<Warehouse>(`/api/inventory/warehouses/${id}`, body); }
  setWarehouseActive(id: string, active: boolean) {
    return this.http.post<Warehouse>(`/api/inventory/warehouses/${id}/${active ? 'activate' : 'deactivate'}`, {});
  }

  items(query: PageQuery) { return this.http.get<Paged<StockItem>>('/api/inventory/products', { params: toParams(query) }); }
  saveItem(productId: string, body: { isTracked: boolean; reorderPoint: number; reorderQuantity: number | null }) {
    return this.http.put<StockItem>(`/api/inventory/products/${productId}`, body);
  }

  levels(query: PageQuery, filters: { warehouseId?: string | null; productId?: string | null; belowReorderPoint?: boolean | null }) {
    return this.http.get<Paged<StockLevel>>('/api/inventory/stock', { params: withFilters(query, filters) });
  }
  movements(query: PageQuery, filters: { warehouseId?: string | null; productId?: string | null; kind?: MovementKind | null }) {
    return this.http.get<Paged<Movement>>('/api/inventory/movements', { params: withFilters(query, filters) });
  }
  adjust(body: Adjustment) { return this.http.post<unknown>('/api/inventory/adjustments', body); }

  stocktakes(query: PageQuery) { return this.http.get<Paged<Stocktake>>('/api/inventory/stocktakes', { params: toParams(query) }); }
  stocktake(id: string) { return this.http.get<Stocktake>(`/api/inventory/stocktakes/${id}`); }
  startStocktake(warehouseId: string) { return this.http.post<Stocktake>('/api/inventory/stocktakes', { warehouseId, countedOn: null }); }
  recordCounts(id: string, lines: { lineId: string; countedQuantity: number | null }[]) {
    return this.http.put<Stocktake>(`/api/inventory/stocktakes/${id}/counts`, { lines });
  }
  postStocktake(id: string) { return this.http.post<Stocktake>(`/api/inventory/stocktakes/${id}/post`, {}); }
}
