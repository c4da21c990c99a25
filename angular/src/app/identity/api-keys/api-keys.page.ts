import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { confirm } from '../../shared/confirm';
import { ApiKeyDialog } from './api-key-dialog';
import { ApiKey, ApiKeysApi } from './api-keys.api';

/** The tenant's keys for other systems (open API): who may call with which permissions, and revoking them. */
@Component({
  selector: 'bs-api-keys',
  imports: [MatTableModule, MatButtonModule, DatePipe, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'apiKeys.title' | translate }}</h2>
      <button mat-flat-button (click)="create()" data-testid="api-key-create">{{ 'apiKeys.create' | translate }}</button>
    </div>
    <p class="hint">{{ 'apiKeys.hint' | translate }}</p>
    <table mat-table [dataSource]="keys()" data-testid="api-keys-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'apiKeys.name' | translate }}</th>
        <td mat-cell *matCellDef="let k">{{ k.name }}<br /><small><code>{{ k.prefix }}…</code></small></td>
      </ng-container>
      <ng-container matColumnDef="permissions">
        <th mat-header-cell *matHeaderCellDef>{{ 'apiKeys.scopes' | translate }}</th>
        <td mat-cell *matCellDef="let k"><small>{{ k.permissions.join(', ') }}</small></td>
      </ng-container>
      <ng-container matColumnDef="createdAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'apiKeys.createdAt' | translate }}</th>
        <td mat-cell *matCellDef="let k">{{ k.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
        <td mat-cell *matCellDef="let k" [attr.data-testid]="'api-key-status-' + k.name">
          {{ (k.revokedAt ? 'apiKeys.revoked' : 'apiKeys.active') | translate }}
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let k" class="actions">
          @if (!k.revokedAt) { <button mat-button (click)="revoke(k)" [attr.data-testid]="'api-key-revoke-' + k.name">{{ 'apiKeys.revoke' | translate }}</button> }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `.head { display: flex; align-items: center; justify-content: space-between; } table { width: 100%; } .actions { text-align: right; } .hint { color: #666; }`,
})
export class ApiKeysPage implements OnInit {
  private readonly api = inject(ApiKeysApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['name', 'permissions', 'createdAt', 'status', 'actions'];
  protected readonly keys = signal<ApiKey[]>([]);

  ngOnInit(): void { this.load(); }

  load(): void { this.api.list().subscribe({ next: keys => this.keys.set(keys), error: error => this.notifier.error(error) }); }

  create(): void {
    this.dialog.open(ApiKeyDialog, { width: '560px', disableClose: true }).afterClosed().subscribe(() => this.load());
  }

  revoke(key: ApiKey): void {
    confirm(this.dialog, 'apiKeys.confirmRevoke', { name: key.name }).subscribe(yes => {
      if (yes) this.api.revoke(key.id).subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
    });
  }
}
