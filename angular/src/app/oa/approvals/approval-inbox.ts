import { Component, DestroyRef, Injectable, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { Subscription, merge, of, switchMap, timer } from 'rxjs';
import { Live } from '../../core/live';
import { ApprovalInboxCount, OaApi } from '../oa.api';

/**
 * How many approvals wait for the signed-in user's decision (待我审批): pushed live (`approvalInbox`) when an approval
 * assigned to them is created or decided, on any host; read once when the channel comes up and every minute only while it is down.
 */
@Injectable({ providedIn: 'root' })
export class ApprovalInbox {
  private readonly api = inject(OaApi);
  private readonly live = inject(Live);
  private readonly liveUp = toObservable(this.live.connected);
  private watchers = 0;
  private subscription: Subscription | null = null;

  readonly count = signal(0);

  /** Keeps the count current while the caller lives (the nav badge, the inbox page). */
  watch(destroyRef: DestroyRef): void {
    if (this.watchers++ === 0) {
      const polled = this.liveUp.pipe(
        switchMap(up => up ? of(0) : timer(0, 60_000)),
        switchMap(() => this.api.approvalInboxCount()),
      );
      this.subscription = merge(polled, this.live.on<ApprovalInboxCount>('approvalInbox'))
        .subscribe({ next: r => this.count.set(r.count), error: () => this.count.set(0) });
    }
    destroyRef.onDestroy(() => {
      if (--this.watchers === 0) { this.subscription?.unsubscribe(); this.subscription = null; }
    });
  }
}

/** The nav badge of the approval inbox: the count, hidden at zero. */
@Component({
  selector: 'bs-approval-inbox-badge',
  template: `@if (inbox.count()) { <span class="badge" data-testid="approval-inbox-count">{{ inbox.count() }}</span> }`,
  styles: `
    .badge { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: var(--mat-sys-error, #b3261e);
      color: var(--mat-sys-on-error, #fff); font-size: 12px; line-height: 20px; text-align: center; }
  `,
})
export class ApprovalInboxBadge {
  protected readonly inbox = inject(ApprovalInbox);

  constructor() { this.inbox.watch(inject(DestroyRef)); }
}
