import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export type ListScope = 'Mine' | 'Team' | 'All';
export type LeaveRequestStatus = 'Pending' | 'Approved' | 'Rejected' | 'Withdrawn';
export type ExpenseClaimStatus = 'Draft' | 'Submitted' | 'Approved' | 'Paid';
export const EXPENSE_CATEGORIES = ['Travel', 'Transport', 'Meals', 'OfficeSupplies', 'Entertainment', 'Other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

export interface LeaveType { id: string; name: string; yearlyDays: number; paid: boolean; isActive: boolean; }
export interface SaveLeaveType { name: string; yearlyDays: number; paid: boolean; isActive: boolean; }
export interface LeaveBalance {
  id: string; employeeId: string; employeeName: string; leaveTypeId: string; leaveTypeName: string; year: number;
  entitled: number; used: number; pending: number; remaining: number;
}
export interface LeaveRequest {
  id: string; number: string; employeeId: string; employeeName: string; departmentId: string | null; leaveTypeId: string; leaveTypeName: string;
  from: string; to: string; days: number; reason: string | null; status: LeaveRequestStatus; approvalId: string | null; decisionComment: string | null;
  createdAt: string;
}
export interface CreateLeaveRequest { leaveTypeId: string; from: string; to: string; reason: string | null; }
export interface LeaveCalendarEntry { requestId: string; employeeId: string; employeeName: string; leaveTypeName: string; from: string; to: string; days: number; status: LeaveRequestStatus; }
export interface LeaveCalendar { month: string; departmentId: string | null; entries: LeaveCalendarEntry[]; }

export interface ExpenseLine { lineNumber: number; category: ExpenseCategory; description: string; amount: number; attachmentId: string | null; attachmentName: string | null; }
export interface ExpenseClaim {
  id: string; number: string; employeeId: string; employeeName: string; departmentId: string | null; title: string; currency: string; total: number;
  status: ExpenseClaimStatus; approvalId: string | null; rejectionComment: string | null; paidOn: string | null; lines: ExpenseLine[]; createdAt: string;
}
export interface SaveExpenseLine { category: ExpenseCategory; description: string; amount: number; attachmentId: string | null; }
export interface SaveExpenseClaim { title: string; lines: SaveExpenseLine[]; }
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
