import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export interface Tenant { id: string; name: string; displayName: string; isActive: boolean; createdAt: string; }
export interface CreateTenant { name: string; displayName: string; adminEmail: string; adminPassword: string; }

@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<Tenant>>('/api/saas/tenants', { params: toParams(query) }); }
  create(tenant: CreateTenant) { return this.http.post<Tenant>('/api/saas/tenants', tenant); }
  setActive(id: string, active: boolean) {
    return this.http.post<Tenant>(`/api/saas/tenants/${id}/${active ? 'enable' : 'disable'}`, {});
  }
}
