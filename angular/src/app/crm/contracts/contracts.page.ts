import { Component, OnInit, computed, inject } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { confirm } from '../../shared/confirm';
import { ListPage } from '../../shared/list-page';
import { askReason } from '../../shared/reason-dialog';
import { ContractDialog } from './contract-dialog';
import { Contract, ContractAction, ContractsApi } from './contracts.api';
import { Permissions } from '../../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

/** Contracts and their workflow: a draft is submitted to OA's contract approval flow, approved (or rejected back to draft), then signed. */
@Component({
  selector: 'bs-contracts',
  imports: [ListPage, RouterLink, MatTableModule, MatButtonModule, CurrencyPipe, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="contracts.title" [state]="list" [canCreate]="session.isGranted(Permissions.CrmContractsManage)" (create)="edit()">
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="contracts" />
      <table mat-table [dataSource]="list.items()" data-testid="contracts-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'contracts.number' | translate }}</th>
          <td mat-cell *matCellDef="let c"><a [routerLink]="['/crm/contracts', c.id]" [attr.data-testid]="'contract-link-' + c.number">{{ c.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th mat-header-cell *matHeaderCellDef>{{ 'contracts.contractTitle' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.title }}<br /><small>{{ c.customerName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="grossTotal">
          <th mat-header-cell *matHeaderCellDef>{{ 'contracts.grossTotal' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.grossTotal | currency: c.currency : 'symbol-narrow' }}</td>
        </ng-container>
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-testid]="'contract-custom-' + f.key">{{ custom.text(f, c) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let c" [attr.data-testid]="'status-' + c.number">
            {{ 'contracts.status.' + c.status | translate }}
            @if (c.rejectionComment && c.status === 'Draft') { <br /><small class="rejected">{{ c.rejectionComment }}</small> }
            @if (c.terminationReason && c.status === 'Terminated') { <br /><small class="rejected">{{ c.terminationReason }}</small> }
          </td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let c" class="actions">
            @if (c.status === 'Draft' && session.isGranted(Permissions.CrmContractsManage)) {
              <button mat-button (click)="edit(c)">{{ 'common.edit' | translate }}</button>
              <button mat-button (click)="act(c, 'submit')" [attr.data-testid]="'submit-' + c.number">{{ 'contracts.submit' | translate }}</button>
            }
            @if (c.status === 'Submitted' && c.approvalId) {
              <a mat-button [routerLink]="['/oa/approvals', c.approvalId]" [attr.data-testid]="'approval-' + c.number">{{ 'contracts.approval' | translate }}</a>
            }
            @if (c.status === 'Approved' && session.isGranted(Permissions.CrmContractsSign)) {
              <button mat-flat-button (click)="act(c, 'sign')" [attr.data-testid]="'sign-' + c.number">{{ 'contracts.sign' | translate }}</button>
            }
            @if (c.status === 'Signed' && session.isGranted(Permissions.CrmContractsManage)) {
              <button mat-button (click)="complete(c)" [attr.data-testid]="'complete-' + c.number">{{ 'contracts.complete' | translate }}</button>
              <button mat-button (click)="terminate(c)" [attr.data-testid]="'terminate-' + c.number">{{ 'contracts.terminate' | translate }}</button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; white-space: nowrap; } .rejected { color: #b3261e; }`,
})
export class ContractsPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(ContractsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly custom = new CustomFieldList('crm.contract');
  protected readonly columns = computed(() => this.custom.columns(['number', 'title', 'grossTotal'], ['status', 'actions']));
  protected readonly list = new ListState<Contract>(q => this.api.list(q, null, this.custom.filter()));

  ngOnInit(): void { this.list.load(); }

  edit(contract?: Contract): void {
    this.dialog.open(ContractDialog, { data: contract ?? null, width: '900px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }

  act(contract: Contract, action: ContractAction): void {
    this.api.act(contract.id, action).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
  }

  complete(contract: Contract): void {
    confirm(this.dialog, 'contracts.confirmComplete', { number: contract.number })
      .subscribe(yes => { if (yes) this.act(contract, 'complete'); });
  }

  terminate(contract: Contract): void {
    askReason(this.dialog, { titleKey: 'contracts.terminateTitle', params: { number: contract.number }, labelKey: 'contracts.terminationReason', submitKey: 'contracts.terminate' })
      .subscribe(reason => {
        if (!reason) return;
        this.api.terminate(contract.id, reason).subscribe({ next: () => this.list.load(), error: error => this.notifier.error(error) });
      });
  }
}
