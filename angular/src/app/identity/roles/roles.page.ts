import { Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { confirm } from '../../shared/confirm';
import { ListPage } from '../../shared/list-page';
import { PermissionsDialog } from './permissions-dialog';
import { RoleDialog } from './role-dialog';
import { Role, RolesApi } from './roles.api';
import { Permissions } from '../../core/api/permissions';

@Component({
  selector: 'bs-roles',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <bs-list-page titleKey="roles.title" [state]="list" [canCreate]="session.isGranted(Permissions.IdentityRolesCreate)" (create)="edit()">
      <table mat-table [dataSource]="list.items()" data-testid="roles-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'roles.name' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.name }} @if (r.isStatic) { <small class="static">({{ 'roles.builtIn' | translate }})</small> }</td>
        </ng-container>
        <ng-container matColumnDef="userCount">
          <th mat-header-cell *matHeaderCellDef>{{ 'roles.userCount' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.userCount }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let r" class="actions">
            @if (session.isGranted(Permissions.IdentityRolesManagePermissions)) {
              <button mat-button (click)="permissions(r)" [attr.data-testid]="'permissions-' + r.name"><mat-icon>key</mat-icon> {{ 'roles.permissions' | translate }}</button>
            }
            @if (!r.isStatic && session.isGranted(Permissions.IdentityRolesUpdate)) {
              <button mat-icon-button (click)="edit(r)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
            }
            @if (!r.isStatic && session.isGranted(Permissions.IdentityRolesDelete)) {
              <button mat-icon-button (click)="remove(r)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; white-space: nowrap; } .static { color: #666; }`,
})
export class RolesPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(RolesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['name', 'userCount', 'actions'];
  protected readonly list = new ListState<Role>(q => this.api.list(q));

  ngOnInit(): void { this.list.load(); }

  edit(role?: Role): void {
    this.dialog.open(RoleDialog, { data: role ?? null, width: '420px' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  permissions(role: Role): void {
    this.dialog.open(PermissionsDialog, { data: role, width: '560px' });
  }

  remove(role: Role): void {
    confirm(this.dialog, 'roles.confirmDelete', { name: role.name }).subscribe(yes => {
      if (!yes) return;
      this.api.delete(role.id).subscribe({
        next: () => this.list.load(),
        error: error => this.notifier.error(error),
      });
    });
  }
}
