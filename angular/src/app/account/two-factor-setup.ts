import { Component, inject, input, output } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { TwoFactorSetup } from '../core/api';
import { FieldError } from '../shared/field-error';

/** Enrolling an authenticator app: scan the QR code (or type the key), then prove it with a code. Used at login and on the security page. */
@Component({
  selector: 'bs-two-factor-setup',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <p>{{ 'twoFactor.scan' | translate }}</p>
    <div class="setup">
      <img [src]="setup().qrCodeDataUri" width="180" height="180" [alt]="'twoFactor.qrAlt' | translate" data-testid="two-factor-qr" />
      <div>
        <div class="label">{{ 'twoFactor.key' | translate }}</div>
        <code data-testid="two-factor-key">{{ setup().sharedKey }}</code>
      </div>
    </div>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'twoFactor.code' | translate }}</mat-label>
        <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" data-testid="two-factor-setup-code" />
        <mat-error><bs-field-error [control]="form.controls.code" /></mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()" data-testid="two-factor-confirm">{{ 'twoFactor.confirm' | translate }}</button>
    </form>
  `,
  styles: `
    .setup { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 8px; }
    img { image-rendering: pixelated; border: 1px solid #dde1e8; }
    .label { font-size: 12px; color: #5f6368; }
    code { font-size: 15px; word-break: break-all; }
    mat-form-field { width: 100%; max-width: 260px; margin-right: 8px; }
  `,
})
export class TwoFactorSetupForm {
  readonly setup = input.required<TwoFactorSetup>();
  readonly busy = input(false);
  readonly confirmed = output<string>();
  /** The parent puts server field errors here (`applyProblem`). */
  readonly form = inject(FormBuilder).nonNullable.group({ code: ['', Validators.required] });

  submit(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.confirmed.emit(this.form.getRawValue().code.trim());
  }
}

/** Recovery codes, shown once right after enrolment. */
@Component({
  selector: 'bs-recovery-codes',
  imports: [TranslatePipe],
  template: `
    <p role="status">{{ 'twoFactor.recoveryCodesOnce' | translate }}</p>
    <ul class="codes" data-testid="recovery-codes">
      @for (code of codes(); track code) { <li><code>{{ code }}</code></li> }
    </ul>
  `,
  styles: `.codes { columns: 2; padding-left: 20px; font-size: 15px; } li { margin: 2px 0; }`,
})
export class RecoveryCodes {
  readonly codes = input.required<readonly string[]>();
}
