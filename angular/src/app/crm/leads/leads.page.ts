import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { askReason } from '../../shared/reason-dialog';
import { LeadDialog } from './lead-dialog';
import { LEAD_STATUSES, Lead, LeadStatus, LeadsApi } from './leads.api';
import { QualifyDialog } from './qualify-dialog';
import { Permissions } from '../../core/api/permissions';

/** Leads (线索): worked until qualified into a customer with contact and opportunity, or disqualified with a reason. */
@Component({
  selector: 'bs-leads',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, RouterLink, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
      <mat-label>{{ 'common.status' | translate }}</mat-label>
      <mat-select [value]="status()" (valueChange)="filter($event)" data-testid="leads-status-filter">
        <mat-option [value]="null">{{ 'leads.allStatuses' | translate }}</mat-option>
        @for (s of statuses; track s) { <mat-option [value]="s">{{ 'leads.status.' + s | translate }}</mat-option> }
      </mat-select>
    </mat-form-field>
    <bs-list-page titleKey="leads.title" [state]="list" [canCreate]="canManage()" (create)="edit()">
      <table mat-table [dataSource]="list.items()" data-testid="leads-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'leads.name' | translate }}</th>
          <td mat-cell *matCellDef="let l">{{ l.name }}<br /><small>{{ l.contactPerson }} {{ l.phone }}</small></td>
        </ng-container>
        <ng-container matColumnDef="source">
          <th mat-header-cell *matHeaderCellDef>{{ 'leads.source' | translate }}</th>
          <td mat-cell *matCellDef="let l">{{ 'leads.sources.' + l.source | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let l" [attr.data-testid]="'lead-status-' + l.name">
            {{ 'leads.status.' + l.status | translate }}
            @if (l.disqualificationReason) { <br /><small class="reason">{{ l.disqualificationReason }}</small> }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let l" class="actions">
            @if (l.customerId && session.isGranted(Permissions.CrmCustomers)) {
              <a mat-button [routerLink]="['/crm/customers', l.customerId]" [attr.data-testid]="'lead-customer-' + l.name">{{ 'leads.viewCustomer' | translate }}</a>
            }
            @if (canManage() && (l.status === 'New' || l.status === 'Contacted')) {
              <button mat-button (click)="edit(l)" [attr.data-testid]="'lead-edit-' + l.name">{{ 'common.edit' | translate }}</button>
              @if (session.isGranted(Permissions.CrmCustomersManage)) {
                <button mat-flat-button (click)="qualify(l)" [attr.data-testid]="'lead-qualify-' + l.name">{{ 'leads.qualify' | translate }}</button>
              }
              <button mat-button (click)="disqualify(l)" [attr.data-testid]="'lead-disqualify-' + l.name">{{ 'leads.disqualify' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .filter { min-width: 200px; margin-bottom: 8px; } .actions { text-align: right; white-space: nowrap; } .reason { color: #666; }`,
})
export class LeadsPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(LeadsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly columns = ['name', 'source', 'status', 'actions'];
  protected readonly statuses = LEAD_STATUSES;
  protected readonly status = signal<LeadStatus | null>(null);
  protected readonly list = new ListState<Lead>(q => this.api.list(q, this.status()));

  ngOnInit(): void { this.list.load(); }

  filter(status: LeadStatus | null): void {
    this.status.set(status);
    this.list.firstPage();
  }

  protected canManage(): boolean { return this.session.isGranted(Permissions.CrmLeadsManage); }

  edit(lead?: Lead): void {
    this.dialog.open(LeadDialog, { data: lead ?? null, width: '640px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  /** A qualified lead lives on as the customer: go there. */
  qualify(lead: Lead): void {
    this.dialog.open(QualifyDialog, { data: lead, width: '480px' }).afterClosed().subscribe((qualified?: Lead) => {
      if (!qualified) return;
      if (qualified.customerId && this.session.isGranted(Permissions.CrmCustomers)) void this.router.navigate(['/crm/customers', qualified.customerId]);
      else this.list.load();
    });
  }

  disqualify(lead: Lead): void {
    askReason(this.dialog, { titleKey: 'leads.disqualifyTitle', params: { name: lead.name }, labelKey: 'leads.reason', submitKey: 'leads.disqualify' })
      .subscribe(reason => {
        if (!reason) return;
        this.api.disqualify(lead.id, reason).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
      });
  }
}
