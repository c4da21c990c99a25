import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export type LeadSource = 'Website' | 'Referral' | 'Exhibition' | 'ColdCall' | 'Other';
export type LeadStatus = 'New' | 'Contacted' | 'Qualified' | 'Disqualified';
export const LEAD_STATUSES: LeadStatus[] = ['New', 'Contacted', 'Qualified', 'Disqualified'];
export const LEAD_SOURCES: LeadSource[] = ['Website', 'Referral', 'Exhibition', 'ColdCall', 'Other'];

export interface Lead {
  id: string; name: string; contactPerson: string; phone: string | null; email: string | null; source: LeadSource; status: LeadStatus;
  ownerId: string | null; notes: string | null; disqualificationReason: string | null; customerId: string | null; opportunityId: string | null;
  createdAt: string;
}
export interface SaveLead {
  name: string; contactPerson: string; phone: string | null; email: string | null; source: LeadSource; status: LeadStatus | null; notes: string | null;
}
export interface QualifyLead { opportunityName: string | null; amount: number | null; expectedCloseDate: string | null; creditCode: string | null; }

@Injectable({ providedIn: 'root' })
export class LeadsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, status?: LeadStatus | null) {
    return this.http.get<Paged<Lead>>('/api/crm/leads', { params: { ...toParams(query), ...(status ? { status } : {}) } });
  }
  create(lead: SaveLead) { return this.http.post<Lead>('/api/crm/leads', lead); }
  update(id: string, lead: SaveLead) { return this.http.put<Lead>(`/api/crm/leads/${id}`, lead); }
  qualify(id: string, request: QualifyLead) { return this.http.post<Lead>(`/api/crm/leads/${id}/qualify`, request); }
  disqualify(id: string, reason: string) { return this.http.post<Lead>(`/api/crm/leads/${id}/disqualify`, { reason }); }
}
