import { Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/language';
import { applyProblem } from '../core/problem';
import { TwoFactorSetup } from '../core/api';
import { Session, TwoFactorChallenge } from '../core/session';
import { EntryCard } from '../shared/entry-card';
import { FieldError } from '../shared/field-error';
import { RecoveryCodes, TwoFactorSetupForm } from './two-factor-setup';

@Component({
  selector: 'bs-login',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, EntryCard, FieldError, TwoFactorSetupForm, RecoveryCodes],
  template: `
    <bs-entry-card titleKey="login.title" [busy]="busy()" [width]="step() === 'enrol' ? 440 : 380">
      @switch (step()) {
      @case ('code') {
        <form [formGroup]="codeForm" (ngSubmit)="submitCode()">
          <mat-card-content>
            <p>{{ (useRecoveryCode() ? 'login.recoveryCodeHint' : 'login.codeHint') | translate }}</p>
            @if (useRecoveryCode()) {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'login.recoveryCode' | translate }}</mat-label>
                <input matInput formControlName="recoveryCode" autocomplete="off" data-testid="login-recovery-code" />
                <mat-error><bs-field-error [control]="codeForm.controls.recoveryCode" /></mat-error>
              </mat-form-field>
            } @else {
              <mat-form-field appearance="outline">
                <mat-label>{{ 'twoFactor.code' | translate }}</mat-label>
                <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" data-testid="login-code" />
                <mat-error><bs-field-error [control]="codeForm.controls.code" /></mat-error>
              </mat-form-field>
            }
            @if (error()) { <p class="error" role="alert" data-testid="login-error">{{ error() | translate }}</p> }
          </mat-card-content>
          <mat-card-actions>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="login-code-submit">{{ 'login.verify' | translate }}</button>
            <span class="spacer"></span>
            <button mat-button type="button" (click)="useRecoveryCode.set(!useRecoveryCode())" data-testid="login-use-recovery">
              {{ (useRecoveryCode() ? 'login.useApp' : 'login.useRecoveryCode') | translate }}
            </button>
          </mat-card-actions>
        </form>
      }
      @case ('enrol') {
        <mat-card-content>
          <p class="notice" role="status" data-testid="login-enrol-required">{{ 'login.enrolRequired' | translate }}</p>
          @if (setup(); as setup) { <bs-two-factor-setup [setup]="setup" [busy]="busy()" (confirmed)="enrol($event)" /> }
          @if (error()) { <p class="error" role="alert" data-testid="login-error">{{ error() | translate }}</p> }
        </mat-card-content>
      }
      @case ('recovery-codes') {
        <mat-card-content><bs-recovery-codes [codes]="recoveryCodes()" /></mat-card-content>
        <mat-card-actions>
          <button mat-flat-button type="button" (click)="continue()" data-testid="login-continue">{{ 'login.continue' | translate }}</button>
        </mat-card-actions>
      }
      @default {
      <form [formGroup]="form" (ngSubmit)="submit()">
        <mat-card-content>
          @if (signedUp) { <p class="done" role="status" data-testid="login-signed-up">{{ 'login.signedUp' | translate }}</p> }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'login.tenant' | translate }}</mat-label>
            <input matInput formControlName="tenant" data-testid="login-tenant" autocomplete="organization" />
            <mat-hint>{{ 'login.tenantHint' | translate }}</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'login.userNameOrEmail' | translate }}</mat-label>
            <input matInput formControlName="userNameOrEmail" data-testid="login-user" autocomplete="username" />
            <mat-error><bs-field-error [control]="form.controls.userNameOrEmail" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'login.password' | translate }}</mat-label>
            <input matInput type="password" formControlName="password" data-testid="login-password" autocomplete="current-password" />
            <mat-error><bs-field-error [control]="form.controls.password" /></mat-error>
          </mat-form-field>
          @if (error()) { <p class="error" role="alert" data-testid="login-error">{{ error() | translate }}</p> }
        </mat-card-content>
        <mat-card-actions>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="login-submit">{{ 'login.submit' | translate }}</button>
          <span class="spacer"></span>
          <button mat-button type="button" (click)="language.use(language.current() === 'en' ? 'zh-CN' : 'en')" data-testid="login-language">
            {{ language.current() === 'en' ? '中文' : 'English' }}
          </button>
        </mat-card-actions>
      </form>
      <p class="sign-up">{{ 'login.noAccount' | translate }} <a routerLink="/sign-up" data-testid="login-sign-up">{{ 'login.signUp' | translate }}</a></p>
      }
      }
    </bs-entry-card>
  `,
  styles: `
    .done { color: #1b6e3a; }
    .notice { color: #8a4b00; }
    .sign-up { margin: 8px 16px 0; font-size: 14px; }
  `,
})
export class LoginPage {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;
  /** Back from sign-up: the new tenant's name is filled in. */
  protected readonly signedUp = this.query.has('signedUp');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    tenant: [this.query.get('tenant') ?? this.session.tenant() ?? ''],
    userNameOrEmail: ['', Validators.required],
    password: ['', Validators.required],
  });

  /** password → (code | enrol → recovery-codes) → home */
  protected readonly step = signal<'password' | 'code' | 'enrol' | 'recovery-codes'>('password');
  protected readonly useRecoveryCode = signal(false);
  protected readonly setup = signal<TwoFactorSetup | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly codeForm = inject(FormBuilder).nonNullable.group({ code: [''], recoveryCode: [''] });
  private readonly setupForm = viewChild(TwoFactorSetupForm);
  private challenge: TwoFactorChallenge | null = null;

  async submit(): Promise<void> {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    const { tenant, userNameOrEmail, password } = this.form.getRawValue();
    await this.run(this.form, async () => {
      this.challenge = await this.session.login(tenant, userNameOrEmail, password);
      if (!this.challenge) await this.router.navigateByUrl('/');
      else if (!this.challenge.enrolmentRequired) this.step.set('code');
      else {
        this.setup.set(await this.session.beginEnrolment(this.challenge));
        this.step.set('enrol');
      }
    });
  }

  async submitCode(): Promise<void> {
    const { code, recoveryCode } = this.codeForm.getRawValue();
    if (!(this.useRecoveryCode() ? recoveryCode : code).trim()) return;
    await this.run(this.codeForm, async () => {
      await this.session.loginWithCode(this.challenge!, this.useRecoveryCode() ? { recoveryCode } : { code: code.trim() });
      await this.router.navigateByUrl('/');
    });
  }

  async enrol(code: string): Promise<void> {
    await this.run(this.setupForm()!.form, async () => {
      this.recoveryCodes.set(await this.session.enrol(this.challenge!, code));
      this.step.set('recovery-codes');
    });
  }

  continue(): void { void this.router.navigateByUrl('/'); }

  private async run(form: FormGroup, action: () => Promise<void>): Promise<void> {
    this.error.set('');
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      this.error.set(applyProblem(form, error));
    } finally {
      this.busy.set(false);
    }
  }
}
