import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { problemMessage } from '../../core/problem';
import { FlowDialog } from '../flows/flow-dialog';
import { ApprovalFlow, ApprovalForm, OaApi } from '../oa.api';
import { FormDesigner } from './form-designer';

/** The tenant's custom approval forms (审批表单) for administrators: design, publish, and bind each to its flow. */
@Component({
  selector: 'bs-forms',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'oa.forms.title' | translate }}</h2>
      <span class="spacer"></span>
      <button mat-flat-button (click)="edit()" data-testid="form-create"><mat-icon>add</mat-icon> {{ 'common.create' | translate }}</button>
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <table mat-table class="phone-cards" [dataSource]="forms()" data-testid="forms-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.forms.name' | translate }}</th>
        <td mat-cell *matCellDef="let f" [attr.data-label]="'oa.forms.name' | translate">{{ f.nameZh }} <small>{{ f.nameEn }}</small><br /><small class="muted">{{ f.code }}</small></td>
      </ng-container>
      <ng-container matColumnDef="version">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.forms.version' | translate }}</th>
        <td mat-cell *matCellDef="let f" [attr.data-label]="'oa.forms.version' | translate">v{{ f.version }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.forms.status' | translate }}</th>
        <td mat-cell *matCellDef="let f" [attr.data-label]="'oa.forms.status' | translate" [attr.data-testid]="'form-status-' + f.code">{{ 'oa.forms.statuses.' + f.status | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="flow">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.forms.flow' | translate }}</th>
        <td mat-cell *matCellDef="let f" [attr.data-label]="'oa.forms.flow' | translate">{{ flowOf(f)?.name ?? ('oa.forms.noFlow' | translate) }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let f" class="actions" data-label="">
          <button mat-button (click)="edit(f)" [attr.data-testid]="'form-edit-' + f.code">{{ 'common.edit' | translate }}</button>
          <button mat-button (click)="bindFlow(f)" [attr.data-testid]="'form-flow-' + f.code">{{ 'oa.forms.bindFlow' | translate }}</button>
          <button mat-button (click)="publish(f)" [attr.data-testid]="'form-publish-' + f.code">
            {{ (f.status === 'Published' ? 'oa.forms.unpublish' : 'oa.forms.publish') | translate }}</button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
  `,
  styles: `.head { display: flex; flex-wrap: wrap; align-items: center; } .spacer { flex: 1; } table { width: 100%; } .actions { text-align: right; white-space: nowrap; }
    .muted { color: #5f6368; } .error { color: #b3261e; }`,
})
export class FormsPage implements OnInit {
  private readonly api = inject(OaApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly forms = signal<ApprovalForm[]>([]);
  protected readonly flows = signal<ApprovalFlow[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly columns = ['name', 'version', 'status', 'flow', 'actions'];

  ngOnInit(): void { this.load(); }

  load(): void {
    this.loading.set(true);
    this.api.flows().subscribe({ next: flows => this.flows.set(flows) });
    this.api.forms().subscribe({
      next: forms => { this.forms.set(forms); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected flowOf(form: ApprovalForm): ApprovalFlow | undefined { return this.flows().find(f => f.documentType === form.documentType); }

  edit(form?: ApprovalForm): void {
    this.dialog.open(FormDesigner, { data: form ?? null, width: '960px', maxWidth: '98vw' }).afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  bindFlow(form: ApprovalForm): void {
    this.dialog.open(FlowDialog, { data: { flow: this.flowOf(form) ?? null, taken: [], documentType: form.documentType }, width: '760px', maxWidth: '95vw' })
      .afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  publish(form: ApprovalForm): void {
    this.api.publishForm(form.id, form.status !== 'Published').subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
  }
}
