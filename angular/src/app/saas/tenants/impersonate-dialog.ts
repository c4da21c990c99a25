import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { FieldError } from '../../shared/field-error';
import { ImpersonationCandidate, Tenant, TenantsApi } from './tenants.api';

/** The host admin picks a user of the tenant (its admin by default), says why and for how long, then acts as them in this tab. */
@Component({
  selector: 'bs-impersonate-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'tenants.impersonateTitle' | translate: { tenant: tenant.displayName } }}</h2>
    <form [formGroup]="form" (ngSubmit)="start()">
      <mat-dialog-content class="fields">
        <p class="hint">{{ 'tenants.impersonateHint' | translate }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tenants.impersonateUser' | translate }}</mat-label>
          <mat-select formControlName="userId" data-testid="impersonate-user">
            @for (u of users(); track u.id) {
              <mat-option [value]="u.id" [attr.data-testid]="'impersonate-user-' + u.userName">
                {{ u.name }} ({{ u.userName }}) @if (u.isAdmin) { {{ 'tenants.impersonateAdmin' | translate }} }
              </mat-option>
            }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.userId" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tenants.impersonateReason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" data-testid="impersonate-reason"></textarea>
          <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'tenants.impersonateMinutes' | translate }}</mat-label>
          <input matInput type="number" min="1" max="60" formControlName="minutes" data-testid="impersonate-minutes" />
          <mat-error><bs-field-error [control]="form.controls.minutes" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="impersonate-start">{{ 'tenants.impersonateStart' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .hint { margin-top: 0; color: rgba(0,0,0,.6); } .error { color: #b3261e; }`,
})
export class ImpersonateDialog implements OnInit {
  protected readonly tenant = inject<Tenant>(MAT_DIALOG_DATA);
  private readonly api = inject(TenantsApi);
  private readonly session = inject(Session);
  private readonly ref = inject(MatDialogRef<ImpersonateDialog>);
  protected readonly users = signal<ImpersonationCandidate[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    userId: ['', Validators.required],
    reason: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(200)]],
    minutes: [30, [Validators.required, Validators.min(1), Validators.max(60)]],
  });

  ngOnInit(): void {
    this.api.impersonationCandidates(this.tenant.id).subscribe({
      next: users => {
        this.users.set(users);
        this.form.controls.userId.setValue((users.find(u => u.isAdmin) ?? users[0])?.id ?? '');
      },
      error: error => this.error.set(applyProblem(this.form, error)),
    });
  }

  start(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.api.impersonate({ tenantId: this.tenant.id, ...this.form.getRawValue() }).subscribe({
      next: started => { this.ref.close(true); void this.session.impersonate(started); },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
