import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DatePipe } from '@angular/common';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { problemMessage } from '../../core/problem';
import { Approval, ApprovalHistoryEntry, OaApi, SignerPosition, UserRef, duration, documentTypeKey } from '../oa.api';
import { Timeline } from '../../shared/timeline/timeline';

/** Which extra action's form is open under the comment box. */
type Panel = 'none' | 'addSigner' | 'transfer' | 'return';

/**
 * One approval (审批单): the request, its steps with each approver's part, the history timeline (who, what, when, for whom,
 * how long) and every action the reader may take now: approve, reject, 加签, 转交, 退回, 催办, withdraw, resubmit.
 */
@Component({
  selector: 'bs-approval',
  imports: [Timeline, RouterLink, ReactiveFormsModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule,
    DatePipe, CurrencyPipe, TranslatePipe],
  template: `
    <a mat-button routerLink="/oa/approvals"><mat-icon>arrow_back</mat-icon> {{ 'oa.approvals.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert" data-testid="approval-error">{{ error() | translate }}</p> }
    @if (notice()) { <p class="notice" role="status" data-testid="approval-notice">{{ notice() | translate }}</p> }
    @if (approval(); as a) {
      <div class="head">
        <h2 data-testid="approval-title">{{ a.summary.documentNumber }} {{ a.summary.title }}</h2>
        <span class="status" data-testid="approval-status">{{ 'oa.approvals.status.' + a.summary.status | translate }}</span>
        @if (a.summary.link) { <a mat-stroked-button [routerLink]="a.summary.link">{{ 'oa.approvals.openDocument' | translate }}</a> }
      </div>
      <dl class="facts">
        <dt>{{ 'oa.approvals.documentType' | translate }}</dt><dd>{{ documentTypeKey(a.summary.documentType) | translate }}</dd>
        <dt>{{ 'oa.approvals.applicant' | translate }}</dt><dd>{{ a.summary.applicantName }}</dd>
        @if (a.summary.amount !== null) {
          <dt>{{ 'oa.approvals.amount' | translate }}</dt><dd>{{ a.summary.amount | currency: (a.summary.currency ?? 'CNY') : 'symbol-narrow' }}</dd>
        }
        @if (a.summary.days !== null) { <dt>{{ 'oa.approvals.days' | translate }}</dt><dd>{{ a.summary.days }}</dd> }
        <dt>{{ 'oa.approvals.submittedAt' | translate }}</dt><dd>{{ a.summary.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
        @if (a.ccRecipients.length) { <dt>{{ 'oa.approvals.cc' | translate }}</dt><dd>{{ names(a.ccRecipients) }}</dd> }
      </dl>

      @if (a.canDecide || a.canWithdraw || a.canRemind || a.canResubmit) {
        <section class="act" data-testid="approval-actions">
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'oa.approvals.comment' | translate }}</mat-label>
            <textarea matInput [formControl]="comment" rows="2" data-testid="approval-comment"></textarea>
            @if (comment.hasError('required')) { <mat-error>{{ 'oa.approvals.commentRequired' | translate }}</mat-error> }
          </mat-form-field>
          <div class="buttons">
            @if (a.canDecide) {
              <button mat-flat-button (click)="approve()" [disabled]="busy()" data-testid="approval-approve">{{ 'oa.approvals.approve' | translate }}</button>
              <button mat-stroked-button (click)="reject()" [disabled]="busy()" data-testid="approval-reject">{{ 'oa.approvals.reject' | translate }}</button>
              <button mat-stroked-button (click)="open('addSigner')" [disabled]="busy()" data-testid="approval-add-signer">{{ 'oa.approvals.addSigner' | translate }}</button>
              <button mat-stroked-button (click)="open('transfer')" [disabled]="busy()" data-testid="approval-transfer">{{ 'oa.approvals.transfer' | translate }}</button>
              <button mat-stroked-button (click)="open('return')" [disabled]="busy()" data-testid="approval-return">{{ 'oa.approvals.return' | translate }}</button>
            }
            @if (a.canResubmit) {
              <button mat-flat-button (click)="resubmit()" [disabled]="busy()" data-testid="approval-resubmit">{{ 'oa.approvals.resubmit' | translate }}</button>
            }
            @if (a.canRemind) {
              <button mat-stroked-button (click)="remind()" [disabled]="busy()" data-testid="approval-remind"><mat-icon>notifications_active</mat-icon> {{ 'oa.approvals.remind' | translate }}</button>
            }
            @if (a.canWithdraw) {
              <button mat-button (click)="withdraw()" [disabled]="busy()" data-testid="approval-withdraw">{{ 'oa.approvals.withdraw' | translate }}</button>
            }
          </div>
          @if (panel() === 'addSigner' || panel() === 'transfer') {
            <div class="panel" data-testid="approval-panel">
              <mat-form-field appearance="outline" class="grow">
                <mat-label>{{ 'oa.approvals.person' | translate }}</mat-label>
                <mat-select [formControl]="person" data-testid="approval-person">
                  @for (p of people(); track p.id) { <mat-option [value]="p.id" [attr.data-testid]="'person-' + p.name">{{ p.name }}</mat-option> }
                </mat-select>
              </mat-form-field>
              @if (panel() === 'addSigner') {
                <mat-form-field appearance="outline">
                  <mat-label>{{ 'oa.approvals.position' | translate }}</mat-label>
                  <mat-select [formControl]="position" data-testid="approval-position">
                    <mat-option value="Before" data-testid="position-Before">{{ 'oa.approvals.positions.Before' | translate }}</mat-option>
                    <mat-option value="After" data-testid="position-After">{{ 'oa.approvals.positions.After' | translate }}</mat-option>
                  </mat-select>
                </mat-form-field>
              }
              <button mat-flat-button (click)="confirmPanel()" [disabled]="busy() || !person.value" data-testid="approval-panel-ok">{{ 'common.ok' | translate }}</button>
              <button mat-button (click)="open('none')">{{ 'common.cancel' | translate }}</button>
              @if (panel() === 'addSigner') { <small class="hint">{{ 'oa.approvals.addSignerHint' | translate }}</small> }
            </div>
          }
          @if (panel() === 'return') {
            <div class="panel" data-testid="approval-panel">
              <mat-form-field appearance="outline" class="grow">
                <mat-label>{{ 'oa.approvals.returnTo' | translate }}</mat-label>
                <mat-select [formControl]="returnTo" data-testid="approval-return-to">
                  @for (n of a.returnableSteps; track n) {
                    <mat-option [value]="n" [attr.data-testid]="'return-to-' + n">
                      {{ n === 0 ? ('oa.approvals.toApplicant' | translate) : ('oa.approvals.stepN' | translate: { step: n }) }}
                    </mat-option>
                  }
                </mat-select>
              </mat-form-field>
              <button mat-flat-button (click)="confirmPanel()" [disabled]="busy()" data-testid="approval-panel-ok">{{ 'common.ok' | translate }}</button>
              <button mat-button (click)="open('none')">{{ 'common.cancel' | translate }}</button>
            </div>
          }
        </section>
      }

      <h3>{{ 'oa.approvals.steps' | translate }}</h3>
      <ol class="steps" data-testid="approval-steps">
        @for (s of a.steps; track s.number) {
          <li [class.current]="s.state === 'Current'">
            <div>
              {{ 'oa.flows.rule.' + s.rule | translate }} @if (s.roleName) { «{{ s.roleName }}» }
              · {{ 'oa.flows.modes.' + s.mode | translate }}@if (s.mode === 'Quorum') { {{ s.requiredApprovals }} }
              — {{ 'oa.approvals.stepState.' + s.state | translate }}
              @if (s.dueAt && s.state === 'Current') { <small>{{ 'oa.approvals.dueAt' | translate: { at: (s.dueAt | date: 'MM-dd HH:mm') } }}</small> }
            </div>
            @if (s.round.length) {
              <ul class="round">
                @for (p of s.round; track $index) {
                  <li [attr.data-testid]="'approver-' + s.number + '-' + p.name" [class]="'st-' + p.state">
                    {{ p.name }}
                    @if (p.onBehalfOf) { <small>({{ 'oa.approvals.forWhom' | translate: { name: p.onBehalfOf.name } }})</small> }
                    <span class="chip">{{ 'oa.approvals.assignee.' + p.state | translate }}</span>
                    @if (p.addedBy && p.position) {
                      <small class="reason">{{ 'oa.approvals.addedBy' | translate: { name: p.addedBy.name, position: ('oa.approvals.positions.' + p.position | translate) } }}@if (p.reason) {: {{ p.reason }}}</small>
                    }
                  </li>
                }
              </ul>
            }
          </li>
        }
      </ol>

      <h3>{{ 'oa.approvals.history' | translate }}</h3>
      <ol class="timeline" data-testid="approval-history">
        @for (h of a.history; track $index) {
          <li>
            <div class="when">{{ h.at | date: 'yyyy-MM-dd HH:mm' }} @if (h.stepNumber) { · {{ 'oa.approvals.stepN' | translate: { step: h.stepNumber } }} }
              @if (h.durationSeconds !== null) { · {{ format(h.durationSeconds) }} }</div>
            <div>
              <b>{{ h.userName ?? ('oa.approvals.system' | translate) }}</b>
              @if (h.onBehalfOf) { <small>{{ 'oa.approvals.forWhom' | translate: { name: h.onBehalfOf.name } }}</small> }
              <span [attr.data-testid]="'history-action-' + $index">{{ 'oa.approvals.action.' + h.action | translate }}</span>
              {{ detail(h) }}
            </div>
            @if (h.comment) { <div class="comment-text">“{{ h.comment }}”</div> }
          </li>
        }
      </ol>
    }
    @if (approval()) {
      <section class="record-timeline" data-testid="record-timeline">
        <h3>{{ 'timeline.title' | translate }}</h3>
        <bs-timeline recordType="oa.approval" [recordId]="id()" />
      </section>
    }
  `,
  styles: `
    .record-timeline { margin-top: 16px; } .record-timeline h3 { margin: 0 0 8px; }
    .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .head h2 { margin: 8px 0; }
    .status { padding: 2px 8px; border-radius: 12px; background: #e8eaf6; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    .facts dt { color: #666; } .facts dd { margin: 0; }
    .act { margin: 16px 0; padding: 12px; border: 1px solid #e0e0e0; border-radius: 8px; max-width: 760px; }
    .wide { width: 100%; }
    .buttons, .panel { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .panel { margin-top: 12px; } .grow { flex: 1; min-width: 180px; }
    .hint { color: #666; width: 100%; }
    .steps > li { margin-bottom: 8px; } .current { font-weight: 500; }
    .round { list-style: none; padding-left: 8px; margin: 4px 0; font-weight: normal; }
    .round li { margin: 2px 0; }
    .chip { font-size: 12px; padding: 0 6px; border-radius: 8px; background: #eee; margin-left: 4px; }
    .st-Pending .chip { background: #fff3e0; } .st-Approved .chip { background: #e8f5e9; } .st-Rejected .chip, .st-Returned .chip { background: #ffebee; }
    .reason { display: block; color: #666; }
    .timeline { list-style: none; padding-left: 12px; border-left: 2px solid #c5cae9; }
    .timeline li { margin: 0 0 12px 8px; } .timeline b, .timeline small { margin-right: 4px; }
    .when { color: #666; font-size: 12px; }
    .comment-text { color: #333; }
    .error { color: #b3261e; } .notice { color: #1b5e20; }
    @media (max-width: 600px) { .buttons button { flex: 1 1 40%; } }
  `,
})
export class ApprovalPage implements OnInit {
  protected readonly documentTypeKey = documentTypeKey;
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  private readonly api = inject(OaApi);
  protected readonly approval = signal<Approval | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly notice = signal('');
  protected readonly panel = signal<Panel>('none');
  protected readonly people = signal<UserRef[]>([]);
  protected readonly comment = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(1000)] });
  protected readonly person = new FormControl('', { nonNullable: true });
  protected readonly position = new FormControl<SignerPosition>('Before', { nonNullable: true });
  protected readonly returnTo = new FormControl(0, { nonNullable: true });
  protected readonly format = duration;

  ngOnInit(): void {
    this.loading.set(true);
    this.api.approval(this.id()).subscribe({
      next: approval => { this.approval.set(approval); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected names(people: UserRef[]): string { return people.map(p => p.name ?? '?').join(', '); }

  /** The part of a history line after the action: whom it went to, where it returned. */
  protected detail(h: ApprovalHistoryEntry): string {
    if (h.target) return `→ ${h.target.name ?? ''}`;
    if (h.action === 'Returned' && h.targetStep !== null) return h.targetStep === 0 ? '→ ⟲' : `→ #${h.targetStep}`;
    return '';
  }

  open(panel: Panel): void {
    this.panel.set(panel);
    this.error.set('');
    if (panel !== 'none' && panel !== 'return' && this.people().length === 0) this.api.people().subscribe(people => this.people.set(people));
    if (panel === 'return') this.returnTo.setValue(this.approval()?.returnableSteps[0] ?? 0);
  }

  approve(): void { this.act(this.api.approve(this.id(), this.text())); }

  /** A rejection sends the document back with the reason, so it needs one. */
  reject(): void { if (this.requireComment()) this.act(this.api.reject(this.id(), this.text()!)); }

  withdraw(): void { this.act(this.api.withdraw(this.id())); }

  resubmit(): void { this.act(this.api.resubmit(this.id(), this.text())); }

  remind(): void { this.act(this.api.remind(this.id()), 'oa.approvals.reminded'); }

  /** 加签 and 退回 say why (the added approver and the applicant read it); 转交 may. */
  confirmPanel(): void {
    switch (this.panel()) {
      case 'addSigner':
        if (this.requireComment()) this.act(this.api.addSigner(this.id(), this.person.value, this.position.value, this.text()!));
        break;
      case 'transfer':
        this.act(this.api.transfer(this.id(), this.person.value, this.text()));
        break;
      case 'return':
        if (this.requireComment()) this.act(this.api.returnTo(this.id(), this.returnTo.value, this.text()!));
        break;
    }
  }

  private text(): string | null { return this.comment.value.trim() || null; }

  private requireComment(): boolean {
    if (this.text()) return true;
    this.comment.setErrors({ required: true });
    this.comment.markAsTouched();
    return false;
  }

  private act(call: Observable<Approval>, notice = ''): void {
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    call.subscribe({
      next: approval => {
        this.approval.set(approval);
        this.comment.reset();
        this.person.reset();
        this.panel.set('none');
        this.notice.set(notice);
        this.busy.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
