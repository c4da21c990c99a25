import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/language';
import { applyProblem } from '../core/problem';
import { Session } from '../core/session';
import { EntryCard } from '../shared/entry-card';
import { FieldError } from '../shared/field-error';

@Component({
  selector: 'bs-login',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, EntryCard, FieldError],
  template: `
    <bs-entry-card titleKey="login.title" [busy]="busy()">
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
    </bs-entry-card>
  `,
  styles: `
    .done { color: #1b6e3a; }
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

  async submit(): Promise<void> {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const { tenant, userNameOrEmail, password } = this.form.getRawValue();
    try {
      await this.session.login(tenant, userNameOrEmail, password);
      await this.router.navigateByUrl('/');
    } catch (error) {
      this.error.set(applyProblem(this.form, error));
    } finally {
      this.busy.set(false);
    }
  }
}
