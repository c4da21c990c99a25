import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';

export const DOCUMENT_TYPES = ['contract', 'expense-claim', 'leave-request', 'offer', 'purchase-request'] as const;
export type ApproverRule = Enum<'ApproverRule'>;
export type StepCondition = Enum<'StepCondition'>;
/** 或签 Any, 会签 All, 依次 Sequential, N of M Quorum. */
export type StepMode = Enum<'StepMode'>;
export type TimeoutAction = Enum<'StepTimeoutAction'>;
export type ResubmitFrom = Enum<'ResubmitFrom'>;
export type CcMoment = Enum<'CcMoment'>;
export type SignerPosition = Enum<'SignerPosition'>;
/** A step as saved; the flow's steps as read (ApprovalStepDto) also carry their number. */
export type FlowStep = Dto<'SaveApprovalStepRequest'>;
export type FlowCc = Dto<'ApprovalCcDto'>;
export type ApprovalFlow = Dto<'ApprovalFlowDto'>;
export type SaveFlow = Dto<'SaveApprovalFlowRequest'>;

export type ApprovalStatus = Enum<'ApprovalStatus'>;
export type ApprovalBox = 'assigned' | 'submitted' | 'done' | 'cc';
export type ApprovalSummary = Dto<'ApprovalListItemDto'>;
export type ApprovalInboxCount = Dto<'ApprovalInboxCountDto'>;
export type UserRef = Dto<'UserRefDto'>;
export type AssigneeState = Enum<'AssigneeState'>;
export type ApproverProgress = Dto<'ApproverProgressDto'>;
export type ApprovalStepProgress = Dto<'ApprovalStepProgressDto'>;
export type ApprovalAction = Enum<'ApprovalAction'>;
export type ApprovalHistoryEntry = Dto<'ApprovalHistoryDto'>;
export type Approval = Dto<'ApprovalDto'>;
export type Delegation = Dto<'DelegationDto'>;

export type TaskStatus = Enum<'WorkTaskStatus'>;
export type TaskBox = 'mine' | 'assigned-by-me';
export type WorkTask = Dto<'TaskDto'>;
export type CreateTask = Dto<'CreateTaskRequest'>;

export type Announcement = Dto<'AnnouncementDto'>;
export type Receipts = Dto<'ReceiptsDto'>;

export type FieldType = Enum<'FieldType'>;
export type FieldSpec = Dto<'FieldSpec'>;
export type FormFieldKind = Enum<'FormFieldKind'>;
export type FormField = Dto<'FormFieldDto'>;
export type FormStatus = Enum<'FormStatus'>;
export type ApprovalForm = Dto<'ApprovalFormDto'>;
export type SaveForm = Dto<'SaveApprovalFormRequest'>;
export type SubmissionStatus = Enum<'FormSubmissionStatus'>;
export type SubmissionSummary = Dto<'FormSubmissionListItemDto'>;
export type FormSubmission = Dto<'FormSubmissionDto'>;
export type FormAttachment = Dto<'FormAttachmentDto'>;

/** Custom forms' document types are `form:<code>`: they share one label. */
export function documentTypeKey(documentType: string): string {
  return 'oa.documentTypes.' + (documentType.startsWith('form:') ? 'form' : documentType);
}

export type NotificationKind = Enum<'NotificationKind'>;
export type AppNotification = Dto<'NotificationDto'>;
export type NotificationList = Dto<'NotificationListDto'>;

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
  approvalInboxCount() { return this.http.get<ApprovalInboxCount>('/api/oa/approvals/inbox-count'); }
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

  forms() { return this.http.get<ApprovalForm[]>('/api/oa/forms'); }
  publishedForms() { return this.http.get<ApprovalForm[]>('/api/oa/forms/published'); }
  form(id: string) { return this.http.get<ApprovalForm>(`/api/oa/forms/${id}`); }
  createForm(form: SaveForm) { return this.http.post<ApprovalForm>('/api/oa/forms', form); }
  updateForm(id: string, form: SaveForm) { return this.http.put<ApprovalForm>(`/api/oa/forms/${id}`, form); }
  publishForm(id: string, publish: boolean) { return this.http.post<ApprovalForm>(`/api/oa/forms/${id}/${publish ? 'publish' : 'unpublish'}`, {}); }
  submitForm(formId: string, values: Record<string, unknown>) { return this.http.post<FormSubmission>('/api/oa/form-submissions', { formId, values }); }
  mySubmissions(query: PageQuery) { return this.http.get<Paged<SubmissionSummary>>('/api/oa/form-submissions', { params: toParams(query) }); }
  submission(id: string) { return this.http.get<FormSubmission>(`/api/oa/form-submissions/${id}`); }
  uploadFormAttachment(file: File) {
    const body = new FormData();
    body.append('file', file);
    return this.http.post<FormAttachment>('/api/oa/form-submissions/attachments', body);
  }
  formAttachment(id: string) { return this.http.get(`/api/oa/form-submissions/attachments/${id}`, { responseType: 'blob' }); }

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
