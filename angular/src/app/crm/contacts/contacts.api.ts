import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export interface Contact {
  id: string; customerId: string; customerName: string; name: string; position: string | null; phone: string | null; email: string | null;
  isPrimary: boolean; createdAt: string;
}
export interface SaveContact { customerId: string; name: string; position: string | null; phone: string | null; email: string | null; isPrimary: boolean; }

@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, customerId?: string | null) {
    return this.http.get<Paged<Contact>>('/api/crm/contacts', { params: { ...toParams(query), ...(customerId ? { customerId } : {}) } });
  }
  create(contact: SaveContact) { return this.http.post<Contact>('/api/crm/contacts', contact); }
  update(id: string, contact: SaveContact) { return this.http.put<Contact>(`/api/crm/contacts/${id}`, contact); }
}
