import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, toParams } from '../../core/api';
import { CustomFilter } from '../../shared/custom-fields';

export type Customer = Dto<'CustomerDto'>;
export type SaveCustomer = Dto<'SaveCustomerRequest'>;

@Injectable({ providedIn: 'root' })
export class CustomersApi {
  private readonly http = inject(HttpClient);
  /** `custom` filters by one option of a custom select field (客户等级 = A). */
  list(query: PageQuery, custom?: CustomFilter | null) {
    return this.http.get<Paged<Customer>>('/api/crm/customers', { params: { ...toParams(query), ...(custom ?? {}) } });
  }
  get(id: string) { return this.http.get<Customer>(`/api/crm/customers/${id}`); }
  create(customer: SaveCustomer) { return this.http.post<Customer>('/api/crm/customers', customer); }
  update(id: string, customer: SaveCustomer) { return this.http.put<Customer>(`/api/crm/customers/${id}`, customer); }
}
