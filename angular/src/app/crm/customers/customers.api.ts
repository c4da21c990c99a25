import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, toParams } from '../../core/api';

export type Customer = Dto<'CustomerDto'>;
export type SaveCustomer = Dto<'SaveCustomerRequest'>;

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<Customer>>('/api/crm/customers', { params: toParams(query) }); }
  get(id: string) { return this.http.get<Customer>(`/api/crm/customers/${id}`); }
  create(customer: SaveCustomer) { return this.http.post<Customer>('/api/crm/customers', customer); }
  update(id: string, customer: SaveCustomer) { return this.http.put<Customer>(`/api/crm/customers/${id}`, customer); }
}
