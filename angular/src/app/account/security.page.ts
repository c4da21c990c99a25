import { HttpClient } from '@angular/common/http';
import { Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { DatePipe } from '@angular/common';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { RecoveryCodes as RecoveryCodesDto, TwoFactorSetup, TwoFactorStatus, UserSession } from '../core/api';
import { applyProblem, problemMessage } from '../core/problem';
import { FieldError } from '../shared/field-error';
import { RecoveryCodes, TwoFactorSetupForm } from './two-factor-setup';

/** The signed-in user's own security: two-factor sign-in (enrol, recovery codes, turn off) and signed-in devices. */
@Component({
  selector: 'bs-account-security',
  imports: [ReactiveFormsModule, DatePipe, MatCardModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe,
    FieldError, TwoFactorSetupForm, RecoveryCodes],
  template: `
    <h2>{{ 'accountSecurity.title' | translate }}</h2>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <mat-card appearance="outlined">
      <mat-card-header><mat-card-title>{{ 'twoFactor.title' | translate }}</mat-card-title></mat-card-header>
      <mat-card-content>
        @if (status(); as status) {
          <p data-testid="two-factor-status">
            {{ (status.enabled ? 'twoFactor.on' : 'twoFactor.off') | translate }}
            @if (status.enabled) { · {{ 'twoFactor.codesLeft' | translate: { count: status.recoveryCodesLeft } }} }
          </p>
          @if (status.requiredByTenant) { <p class="notice">{{ 'twoFactor.requiredByTenant' | translate }}</p> }
          @if (recoveryCodes().length > 0) {
            <bs-recovery-codes [codes]="recoveryCodes()" />
          } @else if (setup(); as setup) {
            <bs-two-factor-setup [setup]="setup" [busy]="busy()" (confirmed)="enable($event)" />
          } @else if (!status.enabled) {
            <p>{{ 'twoFactor.explain' | translate }}</p>
            <button mat-flat-button type="button" (click)="begin()" [disabled]="busy()" data-testid="two-factor-begin">{{ 'twoFactor.begin' | translate }}</button>
          } @else if (!status.requiredByTenant) {
            <form [formGroup]="disableForm" (ngSubmit)="disable()">
              <mat-form-field appearance="outline">
                <mat-label>{{ 'twoFactor.codeOrRecovery' | translate }}</mat-label>
                <input matInput formControlName="code" autocomplete="one-time-code" data-testid="two-factor-disable-code" />
                <mat-error><bs-field-error [control]="disableForm.controls.code" /></mat-error>
              </mat-form-field>
              <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="two-factor-disable">{{ 'twoFactor.disable' | translate }}</button>
            </form>
          }
        }
      </mat-card-content>
    </mat-card>
    <mat-card appearance="outlined">
      <mat-card-header><mat-card-title>{{ 'sessions.title' | translate }}</mat-card-title></mat-card-header>
      <mat-card-content>
        <p class="hint">{{ 'sessions.explain' | translate }}</p>
        <ul class="sessions" data-testid="sessions">
          @for (s of sessions(); track s.id) {
            <li [attr.data-testid]="s.isCurrent ? 'session-current' : 'session'">
              <mat-icon>{{ s.isCurrent ? 'computer' : 'devices' }}</mat-icon>
              <div class="what">
                <div class="agent" [title]="s.userAgent ?? ''">{{ s.userAgent || ('sessions.unknownDevice' | translate) }}</div>
                <div class="when">
                  {{ s.ipAddress }} · {{ 'sessions.signedIn' | translate }} {{ s.createdAt | date: 'short' }} · {{ 'sessions.lastActive' | translate }} {{ s.lastUsedAt | date: 'short' }}
                  @if (s.isCurrent) { · <strong>{{ 'sessions.thisDevice' | translate }}</strong> }
                </div>
              </div>
              @if (!s.isCurrent) {
                <button mat-stroked-button type="button" (click)="revoke(s)" [disabled]="busy()" data-testid="session-revoke">{{ 'sessions.revoke' | translate }}</button>
              }
            </li>
          }
        </ul>
        @if (sessions().length > 1) {
          <button mat-flat-button type="button" (click)="revokeOthers()" [disabled]="busy()" data-testid="sessions-revoke-others">{{ 'sessions.revokeOthers' | translate }}</button>
        }
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 16px; max-width: 720px; }
    h2 { margin: 0; }
    .hint { color: #5f6368; font-size: 13px; }
    .sessions { list-style: none; padding: 0; margin: 0 0 12px; }
    .sessions li { display: flex; align-items: center; gap: 12px; padding: 8px 0; border-bottom: 1px solid #eceff3; }
    .what { flex: 1; min-width: 0; }
    .agent { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    .when { font-size: 12px; color: #5f6368; }
    .error { color: #b3261e; }
    .notice { color: #8a4b00; }
    mat-form-field { width: 100%; max-width: 260px; margin-right: 8px; }
  `,
})
export class AccountSecurityPage implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly busy = signal(true);
  protected readonly error = signal('');
  protected readonly status = signal<TwoFactorStatus | null>(null);
  protected readonly setup = signal<TwoFactorSetup | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly sessions = signal<UserSession[]>([]);
  protected readonly disableForm = inject(FormBuilder).nonNullable.group({ code: ['', Validators.required] });
  private readonly setupForm = viewChild(TwoFactorSetupForm);

  ngOnInit(): void { void this.run(null, () => this.load()); }

  begin(): Promise<void> {
    return this.run(null, async () => this.setup.set(await firstValueFrom(this.http.post<TwoFactorSetup>('/api/account/two-factor/setup', {}))));
  }

  enable(code: string): Promise<void> {
    return this.run(this.setupForm()?.form ?? null, async () => {
      const answer = await firstValueFrom(this.http.post<RecoveryCodesDto>('/api/account/two-factor/enable', { code }));
      this.recoveryCodes.set(answer.recoveryCodes);
      this.setup.set(null);
      await this.load();
    });
  }

  disable(): Promise<void> {
    if (this.disableForm.invalid) { this.disableForm.markAllAsTouched(); return Promise.resolve(); }
    return this.run(this.disableForm, async () => {
      await firstValueFrom(this.http.post('/api/account/two-factor/disable', this.disableForm.getRawValue()));
      this.disableForm.reset();
      await this.load();
    });
  }

  revoke(session: UserSession): Promise<void> {
    return this.run(null, async () => {
      await firstValueFrom(this.http.delete(`/api/account/sessions/${session.id}`));
      await this.load();
    });
  }

  revokeOthers(): Promise<void> {
    return this.run(null, async () => {
      await firstValueFrom(this.http.post('/api/account/sessions/revoke-others', {}));
      await this.load();
    });
  }

  private async load(): Promise<void> {
    const [status, sessions] = await Promise.all([
      firstValueFrom(this.http.get<TwoFactorStatus>('/api/account/two-factor')),
      firstValueFrom(this.http.get<UserSession[]>('/api/account/sessions')),
    ]);
    this.status.set(status);
    this.sessions.set(sessions);
  }

  private async run(form: FormGroup | null, action: () => Promise<void>): Promise<void> {
    this.error.set('');
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      this.error.set(form ? applyProblem(form, error) : problemMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
