import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../core/notifier';
import { confirm } from '../shared/confirm';
import { SubscriptionDialog, SubscriptionDialogData } from './subscription-dialog';
import { DeliveryStatus, WebhookDelivery, WebhookSubscription, WebhooksApi } from './webhooks.api';

/** Outbound webhooks (open platform): the tenant's subscriptions and the log of what was sent to them, with redelivery. */
@Component({
  selector: 'bs-webhooks',
  imports: [MatTableModule, MatButtonModule, MatFormFieldModule, MatSelectModule, MatPaginatorModule, DatePipe, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'webhooks.title' | translate }}</h2>
      <button mat-flat-button (click)="open({})" data-testid="webhook-create">{{ 'webhooks.create' | translate }}</button>
    </div>
    <p class="hint">{{ 'webhooks.hint' | translate }}</p>
    <table mat-table [dataSource]="subscriptions()" data-testid="webhooks-table">
      <ng-container matColumnDef="url">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.url' | translate }}</th>
        <td mat-cell *matCellDef="let s"><code>{{ s.url }}</code>@if (s.description) { <br /><small>{{ s.description }}</small> }</td>
      </ng-container>
      <ng-container matColumnDef="eventTypes">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.eventTypes' | translate }}</th>
        <td mat-cell *matCellDef="let s"><small>{{ s.eventTypes.join(', ') }}</small></td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
        <td mat-cell *matCellDef="let s">{{ (s.isEnabled ? 'webhooks.on' : 'webhooks.off') | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let s; let i = index" class="actions">
          <button mat-button (click)="select(s)" [attr.data-testid]="'webhook-log-' + i">{{ 'webhooks.log' | translate }}</button>
          <button mat-button (click)="ping(s)" [attr.data-testid]="'webhook-ping-' + i">{{ 'webhooks.ping' | translate }}</button>
          <button mat-button (click)="open({ subscription: s })" [attr.data-testid]="'webhook-edit-' + i">{{ 'common.edit' | translate }}</button>
          <button mat-button (click)="rotate(s)" [attr.data-testid]="'webhook-rotate-' + i">{{ 'webhooks.rotate' | translate }}</button>
          <button mat-button (click)="remove(s)" [attr.data-testid]="'webhook-delete-' + i">{{ 'common.delete' | translate }}</button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns" [class.selected]="row.id === selected()?.id"></tr>
    </table>

    <div class="head">
      <h3>{{ 'webhooks.deliveries' | translate }}@if (selected(); as s) { · <code>{{ s.url }}</code> }</h3>
      <div>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'common.status' | translate }}</mat-label>
          <mat-select [value]="status()" (selectionChange)="filter($event.value)" data-testid="delivery-status-filter">
            <mat-option [value]="null">{{ 'webhooks.all' | translate }}</mat-option>
            @for (st of statuses; track st) { <mat-option [value]="st">{{ 'webhooks.status.' + st | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <button mat-button (click)="loadDeliveries()" data-testid="delivery-refresh">{{ 'webhooks.refresh' | translate }}</button>
      </div>
    </div>
    <table mat-table [dataSource]="deliveries()" data-testid="deliveries-table">
      <ng-container matColumnDef="createdAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.time' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.createdAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="eventType">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.event' | translate }}</th>
        <td mat-cell *matCellDef="let d"><code>{{ d.eventType }}</code></td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
        <td mat-cell *matCellDef="let d; let i = index" [attr.data-testid]="'delivery-status-' + i">{{ 'webhooks.status.' + d.status | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="response">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.response' | translate }}</th>
        <td mat-cell *matCellDef="let d; let i = index" [attr.data-testid]="'delivery-response-' + i">
          {{ d.lastStatusCode ?? (d.attempts.at(-1)?.error ?? '—') }}
        </td>
      </ng-container>
      <ng-container matColumnDef="attempts">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.attempts' | translate }}</th>
        <td mat-cell *matCellDef="let d" [title]="attemptsText(d)">{{ d.attempts.length }}</td>
      </ng-container>
      <ng-container matColumnDef="nextRetryAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'webhooks.nextRetry' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.nextRetryAt ? (d.nextRetryAt | date: 'yyyy-MM-dd HH:mm:ss') : '' }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let d; let i = index" class="actions">
          @if (d.status !== 'Pending') {
            <button mat-button (click)="redeliver(d)" [attr.data-testid]="'delivery-redeliver-' + i">{{ 'webhooks.redeliver' | translate }}</button>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="deliveryColumns"></tr>
      <tr mat-row *matRowDef="let row; columns: deliveryColumns"></tr>
    </table>
    <mat-paginator [length]="total()" [pageSize]="take" [pageIndex]="pageIndex()" (page)="page($event)" [hidePageSize]="true"></mat-paginator>
  `,
  styles: `.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; } table { width: 100%; } .actions { text-align: right; white-space: nowrap; }
    .hint { color: #666; } .selected { background: #f5f5f5; } h3 { margin-top: 24px; }`,
})
export class WebhooksPage implements OnInit {
  private readonly api = inject(WebhooksApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['url', 'eventTypes', 'status', 'actions'];
  protected readonly deliveryColumns = ['createdAt', 'eventType', 'status', 'response', 'attempts', 'nextRetryAt', 'actions'];
  protected readonly statuses: DeliveryStatus[] = ['Pending', 'Delivered', 'Failed'];
  protected readonly take = 20;
  protected readonly subscriptions = signal<WebhookSubscription[]>([]);
  protected readonly selected = signal<WebhookSubscription | null>(null);
  protected readonly status = signal<DeliveryStatus | null>(null);
  protected readonly deliveries = signal<WebhookDelivery[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(0);

  ngOnInit(): void { this.load(); }

  load(): void {
    this.api.list().subscribe({ next: list => this.subscriptions.set(list), error: error => this.notifier.error(error) });
    this.loadDeliveries();
  }

  loadDeliveries(): void {
    this.api.deliveries(this.pageIndex() * this.take, this.take, this.selected()?.id, this.status() ?? undefined).subscribe({
      next: page => { this.deliveries.set(page.items); this.total.set(page.totalCount); },
      error: error => this.notifier.error(error),
    });
  }

  select(subscription: WebhookSubscription): void {
    this.selected.set(this.selected()?.id === subscription.id ? null : subscription);
    this.pageIndex.set(0);
    this.loadDeliveries();
  }

  filter(status: DeliveryStatus | null): void {
    this.status.set(status);
    this.pageIndex.set(0);
    this.loadDeliveries();
  }

  page(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.loadDeliveries();
  }

  open(data: SubscriptionDialogData): void {
    this.dialog.open(SubscriptionDialog, { width: '640px', disableClose: true, data }).afterClosed().subscribe(() => this.load());
  }

  ping(subscription: WebhookSubscription): void {
    this.api.ping(subscription.id).subscribe({
      next: () => { this.selected.set(subscription); this.pageIndex.set(0); this.loadDeliveries(); },
      error: error => this.notifier.error(error),
    });
  }

  rotate(subscription: WebhookSubscription): void {
    confirm(this.dialog, 'webhooks.confirmRotate', { url: subscription.url }).subscribe(yes => {
      if (yes) this.api.rotateSecret(subscription.id).subscribe({
        next: rotated => this.open({ subscription: rotated.subscription, secret: rotated.secret }),
        error: error => this.notifier.error(error),
      });
    });
  }

  remove(subscription: WebhookSubscription): void {
    confirm(this.dialog, 'webhooks.confirmDelete', { url: subscription.url }).subscribe(yes => {
      if (yes) this.api.delete(subscription.id).subscribe({
        next: () => { if (this.selected()?.id === subscription.id) this.selected.set(null); this.load(); },
        error: error => this.notifier.error(error),
      });
    });
  }

  redeliver(delivery: WebhookDelivery): void {
    this.api.redeliver(delivery.id).subscribe({ next: () => this.loadDeliveries(), error: error => this.notifier.error(error) });
  }

  protected attemptsText(delivery: WebhookDelivery): string {
    return delivery.attempts.map(a => `#${a.number} ${a.statusCode ?? a.error ?? ''} (${a.durationMs} ms)`).join('\n');
  }
}
