import { Component, OnInit, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { confirm } from '../../shared/confirm';
import { ListPage } from '../../shared/list-page';
import { UserDialog } from './user-dialog';
import { User, UsersApi } from './users.api';
import { Permissions } from '../../core/api/permissions';

@Component({
  selector: 'bs-users',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, MatChipsModule, TranslatePipe],
  template: `
    <bs-list-page titleKey="users.title" [state]="list" [canCreate]="session.isGranted(Permissions.IdentityUsersCreate)" (create)="edit()">
      <table mat-table [dataSource]="list.items()" data-testid="users-table">
        <ng-container matColumnDef="userName">
          <th mat-header-cell *matHeaderCellDef>{{ 'users.userName' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ u.userName }}</td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'users.name' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ u.name }}</td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th mat-header-cell *matHeaderCellDef>{{ 'users.email' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ u.email }}</td>
        </ng-container>
        <ng-container matColumnDef="roles">
          <th mat-header-cell *matHeaderCellDef>{{ 'users.roles' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ u.roleNames.join(', ') }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let u">{{ (u.isActive ? 'common.active' : 'common.inactive') | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let u" class="actions">
            @if (session.isGranted(Permissions.IdentityUsersUpdate)) {
              <button mat-icon-button (click)="edit(u)" [attr.aria-label]="'common.edit' | translate" [attr.data-testid]="'edit-' + u.userName"><mat-icon>edit</mat-icon></button>
              <button mat-icon-button (click)="revokeSessions(u)" [attr.aria-label]="'users.revokeSessions' | translate" [title]="'users.revokeSessions' | translate"
                [attr.data-testid]="'revoke-sessions-' + u.userName"><mat-icon>logout</mat-icon></button>
            }
            @if (session.isGranted(Permissions.IdentityUsersDelete)) {
              <button mat-icon-button (click)="remove(u)" [attr.aria-label]="'common.delete' | translate" [attr.data-testid]="'delete-' + u.userName"><mat-icon>delete</mat-icon></button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; white-space: nowrap; }`,
})
export class UsersPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['userName', 'name', 'email', 'roles', 'status', 'actions'];
  protected readonly list = new ListState<User>(q => this.api.list(q));

  ngOnInit(): void { this.list.load(); }

  edit(user?: User): void {
    this.dialog.open(UserDialog, { data: user ?? null, width: '520px' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  /** Ends every session of the user; their open pages keep working until the access token expires (minutes). */
  revokeSessions(user: User): void {
    confirm(this.dialog, 'users.confirmRevokeSessions', { name: user.userName }).subscribe(yes => {
      if (!yes) return;
      this.api.revokeSessions(user.id).subscribe({ error: error => this.notifier.error(error) });
    });
  }

  remove(user: User): void {
    confirm(this.dialog, 'users.confirmDelete', { name: user.userName }).subscribe(yes => {
      if (!yes) return;
      this.api.delete(user.id).subscribe({
        next: () => this.list.load(),
        error: error => this.notifier.error(error),
      });
    });
  }
}
