import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';
import { CustomFilter } from '../../shared/custom-fields';

export type ProductKind = Enum<'ProductKind'>;
export type Product = Dto<'ProductDto'>;
export type SaveProduct = Dto<'SaveProductRequest'>;

@Injectable({ providedIn: 'root' })
export class ProductsApi {
  private readonly http = inject(HttpClient);
  /** `custom` filters by one option of a custom select field. */
  list(query: PageQuery, active?: boolean, custom?: CustomFilter | null) {
    const params = { ...toParams(query), ...(active === undefined ? {} : { active: String(active) }), ...(custom ?? {}) };
    return this.http.get<Paged<Product>>('/api/orders/products', { params });
  }
  create(product: SaveProduct) { return this.http.post<Product>('/api/orders/products', product); }
  update(id: string, product: SaveProduct) { return this.http.put<Product>(`/api/orders/products/${id}`, product); }
  setActive(id: string, active: boolean) { return this.http.post<Product>(`/api/orders/products/${id}/${active ? 'activate' : 'deactivate'}`, {}); }
}
