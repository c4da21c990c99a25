import { Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { of, switchMap, timer } from 'rxjs';
import { Live } from '../core/live';
import { AppNotification, OaApi } from '../oa/oa.api';

/**
 * The toolbar bell: unread count, the latest notifications, each opening what it is about. New notifications arrive live
 * (SignalR); while the live channel is down the count is polled every minute instead.
 */
@Component({
  selector: 'bs-notification-bell',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, MatBadgeModule, DatePipe, TranslatePipe],
  template: `
    <button mat-icon-button [matMenuTriggerFor]="menu" (menuOpened)="load()" data-testid="notification-bell"
            [attr.aria-label]="('oa.notifications.title' | translate) + (unread() ? ' (' + unread() + ')' : '')">
      <mat-icon [matBadge]="unread() || null" matBadgeColor="warn" matBadgeSize="small" aria-hidden="true">notifications</mat-icon>
    </button>
    <span class="count" data-testid="notification-unread" hidden>{{ unread() }}</span>
    <mat-menu #menu="matMenu" class="notifications">
      <div class="menu-head" (click)="$event.stopPropagation()">
        <strong>{{ 'oa.notifications.title' | translate }}</strong>
        @if (unread()) { <button mat-button (click)="readAll()" data-testid="notification-read-all">{{ 'oa.notifications.readAll' | translate }}</button> }
      </div>
      @for (n of items(); track n.id) {
        <button mat-menu-item (click)="open(n)" [class.unread]="!n.readAt" [attr.data-testid]="'notification-' + n.kind">
          <span class="line">{{ 'oa.notifications.kind.' + n.kind | translate }}: {{ n.title }}</span>
          <small>{{ n.createdAt | date: 'MM-dd HH:mm' }}</small>
        </button>
      } @empty {
        <p class="empty">{{ 'oa.notifications.empty' | translate }}</p>
      }
    </mat-menu>
  `,
  styles: `
    .menu-head { display: flex; align-items: center; justify-content: space-between; padding: 4px 16px; min-width: 280px; }
    .unread .line { font-weight: 600; }
    .line { display: block; }
    .empty { padding: 8px 16px; color: #666; }
  `,
})
export class NotificationBell implements OnInit {
  private readonly api = inject(OaApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly live = inject(Live);
  private readonly liveUp = toObservable(this.live.connected);
  protected readonly unread = signal(0);
  protected readonly items = signal<AppNotification[]>([]);

  ngOnInit(): void {
    this.live.on<AppNotification>('notification').pipe(takeUntilDestroyed(this.destroyRef)).subscribe(n => {
      this.unread.update(count => count + 1);
      this.items.update(items => [n, ...items]);
    });
    // Counted once when the channel comes up (what arrived while it was down), every minute while it is down.
    this.liveUp.pipe(
      switchMap(up => up ? of(0) : timer(0, 60_000)),
      switchMap(() => this.api.unreadCount()),
      takeUntilDestroyed(this.destroyRef),
    ).subscribe({ next: r => this.unread.set(r.count), error: () => this.unread.set(0) });
  }

  load(): void {
    this.api.notifications().subscribe(list => { this.items.set(list.items); this.unread.set(list.unreadCount); });
  }

  open(notification: AppNotification): void {
    if (!notification.readAt) {
      this.api.markNotificationRead(notification.id).subscribe();
      this.unread.update(n => Math.max(0, n - 1));
    }
    if (notification.link) this.router.navigateByUrl(notification.link);
  }

  readAll(): void { this.api.markAllNotificationsRead().subscribe(() => this.load()); }
}
