import { Injectable, inject, signal } from '@angular/core';
import type { HubConnection } from '@microsoft/signalr';
import { Observable, Subject } from 'rxjs';
import { Session } from './session';

/** How long to wait before trying again once SignalR's own reconnect attempts gave up. */
const RETRY_MS = 30_000;

/**
 * The live channel to the server (SignalR, /hubs/user): what the server pushes to the signed-in user's tabs, on whichever
 * host it happens. `connected` says whether it is up; while it is down, components fall back to polling.
 */
@Injectable({ providedIn: 'root' })
export class Live {
  private readonly session = inject(Session);
  private readonly messages = new Map<string, Subject<unknown>>();
  private connection: HubConnection | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private users = 0;

  readonly connected = signal(false);

  /** Messages of one kind (`notification`, …); the channel opens with the first subscriber and closes after the last. */
  on<T>(method: string): Observable<T> {
    return new Observable<T>(subscriber => {
      let subject = this.messages.get(method);
      if (!subject) {
        subject = new Subject<unknown>();
        this.messages.set(method, subject);
        this.connection?.on(method, message => subject!.next(message));
      }
      const subscription = (subject as Subject<T>).subscribe(subscriber);
      if (this.users++ === 0) void this.open();
      return () => {
        subscription.unsubscribe();
        if (--this.users === 0) this.close();
      };
    });
  }

  /** The client library loads with the first subscriber, not in the app's first bundle. */
  private async open(): Promise<void> {
    if (!this.session.accessToken()) return;
    const { HubConnectionBuilder, HttpTransportType } = await import('@microsoft/signalr');
    if (this.users === 0 || this.connection) return; // closed, or opened, while the library loaded
    // WebSockets without negotiation: one request, so behind a load balancer without sticky sessions the socket never
    // has its negotiate and connect answered by different hosts. Where WebSockets fail, components poll instead.
    const connection = new HubConnectionBuilder()
      .withUrl('/hubs/user', {
        accessTokenFactory: () => this.session.accessToken() ?? '',
        skipNegotiation: true,
        transport: HttpTransportType.WebSockets,
      })
      .withAutomaticReconnect()
      .build();
    for (const [method, subject] of this.messages) connection.on(method, message => subject.next(message));
    connection.onreconnecting(() => this.connected.set(false));
    connection.onreconnected(() => this.connected.set(true));
    connection.onclose(() => { this.connected.set(false); this.scheduleRetry(); });
    this.connection = connection;
    this.start();
  }

  private start(): void {
    const connection = this.connection;
    if (!connection || connection.state !== 'Disconnected') return;
    connection.start().then(() => this.connected.set(true), () => this.scheduleRetry());
  }

  private scheduleRetry(): void {
    if (this.users === 0 || this.retry) return;
    this.retry = setTimeout(() => { this.retry = null; this.start(); }, RETRY_MS);
  }

  private close(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const connection = this.connection;
    this.connection = null;
    this.connected.set(false);
    void connection?.stop();
  }
}
