import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, toParams } from '../../core/api';

export type Contact = Dto<'ContactDto'>;
export type SaveContact = Dto<'SaveContactRequest'>;

@Injectable({ providedIn: 'root' })
export class ContactsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, customerId?: string | null) {
    return this.http.get<Paged<Contact>>('/api/crm/contacts', { params: { ...toParams(query), ...(customerId ? { customerId } : {}) } });
  }
  create(contact: SaveContact) { return this.http.post<Contact>('/api/crm/contacts', contact); }
  update(id: string, contact: SaveContact) { return this.http.put<Contact>(`/api/crm/contacts/${id}`, contact); }
}
