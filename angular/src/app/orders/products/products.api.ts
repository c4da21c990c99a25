import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';

export type ProductKind = Enum<'ProductKind'>;
export type Product = Dto<'ProductDto'>;
export type SaveProduct = Dto<'SaveProductRequest'>;

@Injectable({ providedIn: 'root' })
export class ProductsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, active?: boolean) {
    const params = { ...toParams(query), ...(active === undefined ? {} : { active: String(active) }) };
    return this.http.get<Paged<Product>>('/api/orders/products', { params });
  }
  create(product: SaveProduct) { return this.http.post<Product>('/api/orders/products', product); }
  update(id: string, product: SaveProduct) { return this.http.put<Product>(`/api/orders/products/${id}`, product); }
  setActive(id: string, active: boolean) { return this.http.post<Product>(`/api/orders/products/${id}/${active ? 'activate' : 'deactivate'}`, {}); }
}
