import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { ImpersonateDialog } from './impersonate-dialog';
import { TenantDialog } from './tenant-dialog';
import { Tenant, TenantsApi } from './tenants.api';
import { Permissions } from '../../core/api/permissions';

@Component({
  selector: 'bs-tenants',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, MatMenuModule, DatePipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="tenants.title" [state]="list" [canCreate]="session.isGranted(Permissions.SaasTenantsCreate)" (create)="create()">
      <table mat-table [dataSource]="list.items()" data-testid="tenants-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'tenants.name' | translate }}</th>
          <td mat-cell *matCellDef="let t">{{ t.name }}</td>
        </ng-container>
        <ng-container matColumnDef="displayName">
          <th mat-header-cell *matHeaderCellDef>{{ 'tenants.displayName' | translate }}</th>
          <td mat-cell *matCellDef="let t">{{ t.displayName }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let t">{{ (t.isActive ? 'common.active' : 'common.inactive') | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="edition">
          <th mat-header-cell *matHeaderCellDef>{{ 'tenants.edition' | translate }}</th>
          <td mat-cell *matCellDef="let t" [attr.data-testid]="'edition-' + t.name">{{ 'subscription.edition.' + t.edition | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="subscriptionStatus">
          <th mat-header-cell *matHeaderCellDef>{{ 'tenants.subscriptionStatus' | translate }}</th>
          <td mat-cell *matCellDef="let t">{{ 'subscription.status.' + t.subscriptionStatus | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.createdAt' | translate }}</th>
          <td mat-cell *matCellDef="let t">{{ t.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let t" class="actions">
            @if (session.isGranted(Permissions.SaasTenantsManage)) {
              <button mat-button [matMenuTriggerFor]="editionMenu" [matMenuTriggerData]="{ tenant: t }" [attr.data-testid]="'set-edition-' + t.name">
                {{ 'tenants.setEdition' | translate }}
              </button>
              <button mat-button (click)="toggle(t)" [attr.data-testid]="'toggle-' + t.name">
                {{ (t.isActive ? 'tenants.disable' : 'tenants.enable') | translate }}
              </button>
            }
            @if (t.isActive && session.isGranted(Permissions.IdentityImpersonate)) {
              <button mat-button (click)="impersonate(t)" [attr.data-testid]="'impersonate-' + t.name">
                <mat-icon>support_agent</mat-icon> {{ 'tenants.impersonate' | translate }}
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
      <mat-menu #editionMenu="matMenu">
        <ng-template matMenuContent let-tenant="tenant">
          @for (e of editions(); track e) {
            <button mat-menu-item [disabled]="e === tenant.edition" (click)="setEdition(tenant, e)">{{ 'subscription.edition.' + e | translate }}</button>
          }
        </ng-template>
      </mat-menu>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; }`,
})
export class TenantsPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(TenantsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['name', 'displayName', 'edition', 'subscriptionStatus', 'status', 'createdAt', 'actions'];
  protected readonly editions = signal<string[]>([]);
  protected readonly list = new ListState<Tenant>(q => this.api.list(q));

  ngOnInit(): void {
    this.list.load();
    this.api.editions().subscribe(editions => this.editions.set(editions.map(e => e.name)));
  }

  setEdition(tenant: Tenant, edition: string): void {
    this.api.setEdition(tenant.id, edition).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
  }

  create(): void {
    this.dialog.open(TenantDialog, { width: '480px' }).afterClosed().subscribe(saved => { if (saved) this.list.load(); });
  }

  impersonate(tenant: Tenant): void {
    this.dialog.open(ImpersonateDialog, { width: '520px', maxWidth: '95vw', data: tenant });
  }

  toggle(tenant: Tenant): void {
    this.api.setActive(tenant.id, !tenant.isActive).subscribe({
      next: () => this.list.load(),
      error: error => this.notifier.error(error),
    });
  }
}
