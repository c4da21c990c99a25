import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged } from '../../core/api';

export type ActivityType = Enum<'ActivityType'>;
export const ACTIVITY_TYPES: ActivityType[] = ['Call', 'Visit', 'Meeting', 'Email', 'Note'];
export type ActivityRegarding = Enum<'ActivityRegarding'>;

export type Activity = Dto<'ActivityDto'>;
export type LogActivity = Dto<'LogActivityRequest'>;

@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);
  list(regardingType: ActivityRegarding, regardingId: string) {
    return this.http.get<Paged<Activity>>('/api/crm/activities', { params: { regardingType, regardingId, take: 100 } });
  }
  log(activity: LogActivity) { return this.http.post<Activity>('/api/crm/activities', activity); }
}
