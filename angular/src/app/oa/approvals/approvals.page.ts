import { Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { skip } from 'rxjs';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { ListState } from '../../core/list-state';
import { ListPage } from '../../shared/list-page';
import { ApprovalBox, ApprovalSummary, OaApi, documentTypeKey } from '../oa.api';
import { ApprovalInbox } from './approval-inbox';

/** The approval inbox (审批箱): 待我审批 waiting for me (with batch approval), 我发起的, 我已审批, 抄送我的. */
@Component({
  selector: 'bs-approvals',
  imports: [ListPage, MatTabsModule, MatTableModule, MatCheckboxModule, MatButtonModule, RouterLink, DatePipe, CurrencyPipe, TranslatePipe],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel">
      @for (b of boxes; track b) {
        <a mat-tab-link [active]="box() === b" (click)="show(b)" [attr.data-testid]="'box-' + b">{{ 'oa.approvals.box.' + b | translate }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <bs-list-page titleKey="oa.approvals.title" [state]="list">
        @if (box() === 'assigned' && (list.items().length || message())) {
          <div class="batch">
            <button mat-flat-button (click)="approveSelected()" [disabled]="busy() || selected().size === 0" data-testid="batch-approve">
              {{ 'oa.approvals.batchApprove' | translate: { count: selected().size } }}
            </button>
            @if (message()) { <span role="status" data-testid="batch-message">{{ message() | translate: messageArgs() }}</span> }
          </div>
        }
        <table mat-table [dataSource]="list.items()" data-testid="approvals-table">
          <ng-container matColumnDef="select">
            <th mat-header-cell *matHeaderCellDef>
              <mat-checkbox (change)="toggleAll($event.checked)" [checked]="allSelected()" [aria-label]="'oa.approvals.selectAll' | translate" />
            </th>
            <td mat-cell *matCellDef="let a">
              <mat-checkbox [checked]="selected().has(a.id)" (change)="toggle(a.id, $event.checked)" [aria-label]="a.documentNumber" [attr.data-testid]="'select-' + a.documentNumber" />
            </td>
          </ng-container>
          <ng-container matColumnDef="document">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.approvals.document' | translate }}</th>
            <td mat-cell *matCellDef="let a">
              <a [routerLink]="['/oa/approvals', a.id]" [attr.data-testid]="'approval-link-' + a.documentNumber">{{ a.documentNumber }} {{ a.title }}</a>
              <br /><small>{{ documentTypeKey(a.documentType) | translate }}</small>
            </td>
          </ng-container>
          <ng-container matColumnDef="applicant">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.approvals.applicant' | translate }}</th>
            <td mat-cell *matCellDef="let a">{{ a.applicantName }}</td>
          </ng-container>
          <ng-container matColumnDef="amount">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.approvals.amount' | translate }}</th>
            <td mat-cell *matCellDef="let a">
              @if (a.amount !== null) { {{ a.amount | currency: (a.currency ?? 'CNY') : 'symbol-narrow' }} }
              @if (a.days !== null) { {{ 'oa.approvals.daysValue' | translate: { days: a.days } }} }
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
            <td mat-cell *matCellDef="let a" [attr.data-testid]="'approval-status-' + a.documentNumber">
              {{ 'oa.approvals.status.' + a.status | translate }}
              @if (a.status === 'Pending') { <small>{{ 'oa.approvals.stepOf' | translate: { step: a.currentStep, count: a.stepCount } }}</small> }
            </td>
          </ng-container>
          <ng-container matColumnDef="submittedAt">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.approvals.submittedAt' | translate }}</th>
            <td mat-cell *matCellDef="let a">{{ a.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </bs-list-page>
    </mat-tab-nav-panel>
  `,
  styles: `
    table { width: 100%; } a[mat-tab-link] { cursor: pointer; }
    .batch { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
    .mat-column-status { white-space: nowrap; } .mat-column-status small { display: block; }
    @media (max-width: 600px) { .mat-column-applicant, .mat-column-submittedAt { display: none; } }
  `,
})
export class ApprovalsPage implements OnInit {
  protected readonly documentTypeKey = documentTypeKey;
  private readonly api = inject(OaApi);
  protected readonly boxes: ApprovalBox[] = ['assigned', 'submitted', 'done', 'cc'];
  protected readonly box = signal<ApprovalBox>('assigned');
  protected readonly columns = computed(() =>
    this.box() === 'assigned' ? ['select', 'document', 'applicant', 'amount', 'status', 'submittedAt'] : ['document', 'applicant', 'amount', 'status', 'submittedAt']);
  protected readonly list = new ListState<ApprovalSummary>(q => this.api.approvals(this.box(), q));
  protected readonly selected = signal(new Set<string>());
  protected readonly allSelected = computed(() => this.list.items().length > 0 && this.list.items().every(a => this.selected().has(a.id)));
  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly messageArgs = signal<Record<string, unknown>>({});

  private readonly inbox = inject(ApprovalInbox);

  constructor() {
    this.inbox.watch(inject(DestroyRef));
    // An item assigned to me, or decided elsewhere, shows without a reload.
    toObservable(this.inbox.count).pipe(skip(1), takeUntilDestroyed()).subscribe(() => { if (this.box() === 'assigned') this.list.load(); });
  }

  ngOnInit(): void { this.list.load(); }

  show(box: ApprovalBox): void {
    this.box.set(box);
    this.selected.set(new Set());
    this.message.set('');
    this.list.firstPage();
  }

  toggle(id: string, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(id); else next.delete(id);
    this.selected.set(next);
  }

  toggleAll(on: boolean): void { this.selected.set(on ? new Set(this.list.items().map(a => a.id)) : new Set()); }

  /** 批量同意: items on a 会签 or N-of-M step are left for one-by-one review and reported as skipped. */
  approveSelected(): void {
    this.busy.set(true);
    this.api.batchApprove([...this.selected()], null).subscribe({
      next: result => {
        this.messageArgs.set({ approved: result.approved.length, skipped: result.skipped.length });
        this.message.set('oa.approvals.batchDone');
        this.selected.set(new Set());
        this.busy.set(false);
        this.list.load();
      },
      error: error => { this.messageArgs.set({}); this.message.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
