import { CurrencyPipe, DatePipe } from '@angular/common';
import { Component, OnInit, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { askReason } from '../../shared/reason-dialog';
import { Candidate, CandidateStage, HireResult, HrApi, STAGE_MOVES } from '../hr.api';
import { OfferDialog } from './recruitment-dialogs';
import { Permissions } from '../../core/api/permissions';

/** A candidate: stage moves, interviews, the offer and its approval, and the hire (which shows the initial password once). */
@Component({
  selector: 'bs-candidate',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe,
    CurrencyPipe, DatePipe],
  template: `
    @if (candidate(); as c) {
      <div class="head">
        <a mat-icon-button routerLink="/hr/recruitment" [attr.aria-label]="'hr.back' | translate"><mat-icon>arrow_back</mat-icon></a>
        <h2>{{ c.name }}</h2>
        <span class="chip" data-testid="candidate-stage">{{ 'hr.stage.' + c.stage | translate }}</span>
        <span class="muted">{{ c.openingTitle }} · {{ c.email }} {{ c.phone }}</span>
      </div>
      @if (c.rejectionReason) { <p class="muted">{{ 'hr.candidates.rejectionReason' | translate }}: {{ c.rejectionReason }}</p> }
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }

      @if (canManage) {
        <div class="actions">
          @for (stage of moves(c.stage); track stage) {
            <button mat-stroked-button (click)="move(stage)" [attr.data-testid]="'move-' + stage">{{ 'hr.moveTo.' + stage | translate }}</button>
          }
          @if (c.stage === 'Interview' || (c.stage === 'Offer' && (c.offer?.status === 'Rejected' || c.offer?.status === 'Withdrawn' || !c.offer))) {
            <button mat-flat-button (click)="offer(c)" data-testid="make-offer">{{ 'hr.offer.create' | translate }}</button>
          }
          @if (c.stage === 'Offer' && c.offer?.status === 'Approved') {
            <button mat-flat-button (click)="hire(c)" data-testid="hire">{{ 'hr.hire.button' | translate }}</button>
          }
        </div>
      }

      @if (hired(); as h) {
        <section class="hired" data-testid="hire-result">
          <h3>{{ 'hr.hire.done' | translate: { number: h.employee.number } }}</h3>
          @if (h.initialPassword) {
            <p>{{ 'hr.hire.account' | translate }}: <strong data-testid="hire-username">{{ h.userName }}</strong></p>
            <p>{{ 'hr.hire.password' | translate }}: <code data-testid="hire-password">{{ h.initialPassword }}</code></p>
            <p class="muted">{{ 'hr.hire.passwordOnce' | translate }}</p>
          }
          <a mat-button [routerLink]="['/hr/employees', h.employee.id]" data-testid="hire-employee-link">{{ 'hr.hire.openEmployee' | translate }}</a>
        </section>
      }

      @if (c.offer; as o) {
        <section data-testid="offer">
          <h3>{{ 'hr.offer.title' | translate }} <span data-testid="offer-number">{{ o.number }}</span></h3>
          <p>{{ o.monthlySalary | currency: o.currency : 'symbol' : '1.2-2' }} / {{ 'hr.offer.month' | translate }} · {{ o.position }} · {{ o.departmentName ?? '—' }}
            · {{ 'hr.offer.startDate' | translate }} {{ o.startDate }}</p>
          <p><span class="chip" data-testid="offer-status">{{ 'hr.offer.status.' + o.status | translate }}</span> {{ o.decisionComment }}</p>
        </section>
      }

      <section>
        <h3>{{ 'hr.interviews.title' | translate }}</h3>
        <ul data-testid="interviews">
          @for (i of c.interviews; track i.id) {
            <li>{{ i.at | date: 'yyyy-MM-dd HH:mm' }} · {{ i.interviewer }} · {{ 'hr.interviews.' + i.result | translate }} {{ i.notes }}</li>
          } @empty { <li class="muted">{{ 'common.empty' | translate }}</li> }
        </ul>
        @if (canManage && c.stage !== 'Hired' && c.stage !== 'Rejected') {
          <form [formGroup]="interview" (ngSubmit)="record()" class="row">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'hr.interviews.at' | translate }}</mat-label>
              <input matInput type="datetime-local" formControlName="at" data-testid="interview-at" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'hr.interviews.interviewer' | translate }}</mat-label>
              <input matInput formControlName="interviewer" data-testid="interview-interviewer" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'hr.interviews.result' | translate }}</mat-label>
              <mat-select formControlName="result" data-testid="interview-result">
                <mat-option value="Pass">{{ 'hr.interviews.Pass' | translate }}</mat-option>
                <mat-option value="Fail">{{ 'hr.interviews.Fail' | translate }}</mat-option>
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="grow">
              <mat-label>{{ 'hr.interviews.notes' | translate }}</mat-label>
              <input matInput formControlName="notes" data-testid="interview-notes" />
            </mat-form-field>
            <button mat-stroked-button type="submit" data-testid="interview-save">{{ 'hr.interviews.record' | translate }}</button>
          </form>
        }
      </section>
    }
  `,
  styles: `
    .head, .actions, .row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .grow { flex: 1; }
    .chip { background: #e8f0fe; border-radius: 12px; padding: 2px 10px; }
    .muted { color: #666; }
    .error { color: #b3261e; }
    .hired { background: #e6f4ea; border-radius: 8px; padding: 8px 16px; margin: 12px 0; }
    code { font-size: 16px; }
  `,
})
export class CandidatePage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(HrApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.HrRecruitmentManage);
  protected readonly candidate = signal<Candidate | null>(null);
  protected readonly hired = signal<HireResult | null>(null);
  protected readonly error = signal('');
  protected readonly interview = inject(FormBuilder).nonNullable.group({
    at: ['', Validators.required], interviewer: ['', [Validators.required, Validators.maxLength(100)]], result: ['Pass' as 'Pass' | 'Fail'], notes: [''],
  });

  ngOnInit(): void { this.load(); }

  protected moves(stage: CandidateStage): CandidateStage[] { return STAGE_MOVES[stage].filter(s => s !== 'Offer'); }

  move(stage: CandidateStage): void {
    if (stage !== 'Rejected') { this.send(this.api.move(this.id(), stage)); return; }
    askReason(this.dialog, { titleKey: 'hr.candidates.reject', labelKey: 'hr.candidates.rejectionReason', submitKey: 'hr.moveTo.Rejected' })
      .subscribe(reason => { if (reason) this.send(this.api.move(this.id(), stage, reason)); });
  }

  record(): void {
    if (this.interview.invalid) { this.interview.markAllAsTouched(); return; }
    const v = this.interview.getRawValue();
    this.api.recordInterview(this.id(), { ...v, at: new Date(v.at).toISOString(), notes: v.notes || null }).subscribe({
      next: c => { this.candidate.set(c); this.interview.reset(); },
      error: e => this.error.set(applyProblem(this.interview, e)),
    });
  }

  offer(c: Candidate): void {
    forkJoin([this.api.departments(), this.api.employees({ skip: 0, take: 1000 }), this.api.openings()]).subscribe(([departments, employees, openings]) => {
      const opening = openings.find(o => o.id === c.openingId);
      this.dialog.open(OfferDialog, {
        data: { candidateId: c.id, position: opening?.title ?? '', departmentId: opening?.departmentId ?? null, departments, employees: employees.items },
        width: '440px',
      }).afterClosed().subscribe((saved?: Candidate) => { if (saved) this.candidate.set(saved); });
    });
  }

  hire(c: Candidate): void {
    this.api.hire(c.id).subscribe({ next: result => { this.hired.set(result); this.load(); }, error: e => this.notifier.error(e) });
  }

  private load(): void {
    this.api.candidate(this.id()).subscribe({ next: c => this.candidate.set(c), error: e => this.notifier.error(e) });
  }

  private send(call: ReturnType<HrApi['move']>): void {
    this.error.set('');
    call.subscribe({ next: c => this.candidate.set(c), error: e => this.notifier.error(e) });
  }
}
