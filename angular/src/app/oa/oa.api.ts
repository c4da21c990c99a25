import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../core/api';

export const DOCUMENT_TYPES = ['contract', 'expense-claim', 'leave-request', 'offer', 'purchase-request'] as const;
export type ApproverRule = 'Role' | 'DepartmentHead' | 'User';
export type StepCondition = 'Always' | 'AmountAbove' | 'DaysAbove';
/** 或签 Any, 会签 All, 依次 Sequential, N of M Quorum. */
export type StepMode = 'Any' | 'All' | 'Sequential' | 'Quorum';
export type TimeoutAction = 'None' | 'Remind' | 'Escalate' | 'AutoApprove';
export type ResubmitFrom = 'ReturningStep' | 'Start';
export type CcMoment = 'Submission' | 'Step' | 'Completion';
export type SignerPosition = 'Before' | 'After';
export interface FlowStep {
  number?: number; rule: ApproverRule; roleName: string | null; userId: string | null; condition: StepCondition; threshold: number | null;
  mode?: StepMode; requiredApprovals?: number | null; deadlineHours?: number | null; timeoutAction?: TimeoutAction;
}
export interface FlowCc { moment: CcMoment; stepNumber: number | null; rule: ApproverRule; roleName: string | null; userId: string | null; }
export interface ApprovalFlow { id: string; documentType: string; name: string; steps: FlowStep[]; createdAt: string; resubmitFrom: ResubmitFrom; cc: FlowCc[]; }
export interface SaveFlow { documentType: string; name: string; steps: FlowStep[]; resubmitFrom?: ResubmitFrom; cc?: FlowCc[]; }

export type ApprovalStatus = 'Pending' | 'Approved' | 'Rejected' | 'Withdrawn' | 'Returned';
export type ApprovalBox = 'assigned' | 'submitted' | 'done' | 'cc';
export interface ApprovalSummary {
  id: string; documentType: string; documentNumber: string; title: string; applicantUserId: string; applicantName: string | null;
  amount: number | null; currency: string | null; days: number | null; status: ApprovalStatus; currentStep: number; stepCount: number;
  submittedAt: string; finishedAt: string | null; link: string | null;
}
export interface UserRef { id: string; name: string | null; }
export type AssigneeState = 'Waiting' | 'Pending' | 'Approved' | 'Rejected' | 'Transferred' | 'Returned' | 'Cancelled';
export interface ApproverProgress {
  id: string; name: string | null; state: AssigneeState; onBehalfOf: UserRef | null; position: SignerPosition | null; addedBy: UserRef | null;
  reason: string | null; decidedAt: string | null;
}
export interface ApprovalStepProgress extends FlowStep {
  state: 'Waiting' | 'Current' | 'Approved' | 'Rejected' | 'Skipped' | 'Withdrawn' | 'Returned'; startedAt: string | null; finishedAt: string | null;
  dueAt: string | null; approvers: UserRef[]; round: ApproverProgress[];
}
export type ApprovalAction = 'Submitted' | 'Approved' | 'Rejected' | 'Withdrawn' | 'Skipped' | 'SignerAdded' | 'Transferred' | 'Returned' | 'Resubmitted'
  | 'Reminded' | 'Escalated' | 'AutoApproved';
export interface ApprovalHistoryEntry {
  stepNumber: number; userId: string | null; userName: string | null; action: ApprovalAction; comment: string | null; at: string;
  durationSeconds: number | null; onBehalfOf: UserRef | null; target: UserRef | null; targetStep: number | null; position: SignerPosition | null;
}
export interface Approval {
  summary: ApprovalSummary; steps: ApprovalStepProgress[]; history: ApprovalHistoryEntry[]; canDecide: boolean; canWithdraw: boolean;
  canRemind: boolean; canResubmit: boolean; returnableSteps: number[]; ccRecipients: UserRef[]; lastRemindedAt: string | null;
}
export interface Delegation {
  id: string; userId: string; userName: string | null; substituteUserId: string; substituteName: string | null; startsAt: string; endsAt: string;
  documentTypes: string[]; reason: string | null; leaveRequestId: string | null; cancelledAt: string | null;
}

export type TaskStatus = 'Open' | 'InProgress' | 'Done';
export type TaskBox = 'mine' | 'assigned-by-me';
export interface WorkTask {
  id: string; title: string; description: string | null; assigneeUserId: string; assigneeName: string | null; assignedBy: string | null;
  assignedByName: string | null; dueOn: string | null; status: TaskStatus; documentType: string | null; documentId: string | null; link: string | null;
  createdAt: string; completedAt: string | null;
}
export interface CreateTask { title: string; description: string | null; assigneeUserId: string; dueOn: string | null; }

export interface Announcement { id: string; title: string; body: string; departmentIds: string[]; publishedAt: string; publishedBy: string | null; readAt: string | null; }
export interface Receipts { announcementId: string; readCount: number; audienceCount: number; reads: { userId: string; name: string | null; readAt: string }[]; }

