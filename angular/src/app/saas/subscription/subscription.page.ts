import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Edition, Subscription, SubscriptionApi } from './subscription.api';

/** Where Stripe's pages are opened; a seam so tests need not leave the page. */
export const navigation = { go: (url: string) => window.location.assign(url) };

/** The tenant's plan (订阅): status, renewal, usage against its limits, upgrades through Stripe Checkout and the billing portal. */
@Component({
  selector: 'bs-subscription',
  imports: [MatCardModule, MatButtonModule, MatIconModule, MatProgressBarModule, DatePipe, DecimalPipe, TranslatePipe],
  template: `
    <h2>{{ 'subscription.title' | translate }}</h2>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert" data-testid="subscription-error">{{ error() | translate }}</p> }
    @if (plan(); as p) {
      <mat-card class="current">
        <mat-card-header>
          <mat-card-title data-testid="subscription-edition">{{ 'subscription.edition.' + p.edition | translate }}</mat-card-title>
          <mat-card-subtitle data-testid="subscription-status" [class.warn]="p.status !== 'Active'">
            {{ 'subscription.status.' + p.status | translate }}
          </mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          @if (p.status === 'PastDue' && p.graceEndsAt) { <p class="warn">{{ 'subscription.graceEnds' | translate: { date: (p.graceEndsAt | date: 'yyyy-MM-dd') } }}</p> }
          @if (p.status === 'ReadOnly') { <p class="warn">{{ 'subscription.readOnly' | translate }}</p> }
          @if (p.currentPeriodEnd) { <p data-testid="subscription-renewal">{{ 'subscription.renews' | translate: { date: (p.currentPeriodEnd | date: 'yyyy-MM-dd') } }}</p> }
          <p data-testid="subscription-users">{{ 'subscription.users' | translate: { used: p.users, max: p.maxUsers } }}</p>
          <p data-testid="subscription-storage">{{ 'subscription.storage' | translate: { used: (p.storageBytes / 1048576 | number: '1.0-1'), max: p.maxStorageMb } }}</p>
          <p>{{ 'subscription.modules' | translate }}:
            @for (m of p.modules; track m) { <span class="module">{{ 'subscription.module.' + m | translate }}</span> }
          </p>
        </mat-card-content>
        @if (p.hasBillingAccount) {
          <mat-card-actions>
            <button mat-button (click)="portal()" [disabled]="busy()" data-testid="subscription-portal">
              <mat-icon>open_in_new</mat-icon> {{ 'subscription.portal' | translate }}
            </button>
          </mat-card-actions>
        }
      </mat-card>

      <div class="editions">
        @for (e of p.editions; track e.name) {
          <mat-card [attr.data-testid]="'edition-' + e.name">
            <mat-card-header>
              <mat-card-title>{{ 'subscription.edition.' + e.name | translate }}</mat-card-title>
              <mat-card-subtitle>{{ e.monthlyPrice | number: '1.0-2' }} {{ e.currency }} / {{ 'subscription.month' | translate }}</mat-card-subtitle>
            </mat-card-header>
            <mat-card-content>
              <p>{{ 'subscription.limits' | translate: { users: e.maxUsers, storage: e.maxStorageMb } }}</p>
              <p>@for (m of e.modules; track m) { <span class="module">{{ 'subscription.module.' + m | translate }}</span> }</p>
            </mat-card-content>
            <mat-card-actions>
              @if (e.name === p.edition) {
                <span class="current-tag">{{ 'subscription.current' | translate }}</span>
              } @else if (canUpgradeTo(e)) {
                <button mat-flat-button (click)="upgrade(e.name)" [disabled]="busy()" [attr.data-testid]="'upgrade-' + e.name">
                  {{ 'subscription.upgrade' | translate }}
                </button>
              }
            </mat-card-actions>
          </mat-card>
        }
      </div>
    }
  `,
  styles: `
    .current { max-width: 640px; margin-bottom: 24px; }
    .editions { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
    .warn, .error { color: #b3261e; }
    .current-tag { padding: 0 8px; color: #1b6e3a; }
    .module { display: inline-block; margin: 2px 4px 2px 0; padding: 0 8px; border-radius: 10px; background: #e8eef7; font-size: 13px; }
  `,
})
export class SubscriptionPage implements OnInit {
  private readonly api = inject(SubscriptionApi);
  protected readonly plan = signal<Subscription | null>(null);
  protected readonly busy = signal(true);
  protected readonly error = signal('');
  private readonly currentRank = computed(() => this.plan()?.editions.findIndex(e => e.name === this.plan()?.edition) ?? -1);

  ngOnInit(): void {
    this.api.get().subscribe({
      next: plan => { this.plan.set(plan); this.busy.set(false); },
      error: error => this.fail(error),
    });
  }

  /** Editions are listed by rank; changing down or cancelling goes through Stripe's portal. */
  protected canUpgradeTo(edition: Edition): boolean {
    return edition.forSale && this.plan()!.editions.indexOf(edition) > this.currentRank();
  }

  /** A running subscription changes plan in Stripe's portal; a first one starts at Checkout. */
  protected upgrade(edition: string): void {
    this.redirect(this.plan()!.hasSubscription ? this.api.portal() : this.api.checkout(edition));
  }

  protected portal(): void { this.redirect(this.api.portal()); }

  private redirect(call: ReturnType<SubscriptionApi['portal']>): void {
    this.busy.set(true);
    this.error.set('');
    call.subscribe({ next: ({ url }) => navigation.go(url), error: error => this.fail(error) });
  }

  private fail(error: unknown): void {
    this.error.set(problemMessage(error));
    this.busy.set(false);
  }
}
