import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { confirm } from '../../shared/confirm';
import { ApprovalFlow, FlowStep, OaApi, documentTypeKey } from '../oa.api';
import { FlowDialog } from './flow-dialog';
import { Permissions } from '../../core/api/permissions';

/** The tenant's approval flows (审批流程), one per document type. */
@Component({
  selector: 'bs-flows',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'oa.flows.title' | translate }}</h2>
      <span class="spacer"></span>
      @if (canManage) {
        <button mat-flat-button (click)="edit()" data-testid="flow-create"><mat-icon>add</mat-icon> {{ 'common.create' | translate }}</button>
      }
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <table mat-table [dataSource]="flows()" data-testid="flows-table">
      <ng-container matColumnDef="documentType">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.flows.documentType' | translate }}</th>
        <td mat-cell *matCellDef="let f">{{ documentTypeKey(f.documentType) | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.flows.name' | translate }}</th>
        <td mat-cell *matCellDef="let f">{{ f.name }}</td>
      </ng-container>
      <ng-container matColumnDef="steps">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.flows.steps' | translate }}</th>
        <td mat-cell *matCellDef="let f" [attr.data-testid]="'flow-steps-' + f.documentType">
          @for (s of f.steps; track $index) { <div>{{ $index + 1 }}. {{ describe(s) }}</div> }
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let f" class="actions">
          @if (canManage) {
            <button mat-button (click)="edit(f)" [attr.data-testid]="'flow-edit-' + f.documentType">{{ 'common.edit' | translate }}</button>
            <button mat-button (click)="remove(f)">{{ 'common.delete' | translate }}</button>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `.head { display: flex; align-items: center; } .spacer { flex: 1; } table { width: 100%; } .actions { text-align: right; } .error { color: #b3261e; }`,
})
export class FlowsPage implements OnInit {
  protected readonly documentTypeKey = documentTypeKey;
  private readonly api = inject(OaApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly translate = inject(TranslateService);
  protected readonly canManage = inject(Session).isGranted(Permissions.OaApprovalFlowsManage);
  protected readonly flows = signal<ApprovalFlow[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly columns = ['documentType', 'name', 'steps', 'actions'];

  ngOnInit(): void { this.load(); }

  load(): void {
    this.loading.set(true);
    this.api.flows().subscribe({
      next: flows => { this.flows.set(flows); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected describe(step: FlowStep): string {
    const t = (key: string, params?: object) => this.translate.instant(key, params);
    const who = t('oa.flows.rule.' + step.rule) + (step.rule === 'Role' ? ` «${step.roleName}»` : '');
    return step.condition === 'Always' ? who : `${who} — ${t('oa.flows.when.' + step.condition, { threshold: step.threshold })}`;
  }

  edit(flow?: ApprovalFlow): void {
    this.dialog.open(FlowDialog, { data: { flow: flow ?? null, taken: this.flows().map(f => f.documentType) }, width: '760px', maxWidth: '95vw' })
      .afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  remove(flow: ApprovalFlow): void {
    confirm(this.dialog, 'oa.flows.confirmDelete', { name: flow.name }).subscribe(yes => {
      if (yes) this.api.deleteFlow(flow.id).subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
    });
  }
}
