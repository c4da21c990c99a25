import { Component, OnInit, inject, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { ListPage } from '../../shared/list-page';
import { ApprovalBox, ApprovalSummary, OaApi } from '../oa.api';

/** The approval inbox (审批箱): waiting for me, submitted by me, decided by me. */
@Component({
  selector: 'bs-approvals',
  imports: [ListPage, MatTabsModule, MatTableModule, RouterLink, DatePipe, CurrencyPipe, TranslatePipe],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel">
      @for (b of boxes; track b) {
        <a mat-tab-link [active]="box() === b" (click)="show(b)" [attr.data-testid]="'box-' + b">{{ 'oa.approvals.box.' + b | translate }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <bs-list-page titleKey="oa.approvals.title" [state]="list">
        <table mat-table [dataSource]="list.items()" data-testid="approvals-table">
          <ng-container matColumnDef="document">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.approvals.document' | translate }}</th>
            <td mat-cell *matCellDef="let a">
              <a [routerLink]="['/oa/approvals', a.id]" [attr.data-testid]="'approval-link-' + a.documentNumber">{{ a.documentNumber }} {{ a.title }}</a>
              <br /><small>{{ 'oa.documentTypes.' + a.documentType | translate }}</small>
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
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </bs-list-page>
    </mat-tab-nav-panel>
  `,
  styles: `table { width: 100%; } a[mat-tab-link] { cursor: pointer; }`,
})
export class ApprovalsPage implements OnInit {
  private readonly api = inject(OaApi);
  protected readonly boxes: ApprovalBox[] = ['assigned', 'submitted', 'done'];
  protected readonly box = signal<ApprovalBox>('assigned');
  protected readonly columns = ['document', 'applicant', 'amount', 'status', 'submittedAt'];
  protected readonly list = new ListState<ApprovalSummary>(q => this.api.approvals(this.box(), q));

  ngOnInit(): void { this.list.load(); }

  show(box: ApprovalBox): void {
    this.box.set(box);
    this.list.query.update(q => ({ ...q, skip: 0 }));
    this.list.load();
  }
}