export type NotificationKind = 'ApprovalAssigned' | 'ApprovalCompleted' | 'ApprovalRejected' | 'TaskAssigned' | 'Announcement' | 'Alert'
  | 'ApprovalReminded' | 'ApprovalCopied' | 'ApprovalReturned';
export interface AppNotification { id: string; kind: NotificationKind; title: string; link: string | null; createdAt: string; readAt: string | null; }
export interface NotificationList extends Paged<AppNotification> { unreadCount: number; }

/** Durations in the history: minutes, hours or days, whichever reads best. */
export function duration(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

@Injectable({ providedIn: 'root' })
export class OaApi {
  private readonly http = inject(HttpClient);

  flows() { return this.http.get<ApprovalFlow[]>('/api/oa/approval-flows'); }
  createFlow(flow: SaveFlow) { return this.http.post<ApprovalFlow>('/api/oa/approval-flows', flow); }
  updateFlow(id: string, flow: SaveFlow) { return this.http.put<ApprovalFlow>(`/api/oa/approval-flows/${id}`, flow); }
  deleteFlow(id: string) { return this.http.delete<void>(`/api/oa/approval-flows/${id}`); }

  approvals(box: ApprovalBox, query: PageQuery) { return this.http.get<Paged<ApprovalSummary>>('/api/oa/approvals', { params: { ...toParams(query), box } }); }
  approval(id: string) { return this.http.get<Approval>(`/api/oa/approvals/${id}`); }
  approve(id: string, comment: string | null) { return this.http.post<Approval>(`/api/oa/approvals/${id}/approve`, { comment }); }
  reject(id: string, comment: string) { return this.http.post<Approval>(`/api/oa/approvals/${id}/reject`, { comment }); }
  withdraw(id: string) { return this.http.post<Approval>(`/api/oa/approvals/${id}/withdraw`, {}); }
  addSigner(id: string, userId: string, position: SignerPosition, reason: string) {
    return this.http.post<Approval>(`/api/oa/approvals/${id}/add-signer`, { userId, position, reason });
  }
  transfer(id: string, userId: string, comment: string | null) { return this.http.post<Approval>(`/api/oa/approvals/${id}/transfer`, { userId, comment }); }
  returnTo(id: string, toStep: number, comment: string) { return this.http.post<Approval>(`/api/oa/approvals/${id}/return`, { toStep, comment }); }
  resubmit(id: string, comment: string | null) { return this.http.post<Approval>(`/api/oa/approvals/${id}/resubmit`, { comment }); }
  remind(id: string) { return this.http.post<Approval>(`/api/oa/approvals/${id}/remind`, {}); }
  batchApprove(ids: string[], comment: string | null) {
    return this.http.post<{ approved: string[]; skipped: string[] }>('/api/oa/approvals/batch-approve', { ids, comment });
  }
  /** Colleagues one may add (加签) or hand an item to (转交). */
  people() { return this.http.get<UserRef[]>('/api/oa/approvals/people'); }

  delegations() { return this.http.get<Delegation[]>('/api/oa/delegations'); }
  createDelegation(d: { substituteUserId: string; startsAt: string; endsAt: string; documentTypes: string[]; reason: string | null }) {
    return this.http.post<Delegation>('/api/oa/delegations', d);
  }
  cancelDelegation(id: string) { return this.http.delete<void>(`/api/oa/delegations/${id}`); }

  tasks(box: TaskBox, query: PageQuery) { return this.http.get<Paged<WorkTask>>('/api/oa/tasks', { params: { ...toParams(query), box } }); }
  createTask(task: CreateTask) { return this.http.post<WorkTask>('/api/oa/tasks', task); }
  moveTask(id: string, status: TaskStatus) { return this.http.post<WorkTask>(`/api/oa/tasks/${id}/status`, { status }); }

  announcements(query: PageQuery) { return this.http.get<Paged<Announcement>>('/api/oa/announcements', { params: toParams(query) }); }
  publish(announcement: { title: string; body: string; departmentIds: string[] }) { return this.http.post<Announcement>('/api/oa/announcements', announcement); }
  markAnnouncementRead(id: string) { return this.http.post<Announcement>(`/api/oa/announcements/${id}/read`, {}); }
  receipts(id: string) { return this.http.get<Receipts>(`/api/oa/announcements/${id}/receipts`); }

  notifications(take = 10) { return this.http.get<NotificationList>('/api/oa/notifications', { params: { skip: 0, take } }); }
  unreadCount() { return this.http.get<{ count: number }>('/api/oa/notifications/unread-count'); }
  markNotificationRead(id: string) { return this.http.post<void>(`/api/oa/notifications/${id}/read`, {}); }
  markAllNotificationsRead() { return this.http.post<void>('/api/oa/notifications/read-all', {}); }
}
