import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';

export type ListScope = Enum<'ListScope'>;
export type LeaveRequestStatus = Enum<'LeaveRequestStatus'>;
export type ExpenseClaimStatus = Enum<'ExpenseClaimStatus'>;
export const EXPENSE_CATEGORIES = ['Travel', 'Transport', 'Meals', 'OfficeSupplies', 'Entertainment', 'Other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export type LeaveType = Dto<'LeaveTypeDto'>;
export type SaveLeaveType = Dto<'SaveLeaveTypeRequest'>;
export type LeaveBalance = Dto<'LeaveBalanceDto'>;
export type LeaveRequest = Dto<'LeaveRequestDto'>;
export type CreateLeaveRequest = Dto<'CreateLeaveRequest'>;
export type LeaveCalendarEntry = Dto<'LeaveCalendarEntry'>;
export type LeaveCalendar = Dto<'LeaveCalendarDto'>;

export type ExpenseLine = Dto<'ExpenseLineDto'>;
export type ExpenseClaim = Dto<'ExpenseClaimDto'>;
export type SaveExpenseLine = Dto<'SaveExpenseLine'>;
export type SaveExpenseClaim = Dto<'SaveExpenseClaimRequest'>;
export interface Attachment { id: string; fileName: string; contentType: string; size: number; }

/** Leave counts working days, Monday to Friday, both ends included (as the server does). */
export function workingDays(from: string, to: string): number {
  if (!from || !to || to < from) return 0;
  let days = 0;
  for (const d = new Date(`${from}T00:00:00Z`), end = new Date(`${to}T00:00:00Z`); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days++;
  }
  return days;
}

/** Self-service HR: my leave and my expense claims (and my team's, for department heads). */
@Injectable({ providedIn: 'root' })
export class SelfServiceApi {
  private readonly http = inject(HttpClient);

  leaveTypes() { return this.http.get<LeaveType[]>('/api/hr/leave-types'); }
  createLeaveType(type: SaveLeaveType) { return this.http.post<LeaveType>('/api/hr/leave-types', type); }
  updateLeaveType(id: string, type: SaveLeaveType) { return this.http.put<LeaveType>(`/api/hr/leave-types/${id}`, type); }
  balances(year?: number) { return this.http.get<LeaveBalance[]>('/api/hr/leave-balances', { params: year ? { year } : {} }); }
  leaveRequests(query: PageQuery, scope: ListScope = 'Mine') {
    return this.http.get<Paged<LeaveRequest>>('/api/hr/leave-requests', { params: { ...toParams(query), scope } });
  }
  requestLeave(request: CreateLeaveRequest) { return this.http.post<LeaveRequest>('/api/hr/leave-requests', request); }
  /** Withdrawing goes through the approval: HR hears of it from OA. */
  withdraw(approvalId: string) { return this.http.post<unknown>(`/api/oa/approvals/${approvalId}/withdraw`, {}); }
  calendar(month: string) { return this.http.get<LeaveCalendar>('/api/hr/leave-calendar', { params: { month } }); }

  myEmployee() { return this.http.get<{ id: string; name: string; departmentId: string | null }>('/api/hr/employees/me'); }

  claims(query: PageQuery, scope: ListScope = 'Mine') {
    return this.http.get<Paged<ExpenseClaim>>('/api/hr/expense-claims', { params: { ...toParams(query), scope } });
  }
  claim(id: string) { return this.http.get<ExpenseClaim>(`/api/hr/expense-claims/${id}`); }
  createClaim(claim: SaveExpenseClaim) { return this.http.post<ExpenseClaim>('/api/hr/expense-claims', claim); }
  updateClaim(id: string, claim: SaveExpenseClaim) { return this.http.put<ExpenseClaim>(`/api/hr/expense-claims/${id}`, claim); }
  submitClaim(id: string) { return this.http.post<ExpenseClaim>(`/api/hr/expense-claims/${id}/submit`, {}); }
  upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<Attachment>('/api/hr/expense-claims/attachments', form);
  }
  /** Receipts need the bearer token, so they come as a blob rather than through a plain link. */
  download(id: string) { return this.http.get(`/api/hr/expense-claims/attachments/${id}`, { responseType: 'blob' }); }
}
