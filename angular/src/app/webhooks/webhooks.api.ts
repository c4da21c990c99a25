import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged } from '../core/api';

export type WebhookSubscription = Dto<'WebhookSubscriptionDto'>;
export type SubscriptionWithSecret = Dto<'SubscriptionWithSecretDto'>;
export type SubscriptionRequest = Dto<'SubscriptionRequest'>;
export type WebhookEventType = Dto<'WebhookEventTypeDto'>;
export type DeliveryStatus = Enum<'DeliveryStatus'>;
export type DeliveryAttempt = Dto<'DeliveryAttemptDto'>;
export type WebhookDelivery = Dto<'WebhookDeliveryDto'>;

@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/webhooks';
  eventTypes() { return this.http.get<WebhookEventType[]>(`${this.base}/event-types`); }
  list() { return this.http.get<WebhookSubscription[]>(`${this.base}/subscriptions`); }
  create(request: SubscriptionRequest) { return this.http.post<SubscriptionWithSecret>(`${this.base}/subscriptions`, request); }
  update(id: string, request: SubscriptionRequest) { return this.http.put<WebhookSubscription>(`${this.base}/subscriptions/${id}`, request); }
  delete(id: string) { return this.http.delete<void>(`${this.base}/subscriptions/${id}`); }
  rotateSecret(id: string) { return this.http.post<SubscriptionWithSecret>(`${this.base}/subscriptions/${id}/rotate-secret`, {}); }
  ping(id: string) { return this.http.post<WebhookDelivery>(`${this.base}/subscriptions/${id}/ping`, {}); }
  deliveries(skip: number, take: number, subscriptionId?: string, status?: DeliveryStatus) {
    let params = new HttpParams().set('skip', skip).set('take', take);
    if (subscriptionId) params = params.set('subscriptionId', subscriptionId);
    if (status) params = params.set('status', status);
    return this.http.get<Paged<WebhookDelivery>>(`${this.base}/deliveries`, { params });
  }
  redeliver(id: string) { return this.http.post<WebhookDelivery>(`${this.base}/deliveries/${id}/redeliver`, {}); }
}
