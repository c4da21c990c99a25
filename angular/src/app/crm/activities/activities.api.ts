import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Paged } from '../../core/api';

export type ActivityType = 'Call' | 'Visit' | 'Meeting' | 'Email' | 'Note';
export const ACTIVITY_TYPES: ActivityType[] = ['Call', 'Visit', 'Meeting', 'Email', 'Note'];
export type ActivityRegarding = 'Lead' | 'Customer' | 'Contact' | 'Opportunity' | 'Contract';

export interface Activity {
  id: string; type: ActivityType; subject: string; notes: string | null; occurredAt: string;
  regardingType: ActivityRegarding; regardingId: string; createdBy: string | null; createdAt: string;
}
export interface LogActivity {
  type: ActivityType; subject: string; notes: string | null; occurredAt: string | null; regardingType: ActivityRegarding; regardingId: string;
}

@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);
  list(regardingType: ActivityRegarding, regardingId: string) {
    return this.http.get<Paged<Activity>>('/api/crm/activities', { params: { regardingType, regardingId, take: 100 } });
  }
  log(activity: LogActivity) { return this.http.post<Activity>('/api/crm/activities', activity); }
}
