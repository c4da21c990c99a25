import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export type OpportunityStage = 'Prospecting' | 'Qualification' | 'Proposal' | 'Negotiation' | 'Won' | 'Lost';
export const STAGES: OpportunityStage[] = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Won', 'Lost'];
export const isClosed = (stage: OpportunityStage) => stage === 'Won' || stage === 'Lost';

export interface Opportunity {
  id: string; customerId: string; customerName: string; name: string; amount: number; currency: string; stage: OpportunityStage;
  probability: number; expectedCloseDate: string | null; ownerId: string | null; lostReason: string | null; createdAt: string;
}
export interface SaveOpportunity {
  customerId: string; name: string; amount: number; expectedCloseDate: string | null; probability: number | null;
}

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
