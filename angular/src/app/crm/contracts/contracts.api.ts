import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../../core/api';
import { CustomFilter } from '../../shared/custom-fields';

export type ContractStatus = Enum<'ContractStatus'>;
export type InstallmentTrigger = Enum<'InstallmentTrigger'>;
export type ContractLine = Dto<'ContractLineDto'>;
export type Installment = Dto<'InstallmentDto'>;
export type Contract = Dto<'ContractDto'>;
export type SaveContract = Dto<'SaveContractRequest'>;
export type ContractAction = 'submit' | 'sign' | 'complete';

@Injectable({ providedIn: 'root' })
export class ContractsApi {
  private readonly http = inject(HttpClient);
  /** `custom` filters by one option of a custom select field. */
  list(query: PageQuery, customerId?: string | null, custom?: CustomFilter | null) {
    return this.http.get<Paged<Contract>>('/api/crm/contracts', { params: { ...toParams(query), ...(customerId ? { customerId } : {}), ...(custom ?? {}) } });
  }
  get(id: string) { return this.http.get<Contract>(`/api/crm/contracts/${id}`); }
  create(contract: SaveContract) { return this.http.post<Contract>('/api/crm/contracts', contract); }
  update(id: string, contract: SaveContract) { return this.http.put<Contract>(`/api/crm/contracts/${id}`, contract); }
  act(id: string, action: ContractAction) { return this.http.post<Contract>(`/api/crm/contracts/${id}/${action}`, {}); }
  terminate(id: string, reason: string) { return this.http.post<Contract>(`/api/crm/contracts/${id}/terminate`, { reason }); }
}
