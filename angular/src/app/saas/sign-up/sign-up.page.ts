import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { applyProblem } from '../../core/problem';
import { EntryCard } from '../../shared/entry-card';
import { FieldError } from '../../shared/field-error';

/** Public self sign-up (注册): a company gets its own tenant on the Free edition, then its admin logs in. */
@Component({
  selector: 'bs-sign-up',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, EntryCard, FieldError],
  template: `
    <bs-entry-card titleKey="signUp.title" [busy]="busy()" [width]="420">
      <form [formGroup]="form" (ngSubmit)="submit()">
        <mat-card-content>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signUp.name' | translate }}</mat-label>
            <input matInput formControlName="name" data-testid="sign-up-name" autocomplete="off" />
            <mat-hint>{{ 'signUp.nameHint' | translate }}</mat-hint>
            <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signUp.displayName' | translate }}</mat-label>
            <input matInput formControlName="displayName" data-testid="sign-up-display-name" autocomplete="organization" />
            <mat-error><bs-field-error [control]="form.controls.displayName" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signUp.adminEmail' | translate }}</mat-label>
            <input matInput type="email" formControlName="adminEmail" data-testid="sign-up-email" autocomplete="email" />
            <mat-error><bs-field-error [control]="form.controls.adminEmail" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'signUp.password' | translate }}</mat-label>
            <input matInput type="password" formControlName="adminPassword" data-testid="sign-up-password" autocomplete="new-password" />
            <mat-error><bs-field-error [control]="form.controls.adminPassword" /></mat-error>
          </mat-form-field>
          @if (error()) { <p class="error" role="alert" data-testid="sign-up-error">{{ error() | translate }}</p> }
        </mat-card-content>
        <mat-card-actions>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="sign-up-submit">{{ 'signUp.submit' | translate }}</button>
          <span class="spacer"></span>
          <a mat-button routerLink="/login">{{ 'signUp.toLogin' | translate }}</a>
        </mat-card-actions>
      </form>
    </bs-entry-card>
  `,
})
export class SignUpPage {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9-]*$/)]],
    displayName: ['', Validators.required],
    adminEmail: ['', [Validators.required, Validators.email]],
    adminPassword: ['', Validators.required],
  });

  async submit(): Promise<void> {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    try {
      const tenant = await firstValueFrom(this.http.post<{ name: string }>('/api/saas/sign-up', this.form.getRawValue()));
      await this.router.navigate(['/login'], { queryParams: { tenant: tenant.name, signedUp: 1 } });
    } catch (error) {
      this.error.set(applyProblem(this.form, error));
    } finally {
      this.busy.set(false);
    }
  }
}
