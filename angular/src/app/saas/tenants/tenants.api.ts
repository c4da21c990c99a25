import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, StartedImpersonation, toParams } from '../../core/api';
import { Edition, SubscriptionStatus } from '../subscription/subscription.api';

export type Tenant = Dto<'TenantDto'>;
export type CreateTenant = Dto<'CreateTenantRequest'>;
export type ImpersonationCandidate = Dto<'ImpersonationCandidateDto'>;
export type StartImpersonation = Dto<'StartImpersonationRequest'>;

@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<Tenant>>('/api/saas/tenants', { params: toParams(query) }); }
  create(tenant: CreateTenant) { return this.http.post<Tenant>('/api/saas/tenants', tenant); }
  setActive(id: string, active: boolean) {
    return this.http.post<Tenant>(`/api/saas/tenants/${id}/${active ? 'enable' : 'disable'}`, {});
  }
  setEdition(id: string, edition: string) { return this.http.put<Tenant>(`/api/saas/tenants/${id}/edition`, { edition }); }
  editions() { return this.http.get<Edition[]>('/api/saas/editions'); }
  impersonationCandidates(tenantId: string) {
    return this.http.get<ImpersonationCandidate[]>('/api/identity/impersonations/candidates', { params: { tenantId } });
  }
  impersonate(request: StartImpersonation) { return this.http.post<StartedImpersonation>('/api/identity/impersonations', request); }
}
