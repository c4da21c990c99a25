import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';

export type OpportunityStage = Enum<'OpportunityStage'>;
export const STAGES: OpportunityStage[] = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Won', 'Lost'];
export const isClosed = (stage: OpportunityStage) => stage === 'Won' || stage === 'Lost';

export type Opportunity = Dto<'OpportunityDto'>;
export type SaveOpportunity = Dto<'SaveOpportunityRequest'>;

@Injectable({ providedIn: 'root' })
export class OpportunitiesApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, customerId?: string | null) {
    return this.http.get<Paged<Opportunity>>('/api/crm/opportunities', { params: { ...toParams(query), ...(customerId ? { customerId } : {}) } });
  }
  create(opportunity: SaveOpportunity) { return this.http.post<Opportunity>('/api/crm/opportunities', opportunity); }
  update(id: string, opportunity: SaveOpportunity) { return this.http.put<Opportunity>(`/api/crm/opportunities/${id}`, opportunity); }
  move(id: string, stage: OpportunityStage, lostReason?: string) {
    return this.http.post<Opportunity>(`/api/crm/opportunities/${id}/move`, { stage, lostReason: lostReason ?? null });
  }
}
