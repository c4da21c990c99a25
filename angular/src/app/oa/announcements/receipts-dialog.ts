import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Announcement, OaApi, Receipts } from '../oa.api';

/** Read receipts (已读回执): who read the announcement and when, out of how many it reaches. */
@Component({
  selector: 'bs-receipts-dialog',
  imports: [MatDialogModule, MatButtonModule, DatePipe, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'oa.announcements.receipts' | translate }} · {{ announcement.title }}</h2>
    <mat-dialog-content>
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      @if (receipts(); as r) {
        <p data-testid="receipts-count">{{ 'oa.announcements.readOf' | translate: { read: r.readCount, audience: r.audienceCount } }}</p>
        <table class="plain">
          @for (read of r.reads; track read.userId) {
            <tr [attr.data-testid]="'receipt-' + read.name"><td>{{ read.name }}</td><td>{{ read.readAt | date: 'yyyy-MM-dd HH:mm' }}</td></tr>
          }
        </table>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end"><button mat-button mat-dialog-close>{{ 'common.ok' | translate }}</button></mat-dialog-actions>
  `,
  styles: `.plain td { padding: 4px 8px; border-bottom: 1px solid #eee; } .error { color: #b3261e; }`,
})
export class ReceiptsDialog implements OnInit {
  protected readonly announcement = inject<Announcement>(MAT_DIALOG_DATA);
  private readonly api = inject(OaApi);
  protected readonly receipts = signal<Receipts | null>(null);
  protected readonly error = signal('');

  ngOnInit(): void {
    this.api.receipts(this.announcement.id).subscribe({ next: r => this.receipts.set(r), error: error => this.error.set(problemMessage(error)) });
  }
}
