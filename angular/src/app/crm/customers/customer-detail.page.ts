import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { ActivitiesPanel } from '../activities/activities-panel';
import { ContactDialog } from '../contacts/contact-dialog';
import { Contact, ContactsApi } from '../contacts/contacts.api';
import { Contract, ContractsApi } from '../contracts/contracts.api';
import { OpportunitiesApi, Opportunity } from '../opportunities/opportunities.api';
import { OpportunityDialog } from '../opportunities/opportunity-dialog';
import { Customer, CustomersApi } from './customers.api';
import { CustomerDialog } from './customer-dialog';
import { CustomerFinance } from '../../finance/customer-finance';
import { Permissions } from '../../core/api/permissions';
import { CustomField, CustomFieldFacts, CustomFieldsApi } from '../../shared/custom-fields';
import { Timeline } from '../../shared/timeline/timeline';
import { MatTabsModule } from '@angular/material/tabs';

/** The customer 360° page (客户全景): key figures on top, then a tab for each side of the customer, its follow-ups and its timeline. */
@Component({
  selector: 'bs-customer-detail',
  imports: [Timeline, MatTabsModule, CustomFieldFacts, MatCardModule, MatButtonModule, MatIconModule, RouterLink, CurrencyPipe, TranslatePipe, ActivitiesPanel, CustomerFinance],
  template: `
    <div class="head">
      <a mat-icon-button routerLink="/crm/customers" [attr.aria-label]="'customers.title' | translate"><mat-icon>arrow_back</mat-icon></a>
      <h2 data-testid="customer-title">{{ customer()?.name }}</h2>
      <span class="spacer"></span>
      @if (customer() && session.isGranted(Permissions.CrmCustomersManage)) {
        <button mat-button (click)="editCustomer()" data-testid="customer-edit">{{ 'common.edit' | translate }}</button>
      }
    </div>
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (customer(); as c) {
      <div class="figures" data-testid="customer-figures">
        @if (session.isGranted(Permissions.CrmOpportunities)) {
          <mat-card appearance="outlined" data-testid="customer-open-opportunities">
            <mat-card-header><mat-card-title>{{ 'customers.openOpportunities' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <p class="figure">{{ openOpportunities().count }}</p>
              <p class="hint">{{ openOpportunities().amount | currency: currency() : 'symbol-narrow' }}</p>
            </mat-card-content>
          </mat-card>
        }
        @if (session.isGranted(Permissions.CrmContracts)) {
          <mat-card appearance="outlined" data-testid="customer-contracts-value">
            <mat-card-header><mat-card-title>{{ 'customers.contractsValue' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <p class="figure">{{ contractsValue() | currency: currency() : 'symbol-narrow' }}</p>
              <p class="hint">{{ 'customers.contractsValueHint' | translate }}</p>
            </mat-card-content>
          </mat-card>
        }
        <bs-customer-finance [customerId]="c.id" section="figures" />
      </div>

      <mat-tab-group mat-stretch-tabs="false" mat-align-tabs="start" animationDuration="0ms" data-testid="customer-tabs">
        <mat-tab>
          <ng-template mat-tab-label><span data-testid="customer-tab-overview">{{ 'customers.overview' | translate }}</span></ng-template>
          <mat-card appearance="outlined" class="tab">
            <mat-card-header><mat-card-title>{{ 'customers.details' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              <dl>
                <dt>{{ 'customers.creditCode' | translate }}</dt><dd>{{ c.creditCode || '—' }}</dd>
                <dt>{{ 'customers.taxId' | translate }}</dt><dd>{{ c.taxId || '—' }}</dd>
                <dt>{{ 'customers.billingAddress' | translate }}</dt><dd>{{ c.billingAddress || '—' }}</dd>
                <dt>{{ 'customers.bankAccount' | translate }}</dt><dd>{{ c.bankAccount || '—' }}</dd>
                <bs-custom-field-facts [fields]="customFields()" [values]="c.customFields" testId="customer" />
              </dl>
            </mat-card-content>
          </mat-card>
        </mat-tab>

        @if (session.isGranted(Permissions.CrmContacts)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-contacts">{{ 'contacts.title' | translate }}</span></ng-template>
            <mat-card appearance="outlined" class="tab" data-testid="customer-contacts">
              <mat-card-header>
                <mat-card-title>{{ 'contacts.title' | translate }}</mat-card-title>
                @if (session.isGranted(Permissions.CrmContactsManage)) {
                  <button mat-button class="add" (click)="addContact()" data-testid="customer-add-contact"><mat-icon>add</mat-icon>{{ 'common.create' | translate }}</button>
                }
              </mat-card-header>
              <mat-card-content>
                @for (p of contacts(); track p.id) {
                  <div class="row">
                    <strong>{{ p.name }}</strong> @if (p.isPrimary) { <mat-icon class="star">star</mat-icon> }
                    <small>{{ p.position }} {{ p.phone }} {{ p.email }}</small>
                  </div>
                } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
              </mat-card-content>
            </mat-card>
          </mat-tab>
        }

        @if (session.isGranted(Permissions.CrmOpportunities)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-opportunities">{{ 'opportunities.title' | translate }}</span></ng-template>
            <mat-card appearance="outlined" class="tab" data-testid="customer-opportunities">
              <mat-card-header>
                <mat-card-title>{{ 'opportunities.title' | translate }}</mat-card-title>
                @if (session.isGranted(Permissions.CrmOpportunitiesManage)) {
                  <button mat-button class="add" (click)="addOpportunity()" data-testid="customer-add-opportunity"><mat-icon>add</mat-icon>{{ 'common.create' | translate }}</button>
                }
              </mat-card-header>
              <mat-card-content>
                @for (o of opportunities(); track o.id) {
                  <div class="row">
                    <strong>{{ o.name }}</strong>
                    <small>{{ o.amount | currency: o.currency : 'symbol-narrow' }} · {{ 'opportunities.stages.' + o.stage | translate }} · {{ o.probability }}%</small>
                  </div>
                } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
              </mat-card-content>
            </mat-card>
          </mat-tab>
        }

        @if (session.isGranted(Permissions.CrmContracts)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-contracts">{{ 'contracts.title' | translate }}</span></ng-template>
            <mat-card appearance="outlined" class="tab" data-testid="customer-contracts">
              <mat-card-content>
                @for (k of contracts(); track k.id) {
                  <div class="row">
                    <a [routerLink]="['/crm/contracts', k.id]"><strong>{{ k.number }}</strong></a> {{ k.title }}
                    <small>{{ k.grossTotal | currency: k.currency : 'symbol-narrow' }} · {{ 'contracts.status.' + k.status | translate }}</small>
                  </div>
                } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
              </mat-card-content>
            </mat-card>
          </mat-tab>
        }

        @if (session.isGranted(Permissions.OrdersSalesOrders)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-orders">{{ 'customers.orders' | translate }}</span></ng-template>
            <div class="tab"><bs-customer-finance [customerId]="c.id" section="orders" /></div>
          </mat-tab>
        }

        @if (session.isGranted(Permissions.FinanceInvoices) || session.isGranted(Permissions.FinancePayments)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-invoices">{{ 'customers.invoicesPayments' | translate }}</span></ng-template>
            <div class="tab stack"><bs-customer-finance [customerId]="c.id" section="invoices" /></div>
          </mat-tab>
        }

        @if (session.isGranted(Permissions.CrmActivities)) {
          <mat-tab>
            <ng-template mat-tab-label><span data-testid="customer-tab-activities">{{ 'activities.title' | translate }}</span></ng-template>
            <mat-card appearance="outlined" class="tab" data-testid="customer-activities">
              <mat-card-content><bs-activities-panel regardingType="Customer" [regardingId]="c.id" /></mat-card-content>
            </mat-card>
          </mat-tab>
        }

        <mat-tab>
          <ng-template mat-tab-label><span data-testid="customer-tab-timeline">{{ 'timeline.title' | translate }}</span></ng-template>
          <mat-card appearance="outlined" class="tab"><mat-card-content><bs-timeline recordType="crm.customer" [recordId]="c.id" /></mat-card-content></mat-card>
        </mat-tab>
      </mat-tab-group>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; } .spacer { flex: 1; } .head h2 { margin: 0; }
    .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 8px; margin-bottom: 12px; }
    .figure { font-size: 24px; font-weight: 500; margin: 4px 0; } .hint { color: #666; margin: 0; }
    .tab { margin-top: 12px; } .stack { display: grid; gap: 12px; }
    mat-card-header { align-items: center; } .add { margin-left: auto; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; } dt { color: #666; } dd { margin: 0; }
    .row { padding: 4px 0; border-bottom: 1px solid #eee; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
    .star { font-size: 16px; height: 16px; width: 16px; color: #f9a825; } .empty { color: #666; } .error { color: #b3261e; }
  `,
})
export class CustomerDetailPage {
  protected readonly Permissions = Permissions;
  /** The route's :id. */
  readonly id = input.required<string>();
  protected readonly session = inject(Session);
  private readonly customersApi = inject(CustomersApi);
  private readonly contactsApi = inject(ContactsApi);
  private readonly opportunitiesApi = inject(OpportunitiesApi);
  private readonly contractsApi = inject(ContractsApi);
  private readonly dialog = inject(MatDialog);
  protected readonly customer = signal<Customer | null>(null);
  protected readonly contacts = signal<Contact[]>([]);
  protected readonly opportunities = signal<Opportunity[]>([]);
  protected readonly contracts = signal<Contract[]>([]);
  protected readonly error = signal('');
  protected readonly customFields = signal<CustomField[]>([]);
  /** Opportunities neither won nor lost, and what they are worth. */
  protected readonly openOpportunities = computed(() => {
    const open = this.opportunities().filter(o => o.stage !== 'Won' && o.stage !== 'Lost');
    return { count: open.length, amount: open.reduce((sum, o) => sum + o.amount, 0) };
  });
  /** The value of the contracts signed with the customer (signed or completed). */
  protected readonly contractsValue = computed(() =>
    this.contracts().filter(k => k.status === 'Signed' || k.status === 'Completed').reduce((sum, k) => sum + k.grossTotal, 0));
  protected readonly currency = computed(() => this.contracts()[0]?.currency ?? this.opportunities()[0]?.currency ?? 'CNY');

