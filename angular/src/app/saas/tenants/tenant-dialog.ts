import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { TenantsApi } from './tenants.api';

@Component({
  selector: 'bs-tenant-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'tenants.create' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        @for (field of fields; track field.name) {
          <mat-form-field appearance="outline">
            <mat-label>{{ field.label | translate }}</mat-label>
            <input matInput [formControlName]="field.name" [type]="field.type" [attr.data-testid]="'tenant-' + field.name" />
            <mat-error><bs-field-error [control]="form.get(field.name)!" /></mat-error>
          </mat-form-field>
        }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="tenant-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class TenantDialog {
  private readonly api = inject(TenantsApi);
  private readonly ref = inject(MatDialogRef<TenantDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly fields = [
    { name: 'name', label: 'tenants.name', type: 'text' },
    { name: 'displayName', label: 'tenants.displayName', type: 'text' },
    { name: 'adminEmail', label: 'tenants.adminEmail', type: 'email' },
    { name: 'adminPassword', label: 'tenants.adminPassword', type: 'password' },
  ];
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9-]*$/), Validators.maxLength(64)]],
    displayName: ['', [Validators.required, Validators.maxLength(128)]],
    adminEmail: ['', [Validators.required, Validators.email]],
    adminPassword: ['', Validators.required],
  });

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.api.create(this.form.getRawValue()).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
