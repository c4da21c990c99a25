import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';

export type Warehouse = Dto<'WarehouseDto'>;
export type SaveWarehouse = Dto<'SaveWarehouseRequest'>;
export type StockItem = Dto<'StockItemDto'>;
export type StockLevel = Dto<'StockLevelDto'>;
export type MovementKind = Enum<'MovementKind'>;
export type Movement = Dto<'MovementDto'>;
export interface AdjustmentLine { productId: string; quantity: number; unitCost: number | null; }
export type Adjustment = Dto<'AdjustStockRequest'>;
export type StocktakeStatus = Enum<'StocktakeStatus'>;
export type StocktakeLine = Dto<'StocktakeLineDto'>;
export type Stocktake = Dto<'StocktakeDto'>;

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
