import { Component, effect, inject, input, signal } from '@angular/core';
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

/** One customer (客户) with everything sales knows about it: contacts, opportunities, contracts, follow-ups. */
@Component({
  selector: 'bs-customer-detail',
  imports: [CustomFieldFacts, MatCardModule, MatButtonModule, MatIconModule, RouterLink, CurrencyPipe, TranslatePipe, ActivitiesPanel, CustomerFinance],
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
      <div class="cards">
        <mat-card appearance="outlined">
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

        @if (session.isGranted(Permissions.CrmContacts)) {
          <mat-card appearance="outlined" data-testid="customer-contacts">
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
        }

        @if (session.isGranted(Permissions.CrmOpportunities)) {
          <mat-card appearance="outlined" data-testid="customer-opportunities">
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
        }

        @if (session.isGranted(Permissions.CrmContracts)) {
          <mat-card appearance="outlined" data-testid="customer-contracts">
            <mat-card-header><mat-card-title>{{ 'contracts.title' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content>
              @for (k of contracts(); track k.id) {
                <div class="row">
                  <strong>{{ k.number }}</strong> {{ k.title }}
                  <small>{{ k.grossTotal | currency: k.currency : 'symbol-narrow' }} · {{ 'contracts.status.' + k.status | translate }}</small>
                </div>
              } @empty { <p class="empty">{{ 'common.empty' | translate }}</p> }
            </mat-card-content>
          </mat-card>
        }

        <bs-customer-finance [customerId]="c.id" />

        @if (session.isGranted(Permissions.CrmActivities)) {
          <mat-card appearance="outlined" class="wide" data-testid="customer-activities">
            <mat-card-header><mat-card-title>{{ 'activities.title' | translate }}</mat-card-title></mat-card-header>
            <mat-card-content><bs-activities-panel regardingType="Customer" [regardingId]="c.id" /></mat-card-content>
          </mat-card>
        }
      </div>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; } .spacer { flex: 1; } .head h2 { margin: 0; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 12px; }
    .wide { grid-column: 1 / -1; }
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
