import { Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { Customer, CustomersApi } from '../customers/customers.api';
import { ContactDialog } from './contact-dialog';
import { Contact, ContactsApi } from './contacts.api';
import { Permissions } from '../../core/api/permissions';

/** All contacts (联系人), optionally of one customer (`?customerId=`). */
@Component({
  selector: 'bs-contacts',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, RouterLink, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
      <mat-label>{{ 'contacts.customer' | translate }}</mat-label>
      <mat-select [value]="selected()" (valueChange)="filter($event)" data-testid="contacts-customer-filter">
        <mat-option [value]="null">{{ 'contacts.allCustomers' | translate }}</mat-option>
        @for (c of customers(); track c.id) { <mat-option [value]="c.id">{{ c.name }}</mat-option> }
      </mat-select>
    </mat-form-field>
    <bs-list-page titleKey="contacts.title" [state]="list" [canCreate]="session.isGranted(Permissions.CrmContactsManage)" (create)="edit()"
                  [importFrom]="session.isGranted(Permissions.CrmContactsManage) ? '/api/crm/contacts' : null">
      <table mat-table [dataSource]="list.items()" data-testid="contacts-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'contacts.name' | translate }}</th>
          <td mat-cell *matCellDef="let c">
            {{ c.name }} @if (c.isPrimary) { <mat-icon class="primary" [attr.aria-label]="'contacts.isPrimary' | translate">star</mat-icon> }
            <br /><small>{{ c.position }}</small>
          </td>
        </ng-container>
        <ng-container matColumnDef="customer">
          <th mat-header-cell *matHeaderCellDef>{{ 'contacts.customer' | translate }}</th>
          <td mat-cell *matCellDef="let c"><a [routerLink]="['/crm/customers', c.customerId]">{{ c.customerName }}</a></td>
        </ng-container>
        <ng-container matColumnDef="phone">
          <th mat-header-cell *matHeaderCellDef>{{ 'contacts.phone' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.phone }}<br /><small>{{ c.email }}</small></td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let c" class="actions">
            @if (session.isGranted(Permissions.CrmContactsManage)) {
              <button mat-icon-button (click)="edit(c)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; } .filter { min-width: 260px; margin-bottom: 8px; }
    .primary { font-size: 16px; height: 16px; width: 16px; color: #f9a825; vertical-align: middle; }`,
})
export class ContactsPage implements OnInit {
  protected readonly Permissions = Permissions;
  /** From the query string, so a customer's contacts can be linked to. */
  readonly customerId = input<string | undefined>();
  /** The search's text when the global search opened this page for a contact (`?filter=`). */
  readonly searchText = input<string | undefined>(undefined, { alias: 'filter' });
  protected readonly session = inject(Session);
  private readonly api = inject(ContactsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  protected readonly columns = ['name', 'customer', 'phone', 'actions'];
  protected readonly customers = signal<Customer[]>([]);
  protected readonly selected = signal<string | null>(null);
  protected readonly list = new ListState<Contact>(q => this.api.list(q, this.selected()));

  ngOnInit(): void {
    this.selected.set(this.customerId() ?? null);
    this.customersApi.list({ skip: 0, take: 1000 }).subscribe(page => this.customers.set(page.items));
    this.list.search(this.searchText() ?? '');
  }

  filter(customerId: string | null): void {
    this.selected.set(customerId);
    this.list.firstPage();
  }

  edit(contact?: Contact): void {
    this.dialog.open(ContactDialog, { data: { contact, customerId: contact ? undefined : this.selected() ?? undefined }, width: '480px' })
      .afterClosed().subscribe(saved => { if (saved) this.list.load(); });
  }
}
