import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';

export type LeadSource = Enum<'LeadSource'>;
export type LeadStatus = Enum<'LeadStatus'>;
export const LEAD_STATUSES: LeadStatus[] = ['New', 'Contacted', 'Qualified', 'Disqualified'];
export const LEAD_SOURCES: LeadSource[] = ['Website', 'Referral', 'Exhibition', 'ColdCall', 'Other'];

export type Lead = Dto<'LeadDto'>;
export type SaveLead = Dto<'SaveLeadRequest'>;
export type QualifyLead = Dto<'QualifyLeadRequest'>;

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
