import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { problemMessage } from '../../core/problem';
import { Approval, OaApi, duration } from '../oa.api';

/** One approval: the request, its steps with approvers, the history with how long each step took, and the decision buttons. */
@Component({
  selector: 'bs-approval',
  imports: [RouterLink, ReactiveFormsModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, DatePipe,
    CurrencyPipe, TranslatePipe],
  template: `
    <a mat-button routerLink="/oa/approvals"><mat-icon>arrow_back</mat-icon> {{ 'oa.approvals.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert" data-testid="approval-error">{{ error() | translate }}</p> }
    @if (approval(); as a) {
      <div class="head">
        <h2 data-testid="approval-title">{{ a.summary.documentNumber }} {{ a.summary.title }}</h2>
        <span class="status" data-testid="approval-status">{{ 'oa.approvals.status.' + a.summary.status | translate }}</span>
        @if (a.summary.link) { <a mat-stroked-button [routerLink]="a.summary.link">{{ 'oa.approvals.openDocument' | translate }}</a> }
      </div>
      <dl class="facts">
        <dt>{{ 'oa.approvals.documentType' | translate }}</dt><dd>{{ 'oa.documentTypes.' + a.summary.documentType | translate }}</dd>
        <dt>{{ 'oa.approvals.applicant' | translate }}</dt><dd>{{ a.summary.applicantName }}</dd>
        @if (a.summary.amount !== null) {
          <dt>{{ 'oa.approvals.amount' | translate }}</dt><dd>{{ a.summary.amount | currency: (a.summary.currency ?? 'CNY') : 'symbol-narrow' }}</dd>
        }
        @if (a.summary.days !== null) { <dt>{{ 'oa.approvals.days' | translate }}</dt><dd>{{ a.summary.days }}</dd> }
        <dt>{{ 'oa.approvals.submittedAt' | translate }}</dt><dd>{{ a.summary.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
      </dl>

      <h3>{{ 'oa.approvals.steps' | translate }}</h3>
      <ol class="steps" data-testid="approval-steps">
        @for (s of a.steps; track s.number) {
          <li [class.current]="s.state === 'Current'">
            {{ 'oa.flows.rule.' + s.rule | translate }} @if (s.roleName) { «{{ s.roleName }}» }
            — {{ 'oa.approvals.stepState.' + s.state | translate }}
            @if (s.approvers.length) { <small>({{ approverNames(s.approvers) }})</small> }
          </li>
        }
      </ol>

      <h3>{{ 'oa.approvals.history' | translate }}</h3>
      <table class="plain" data-testid="approval-history">
        @for (h of a.history; track $index) {
          <tr>
            <td>{{ h.at | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ h.stepNumber ? ('oa.approvals.stepN' | translate: { step: h.stepNumber }) : '' }}</td>
            <td>{{ h.userName ?? '' }}</td>
            <td [attr.data-testid]="'history-action-' + $index">{{ 'oa.approvals.action.' + h.action | translate }}</td>
            <td>{{ h.comment ?? '' }}</td>
            <td class="num">{{ format(h.durationSeconds) }}</td>
          </tr>
        }
      </table>

      @if (a.canDecide || a.canWithdraw) {
        <div class="decide">
          @if (a.canDecide) {
            <mat-form-field appearance="outline" class="comment">
              <mat-label>{{ 'oa.approvals.comment' | translate }}</mat-label>
              <textarea matInput [formControl]="comment" rows="2" data-testid="approval-comment"></textarea>
              @if (comment.hasError('required')) { <mat-error>{{ 'oa.approvals.commentRequired' | translate }}</mat-error> }
            </mat-form-field>
            <button mat-flat-button (click)="approve()" [disabled]="busy()" data-testid="approval-approve">{{ 'oa.approvals.approve' | translate }}</button>
            <button mat-stroked-button (click)="reject()" [disabled]="busy()" data-testid="approval-reject">{{ 'oa.approvals.reject' | translate }}</button>
          }
          @if (a.canWithdraw) {
            <button mat-button (click)="withdraw()" [disabled]="busy()" data-testid="approval-withdraw">{{ 'oa.approvals.withdraw' | translate }}</button>
          }
        </div>
      }
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; }
    .status { padding: 2px 8px; border-radius: 12px; background: #e8eaf6; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    .facts dt { color: #666; } .facts dd { margin: 0; }
    .current { font-weight: 500; }
    .plain td { padding: 4px 8px; border-bottom: 1px solid #eee; }
    .num { text-align: right; color: #666; }
    .decide { display: flex; gap: 8px; align-items: center; margin-top: 16px; }
    .comment { width: 420px; }
    .error { color: #b3261e; }
  `,
})
export class ApprovalPage implements OnInit {
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  private readonly api = inject(OaApi);
  protected readonly approval = signal<Approval | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly comment = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] });
  protected readonly format = duration;

  ngOnInit(): void {
    this.loading.set(true);
    this.api.approval(this.id()).subscribe({
      next: approval => { this.approval.set(approval); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected approverNames(approvers: { name: string | null }[]): string { return approvers.map(a => a.name ?? '?').join(', '); }

  approve(): void { this.decide(this.api.approve(this.id(), this.comment.value.trim() || null)); }

  /** A rejection sends the document back with the reason, so it needs one. */
  reject(): void {
    if (!this.comment.value.trim()) { this.comment.setErrors({ required: true }); this.comment.markAsTouched(); return; }
    this.decide(this.api.reject(this.id(), this.comment.value.trim()));
  }

  withdraw(): void { this.decide(this.api.withdraw(this.id())); }

  private decide(call: Observable<Approval>): void {
    this.busy.set(true);
    this.error.set('');
    call.subscribe({
      next: approval => { this.approval.set(approval); this.comment.reset(); this.busy.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