  constructor() {
    effect(() => this.load(this.id()));
    inject(CustomFieldsApi).active('crm.customer').subscribe(fields => this.customFields.set(fields));
  }

  private load(id: string): void {
    this.customersApi.get(id).subscribe({ next: c => this.customer.set(c), error: error => this.error.set(problemMessage(error)) });
    this.loadContacts(id);
    this.loadOpportunities(id);
    if (this.session.isGranted(Permissions.CrmContracts))
      this.contractsApi.list({ skip: 0, take: 100 }, id).subscribe(page => this.contracts.set(page.items));
  }

  private loadContacts(id: string): void {
    if (this.session.isGranted(Permissions.CrmContacts)) this.contactsApi.list({ skip: 0, take: 100 }, id).subscribe(page => this.contacts.set(page.items));
  }

  private loadOpportunities(id: string): void {
    if (this.session.isGranted(Permissions.CrmOpportunities))
      this.opportunitiesApi.list({ skip: 0, take: 100 }, id).subscribe(page => this.opportunities.set(page.items));
  }

  editCustomer(): void {
    this.dialog.open(CustomerDialog, { data: this.customer(), width: '520px' }).afterClosed()
      .subscribe((saved?: Customer) => { if (saved) this.customer.set(saved); });
  }

  addContact(): void {
    this.dialog.open(ContactDialog, { data: { customerId: this.id() }, width: '480px' }).afterClosed()
      .subscribe(saved => { if (saved) this.loadContacts(this.id()); });
  }

  addOpportunity(): void {
    this.dialog.open(OpportunityDialog, { data: { customerId: this.id() }, width: '640px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.loadOpportunities(this.id()); });
  }
}
