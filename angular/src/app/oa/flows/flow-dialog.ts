import { Component, OnInit, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { User, UsersApi } from '../../identity/users/users.api';
import { FieldError } from '../../shared/field-error';
import { ApprovalFlow, ApproverRule, documentTypeKey, CcMoment, DOCUMENT_TYPES, FlowCc, FlowStep, OaApi, ResubmitFrom, SaveFlow, StepCondition, StepMode, TimeoutAction } from '../oa.api';
import { Permissions } from '../../core/api/permissions';

/** `documentType` fixes the type: a custom form's flow (`form:<code>`) is opened from the form. */
export interface FlowDialogData { flow: ApprovalFlow | null; taken: string[]; documentType?: string; }

/**
 * Edits a flow: ordered steps, each with who approves (role, department head, named user), how (或签, 会签, 依次, N of M), when it
 * applies and what happens past its deadline; who gets copies (抄送); where a request returned to its applicant resumes.
 */
@Component({
  selector: 'bs-flow-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, MatIconModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (flow ? 'oa.flows.edit' : 'oa.flows.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'oa.flows.documentType' | translate }}</mat-label>
            <mat-select formControlName="documentType" data-testid="flow-document-type">
              @for (t of documentTypes; track t) {
                <mat-option [value]="t" [disabled]="data.taken.includes(t) && t !== flow?.documentType" [attr.data-testid]="'doc-type-' + t">
                  {{ documentTypeKey(t) | translate }}
                </mat-option>
              }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.documentType" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'oa.flows.name' | translate }}</mat-label>
            <input matInput formControlName="name" data-testid="flow-name" />
            <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
        </div>
        <h3>{{ 'oa.flows.steps' | translate }}</h3>
        @for (step of steps.controls; track step; let i = $index) {
          <div class="row" [formGroup]="step" [attr.data-testid]="'flow-step-' + i">
            <span class="n">{{ i + 1 }}</span>
            <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.approver' | translate }}</mat-label>
              <mat-select formControlName="rule" [attr.data-testid]="'step-rule-' + i">
                @for (r of rules; track r) { <mat-option [value]="r" [attr.data-testid]="'rule-' + r">{{ 'oa.flows.rule.' + r | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (step.controls.rule.value === 'Role') {
              <mat-form-field appearance="outline" class="who"><mat-label>{{ 'oa.flows.role' | translate }}</mat-label>
                <input matInput formControlName="roleName" [attr.data-testid]="'step-role-' + i" />
                <mat-error><bs-field-error [control]="step.controls.roleName" /></mat-error></mat-form-field>
            }
            @if (step.controls.rule.value === 'User') {
              <mat-form-field appearance="outline" class="who"><mat-label>{{ 'oa.flows.user' | translate }}</mat-label>
                <mat-select formControlName="userId" [attr.data-testid]="'step-user-' + i">
                  @for (u of users(); track u.id) { <mat-option [value]="u.id">{{ u.name }} ({{ u.userName }})</mat-option> }
                </mat-select>
                <mat-error><bs-field-error [control]="step.controls.userId" /></mat-error></mat-form-field>
            }
            <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.condition' | translate }}</mat-label>
              <mat-select formControlName="condition" [attr.data-testid]="'step-condition-' + i">
                @for (c of conditions; track c) { <mat-option [value]="c">{{ 'oa.flows.conditions.' + c | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (step.controls.condition.value !== 'Always') {
              <mat-form-field appearance="outline" class="num"><mat-label>{{ 'oa.flows.threshold' | translate }}</mat-label>
                <input matInput type="number" formControlName="threshold" [attr.data-testid]="'step-threshold-' + i" />
                <mat-error><bs-field-error [control]="step.controls.threshold" /></mat-error></mat-form-field>
            }
            <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.mode' | translate }}</mat-label>
              <mat-select formControlName="mode" [attr.data-testid]="'step-mode-' + i">
                @for (m of modes; track m) { <mat-option [value]="m" [attr.data-testid]="'mode-' + m">{{ 'oa.flows.modes.' + m | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (step.controls.mode.value === 'Quorum') {
              <mat-form-field appearance="outline" class="tiny"><mat-label>{{ 'oa.flows.required' | translate }}</mat-label>
                <input matInput type="number" min="1" formControlName="requiredApprovals" [attr.data-testid]="'step-required-' + i" />
                <mat-error><bs-field-error [control]="step.controls.requiredApprovals" /></mat-error></mat-form-field>
            }
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'oa.flows.deadline' | translate }}</mat-label>
              <input matInput type="number" min="1" formControlName="deadlineHours" [attr.data-testid]="'step-deadline-' + i" />
              <mat-error><bs-field-error [control]="step.controls.deadlineHours" /></mat-error></mat-form-field>
            @if (step.controls.deadlineHours.value) {
              <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.timeout' | translate }}</mat-label>
                <mat-select formControlName="timeoutAction" [attr.data-testid]="'step-timeout-' + i">
                  @for (t of timeouts; track t) { <mat-option [value]="t">{{ 'oa.flows.timeouts.' + t | translate }}</mat-option> }
                </mat-select></mat-form-field>
            }
            <button mat-icon-button type="button" (click)="move(i, -1)" [disabled]="i === 0" [attr.aria-label]="'oa.flows.up' | translate"><mat-icon>arrow_upward</mat-icon></button>
            <button mat-icon-button type="button" (click)="steps.removeAt(i)" [disabled]="steps.length === 1" [attr.aria-label]="'common.delete' | translate"><mat-icon>remove_circle</mat-icon></button>
          </div>
        }
        <button mat-button type="button" (click)="addStep()" data-testid="flow-add-step"><mat-icon>add</mat-icon> {{ 'oa.flows.addStep' | translate }}</button>
        <h3>{{ 'oa.flows.cc' | translate }}</h3>
        @for (c of cc.controls; track c; let i = $index) {
          <div class="row" [formGroup]="c" [attr.data-testid]="'flow-cc-' + i">
            <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.moment' | translate }}</mat-label>
              <mat-select formControlName="moment">
                @for (m of moments; track m) { <mat-option [value]="m">{{ 'oa.flows.moments.' + m | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (c.controls.moment.value === 'Step') {
              <mat-form-field appearance="outline" class="tiny"><mat-label>{{ 'oa.flows.step' | translate }}</mat-label>
                <input matInput type="number" min="1" formControlName="stepNumber" />
                <mat-error><bs-field-error [control]="c.controls.stepNumber" /></mat-error></mat-form-field>
            }
            <mat-form-field appearance="outline" class="rule"><mat-label>{{ 'oa.flows.approver' | translate }}</mat-label>
              <mat-select formControlName="rule">
                @for (r of rules; track r) { <mat-option [value]="r">{{ 'oa.flows.rule.' + r | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (c.controls.rule.value === 'Role') {
              <mat-form-field appearance="outline" class="who"><mat-label>{{ 'oa.flows.role' | translate }}</mat-label>
                <input matInput formControlName="roleName" />
                <mat-error><bs-field-error [control]="c.controls.roleName" /></mat-error></mat-form-field>
            }
            @if (c.controls.rule.value === 'User') {
              <mat-form-field appearance="outline" class="who"><mat-label>{{ 'oa.flows.user' | translate }}</mat-label>
                <mat-select formControlName="userId">
                  @for (u of users(); track u.id) { <mat-option [value]="u.id">{{ u.name }} ({{ u.userName }})</mat-option> }
                </mat-select>
                <mat-error><bs-field-error [control]="c.controls.userId" /></mat-error></mat-form-field>
            }
            <button mat-icon-button type="button" (click)="cc.removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>remove_circle</mat-icon></button>
          </div>
        }
        <button mat-button type="button" (click)="addCc()" data-testid="flow-add-cc"><mat-icon>add</mat-icon> {{ 'oa.flows.addCc' | translate }}</button>
        <mat-form-field appearance="outline" class="grow resubmit"><mat-label>{{ 'oa.flows.resubmitFrom' | translate }}</mat-label>
          <mat-select formControlName="resubmitFrom" data-testid="flow-resubmit-from">
            @for (r of resubmitOptions; track r) { <mat-option [value]="r">{{ 'oa.flows.resubmit.' + r | translate }}</mat-option> }
          </mat-select></mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="flow-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="flow-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; border-bottom: 1px dashed #e0e0e0; margin-bottom: 8px; }
    .grow { flex: 1; } .rule { width: 150px; } .who { flex: 1; min-width: 140px; } .num { width: 110px; } .tiny { width: 70px; }
    .n { width: 16px; color: #666; } .resubmit { display: block; margin-top: 12px; }
    .error { color: #b3261e; }
  `,
})
export class FlowDialog implements OnInit {
  protected readonly data = inject<FlowDialogData>(MAT_DIALOG_DATA);
  protected readonly flow = this.data.flow;
  private readonly api = inject(OaApi);
  private readonly usersApi = inject(UsersApi);
  private readonly canListUsers = inject(Session).isGranted(Permissions.IdentityUsers);
  private readonly ref = inject(MatDialogRef<FlowDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly documentTypes: readonly string[] = this.data.documentType ? [this.data.documentType] : DOCUMENT_TYPES;
  protected readonly documentTypeKey = documentTypeKey;
  protected readonly rules: ApproverRule[] = ['Role', 'DepartmentHead', 'User'];
  protected readonly conditions: StepCondition[] = ['Always', 'AmountAbove', 'DaysAbove'];
  protected readonly modes: StepMode[] = ['Any', 'All', 'Sequential', 'Quorum'];
  protected readonly timeouts: TimeoutAction[] = ['Remind', 'Escalate', 'AutoApprove'];
  protected readonly moments: CcMoment[] = ['Submission', 'Step', 'Completion'];
  protected readonly resubmitOptions: ResubmitFrom[] = ['ReturningStep', 'Start'];
  protected readonly users = signal<User[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    documentType: [{ value: this.flow?.documentType ?? this.data.documentType ?? '', disabled: !!this.flow || !!this.data.documentType }, Validators.required],
    name: [this.flow?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    steps: this.fb.array([] as ReturnType<FlowDialog['step']>[]),
    cc: this.fb.array([] as ReturnType<FlowDialog['ccRule']>[]),
    resubmitFrom: [this.flow?.resubmitFrom ?? ('ReturningStep' as ResubmitFrom)],
  });
  protected readonly steps = this.form.controls.steps as FormArray<ReturnType<FlowDialog['step']>>;
  protected readonly cc = this.form.controls.cc as FormArray<ReturnType<FlowDialog['ccRule']>>;

  ngOnInit(): void {
    for (const s of this.flow?.steps ?? [{ rule: 'Role', roleName: 'admin', userId: null, condition: 'Always', threshold: null } satisfies FlowStep]) this.steps.push(this.step(s));
    for (const c of this.flow?.cc ?? []) this.cc.push(this.ccRule(c));
    if (this.canListUsers) this.usersApi.list({ skip: 0, take: 1000 }).subscribe(page => this.users.set(page.items.filter(u => u.isActive)));
  }

  private step(s: FlowStep) {
    return this.fb.group({
      rule: [s.rule], roleName: [s.roleName ?? ''], userId: [s.userId ?? ''], condition: [s.condition], threshold: [s.threshold as number | null],
      mode: [s.mode ?? ('Any' as StepMode)], requiredApprovals: [s.requiredApprovals ?? (null as number | null)],
      deadlineHours: [s.deadlineHours ?? (null as number | null)], timeoutAction: [(s.timeoutAction && s.timeoutAction !== 'None' ? s.timeoutAction : 'Remind') as TimeoutAction],
    });
  }

  private ccRule(c: FlowCc) {
    return this.fb.group({ moment: [c.moment], stepNumber: [c.stepNumber as number | null], rule: [c.rule], roleName: [c.roleName ?? ''], userId: [c.userId ?? ''] });
  }

  addCc(): void { this.cc.push(this.ccRule({ moment: 'Completion', stepNumber: null, rule: 'Role', roleName: '', userId: null })); }

  addStep(): void { this.steps.push(this.step({ rule: 'DepartmentHead', roleName: null, userId: null, condition: 'Always', threshold: null })); }

  move(index: number, by: number): void {
    const control = this.steps.at(index);
    this.steps.removeAt(index);
    this.steps.insert(index + by, control);
  }

  /** What the server gets: only the fields the rule and condition use (the server validates the rest). */
  protected value(): SaveFlow {
    const raw = this.form.getRawValue();
    return {
      documentType: raw.documentType, name: raw.name.trim(), resubmitFrom: raw.resubmitFrom,
      steps: raw.steps.map(s => ({
        rule: s.rule, roleName: s.rule === 'Role' ? s.roleName.trim() : null, userId: s.rule === 'User' ? s.userId || null : null,
        condition: s.condition, threshold: s.condition === 'Always' ? null : s.threshold,
        mode: s.mode, requiredApprovals: s.mode === 'Quorum' ? s.requiredApprovals : null,
        deadlineHours: s.deadlineHours || null, timeoutAction: s.deadlineHours ? s.timeoutAction : 'None',
      })),
      cc: raw.cc.map(c => ({
        moment: c.moment, stepNumber: c.moment === 'Step' ? c.stepNumber : null, rule: c.rule,
        roleName: c.rule === 'Role' ? c.roleName.trim() : null, userId: c.rule === 'User' ? c.userId || null : null,
      })),
    };
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    const value = this.value();
    const call = this.flow ? this.api.updateFlow(this.flow.id, value) : this.api.createFlow(value);
    call.subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
