import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { Session } from '../core/session';
import { ListPage } from '../shared/list-page';
import { PurchaseRequest, PurchasingApi } from './purchasing.api';
import { Permissions } from '../core/api/permissions';
import { MoneyColumn } from '../shared/money-column';

/** Purchase requests (请购单): mine, or everyone's for the buyer, with their approval status. */
@Component({
  selector: 'bs-purchase-requests',
  imports: [MoneyColumn, ListPage, MatTableModule, MatButtonToggleModule, RouterLink, TranslatePipe],
  template: `
    <bs-list-page titleKey="purchasing.requests.title" [state]="list" [canCreate]="true" (create)="create()">
      @if (session.isGranted(Permissions.PurchasingRequestsAll)) {
        <mat-button-toggle-group [value]="all()" (change)="show($event.value)" hideSingleSelectionIndicator>
          <mat-button-toggle [value]="false">{{ 'leave.scope.Mine' | translate }}</mat-button-toggle>
          <mat-button-toggle [value]="true" data-testid="requests-all">{{ 'leave.scope.All' | translate }}</mat-button-toggle>
        </mat-button-toggle-group>
      }
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="purchase-requests">
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.requests.number' | translate }}</th>
            <td mat-cell *matCellDef="let r"><a [routerLink]="['/purchasing/requests', r.id]" [attr.data-testid]="'request-link-' + r.reason">{{ r.number }}</a></td>
          </ng-container>
          <ng-container matColumnDef="reason">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.requests.reason' | translate }}</th>
            <td mat-cell *matCellDef="let r">{{ r.reason }}<br /><small>{{ r.requesterName }} · {{ 'purchasing.requests.neededBy' | translate }} {{ r.neededBy }}</small></td>
          </ng-container>
          <bs-money-column name="estimatedTotal" label="purchasing.requests.estimatedTotal" />
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
            <td mat-cell *matCellDef="let r" [attr.data-testid]="'request-status-' + r.reason">{{ 'purchasing.requests.status.' + r.status | translate }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .scroll { overflow-x: auto; } table { width: 100%; } .num { text-align: right; } mat-button-toggle-group { margin-bottom: 8px; }`,
})
export class PurchaseRequestsPage implements OnInit {
  protected readonly Permissions = Permissions;
  private readonly api = inject(PurchasingApi);
  private readonly router = inject(Router);
  protected readonly session = inject(Session);
  protected readonly columns = ['number', 'reason', 'estimatedTotal', 'status'];
  protected readonly all = signal(false);
  protected readonly list = new ListState<PurchaseRequest>(q => this.api.requests(q, this.all()));

  ngOnInit(): void { this.list.load(); }

  show(all: boolean): void {
    this.all.set(all);
    this.list.firstPage();
  }

  create(): void { this.router.navigate(['/purchasing/requests/new']); }
}
