import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum } from '../../core/api';

export type SubscriptionStatus = Enum<'SubscriptionStatus'>;
export type Edition = Dto<'EditionDto'>;
export type Subscription = Dto<'SubscriptionDto'>;

@Injectable({ providedIn: 'root' })
export class SubscriptionApi {
  private readonly http = inject(HttpClient);
  get() { return this.http.get<Subscription>('/api/saas/subscription'); }
  checkout(edition: string) { return this.http.post<{ url: string }>('/api/saas/subscription/checkout', { edition }); }
  portal() { return this.http.post<{ url: string }>('/api/saas/subscription/portal', {}); }
  editions() { return this.http.get<Edition[]>('/api/saas/editions'); }
}
