import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { Announcement, OaApi } from '../oa.api';
import { PublishDialog } from './publish-dialog';
import { ReceiptsDialog } from './receipts-dialog';
import { Permissions } from '../../core/api/permissions';

/** Announcements (公告) addressed to me; reading one leaves a receipt, managers publish and see who read. */
@Component({
  selector: 'bs-announcements',
  imports: [ListPage, MatCardModule, MatButtonModule, MatIconModule, DatePipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="oa.announcements.title" [state]="list" [canCreate]="canManage" (create)="publish()">
      @for (a of list.items(); track a.id) {
        <mat-card class="card" [class.unread]="!a.readAt" [attr.data-testid]="'announcement-' + a.title">
          <mat-card-header>
            <mat-card-title>{{ a.title }}</mat-card-title>
            <mat-card-subtitle>
              {{ a.publishedAt | date: 'yyyy-MM-dd HH:mm' }} ·
              {{ (a.departmentIds.length ? 'oa.announcements.toDepartments' : 'oa.announcements.toEveryone') | translate: { count: a.departmentIds.length } }}
            </mat-card-subtitle>
          </mat-card-header>
          @if (open() === a.id) { <mat-card-content><p class="body" data-testid="announcement-body">{{ a.body }}</p></mat-card-content> }
          <mat-card-actions>
            <button mat-button (click)="read(a)" [attr.data-testid]="'announcement-read-' + a.title">
              {{ (open() === a.id ? 'oa.announcements.close' : 'oa.announcements.read') | translate }}
            </button>
            @if (a.readAt) { <span class="read" [attr.data-testid]="'announcement-readat-' + a.title">{{ 'oa.announcements.readAt' | translate: { at: (a.readAt | date: 'yyyy-MM-dd HH:mm') } }}</span> }
            @if (canManage) {
              <button mat-button (click)="receipts(a)" [attr.data-testid]="'announcement-receipts-' + a.title"><mat-icon>done_all</mat-icon> {{ 'oa.announcements.receipts' | translate }}</button>
            }
          </mat-card-actions>
        </mat-card>
      }
    </bs-list-page>
  `,
  styles: `.card { margin-bottom: 12px; } .unread mat-card-title { font-weight: 600; } .body { white-space: pre-wrap; } .read { color: #666; font-size: 13px; }`,
})
export class AnnouncementsPage implements OnInit {
  private readonly api = inject(OaApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.OaAnnouncementsManage);
  protected readonly open = signal<string | null>(null);
  protected readonly list = new ListState<Announcement>(q => this.api.announcements(q));

  ngOnInit(): void { this.list.load(); }

  /** Opening an announcement is reading it: the first time leaves the receipt. */
  read(announcement: Announcement): void {
    if (this.open() === announcement.id) { this.open.set(null); return; }
    this.open.set(announcement.id);
    if (announcement.readAt) return;
    this.api.markAnnouncementRead(announcement.id).subscribe({
      next: read => this.list.items.update(items => items.map(a => a.id === read.id ? read : a)),
      error: error => this.notifier.error(error),
    });
  }

  publish(): void {
    this.dialog.open(PublishDialog, { width: '560px' }).afterClosed().subscribe(saved => { if (saved) this.list.load(); });
  }

  receipts(announcement: Announcement): void {
    this.dialog.open(ReceiptsDialog, { data: announcement, width: '480px' });
  }
}
