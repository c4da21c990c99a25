import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export type ContractStatus = 'Draft' | 'Submitted' | 'Approved' | 'Signed' | 'Completed' | 'Terminated';
export type InstallmentTrigger = 'OnSigning' | 'OnDelivery' | 'OnDate';
export interface ContractLine { productId?: string | null; description: string; quantity: number; unitPrice: number; discountRate: number; vatRate: number; netAmount?: number; vatAmount?: number; }
export interface Installment { trigger: InstallmentTrigger; percentage: number | null; dueDate: string | null; amount?: number; number?: number; }
export interface Contract {
  id: string; number: string; title: string; customerId: string; customerName: string; currency: string; status: ContractStatus;
  netTotal: number; vatTotal: number; grossTotal: number; signedOn: string | null; approvalId: string | null; rejectionComment: string | null; terminationReason: string | null;
  lines: ContractLine[]; installments: Installment[]; createdAt: string;
}
export interface SaveContract { title: string; customerId: string; lines: ContractLine[]; installments: Installment[]; }
export type ContractAction = 'submit' | 'sign' | 'complete';

@Injectable({ providedIn: 'root' })
export class ContractsApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery, customerId?: string | null) {
    return this.http.get<Paged<Contract>>('/api/crm/contracts', { params: { ...toParams(query), ...(customerId ? { customerId } : {}) } });
  }
  get(id: string) { return this.http.get<Contract>(`/api/crm/contracts/${id}`); }
  create(contract: SaveContract) { return this.http.post<Contract>('/api/crm/contracts', contract); }
  update(id: string, contract: SaveContract) { return this.http.put<Contract>(`/api/crm/contracts/${id}`, contract); }
  act(id: string, action: ContractAction) { return this.http.post<Contract>(`/api/crm/contracts/${id}/${action}`, {}); }
  terminate(id: string, reason: string) { return this.http.post<Contract>(`/api/crm/contracts/${id}/terminate`, { reason }); }
}
