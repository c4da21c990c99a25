import { Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { today } from '../../shared/dates';
import { FieldError } from '../../shared/field-error';
import { LeaveBalance, SelfServiceApi, workingDays } from '../self-service.api';

/** A new leave request (请假申请): it goes to approval at once; the balance shows what is left. */
@Component({
  selector: 'bs-leave-request-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'leave.request.title' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'leave.type' | translate }}</mat-label>
          <mat-select formControlName="leaveTypeId" data-testid="leave-type">
            @for (b of balances; track b.leaveTypeId) {
              <mat-option [value]="b.leaveTypeId" [attr.data-testid]="'leave-type-' + b.leaveTypeName">
                {{ b.leaveTypeName }} · {{ 'leave.remainingDays' | translate: { days: b.remaining - b.pending } }}
              </mat-option>
            }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.leaveTypeId" /></mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'leave.from' | translate }}</mat-label>
            <input matInput type="date" formControlName="from" data-testid="leave-from" />
            <mat-error><bs-field-error [control]="form.controls.from" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'leave.to' | translate }}</mat-label>
            <input matInput type="date" formControlName="to" data-testid="leave-to" />
            <mat-error data-testid="leave-to-error"><bs-field-error [control]="form.controls.to" /></mat-error>
          </mat-form-field>
        </div>
        <p class="days" data-testid="leave-days">{{ 'leave.workingDays' | translate: { days: days() } }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'leave.reason' | translate }}</mat-label>
          <textarea matInput rows="2" formControlName="reason" data-testid="leave-reason"></textarea>
          <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="leave-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="leave-submit">{{ 'leave.request.submit' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .row { display: flex; gap: 12px; } .days { margin-top: 0; color: #555; } .error { color: #b3261e; }`,
})
export class LeaveRequestDialog {
  protected readonly balances = inject<LeaveBalance[]>(MAT_DIALOG_DATA);
  private readonly api = inject(SelfServiceApi);
  private readonly ref = inject(MatDialogRef<LeaveRequestDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    leaveTypeId: [this.balances[0]?.leaveTypeId ?? '', Validators.required],
    from: [today(), Validators.required],
    to: [today(), Validators.required],
    reason: ['', Validators.maxLength(500)],
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly days = computed(() => workingDays(this.value().from ?? '', this.value().to ?? ''));

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const { leaveTypeId, from, to, reason } = this.form.getRawValue();
    this.api.requestLeave({ leaveTypeId, from, to, reason: reason.trim() || null }).subscribe({
      next: request => this.ref.close(request),
      // Not enough days comes back on `to`, beside the dates.
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
