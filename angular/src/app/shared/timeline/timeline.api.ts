import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto } from '../../core/api';

export type TimelinePage = Dto<'TimelinePageDto'>;
export type TimelineItem = Dto<'TimelineItemDto'>;
export type TimelineFile = Dto<'TimelineFile'>;
export type MentionCandidate = Dto<'MentionCandidateDto'>;
export type AddComment = Dto<'AddRecordCommentRequest'>;

/** The record types the server gives a timeline (CrmRecordTypes, OrdersRecordTypes … on the server). */
export type RecordType = 'crm.customer' | 'crm.contract' | 'orders.sales-order' | 'finance.invoice' | 'hr.employee' | 'oa.approval';

@Injectable({ providedIn: 'root' })
export class TimelineApi {
  private readonly http = inject(HttpClient);

  page(recordType: RecordType, recordId: string, before?: string | null) {
    const params: Record<string, string | number> = { take: 20 };
    if (before) params['before'] = before;
    return this.http.get<TimelinePage>(`/api/oa/timeline/${recordType}/${recordId}`, { params });
  }
  comment(recordType: RecordType, recordId: string, request: AddComment) {
    return this.http.post<TimelineItem>(`/api/oa/timeline/${recordType}/${recordId}/comments`, request);
  }
  upload(file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<TimelineFile>('/api/oa/timeline/attachments', form);
  }
  download(id: string) { return this.http.get(`/api/oa/timeline/attachments/${id}`, { responseType: 'blob' }); }
  people(recordType: RecordType, filter: string) {
    return this.http.get<MentionCandidate[]>(`/api/oa/timeline/${recordType}/people`, { params: { filter } });
  }
}
