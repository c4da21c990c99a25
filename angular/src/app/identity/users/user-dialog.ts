import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { RolesApi } from '../roles/roles.api';
import { User, UsersApi } from './users.api';

@Component({
  selector: 'bs-user-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule,
    MatButtonModule, MatProgressBarModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (user ? 'users.edit' : 'users.create') | translate }}</h2>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.userName' | translate }}</mat-label>
          <input matInput formControlName="userName" data-testid="user-userName" />
          <mat-error><bs-field-error [control]="form.controls.userName" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="user-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.email' | translate }}</mat-label>
          <input matInput formControlName="email" data-testid="user-email" />
          <mat-error><bs-field-error [control]="form.controls.email" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.password' | translate }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" data-testid="user-password" />
          @if (user) { <mat-hint>{{ 'users.passwordHint' | translate }}</mat-hint> }
          <mat-error><bs-field-error [control]="form.controls.password" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'users.roles' | translate }}</mat-label>
          <mat-select formControlName="roleNames" multiple data-testid="user-roles">
            @for (role of roles(); track role) { <mat-option [value]="role" [attr.data-testid]="'role-option-' + role">{{ role }}</mat-option> }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.roleNames" /></mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="isActive">{{ 'common.active' | translate }}</mat-checkbox>
        @if (error()) { <p class="error" role="alert" data-testid="dialog-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="user-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class UserDialog implements OnInit {
  protected readonly user = inject<User | null>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly rolesApi = inject(RolesApi);
  private readonly ref = inject(MatDialogRef<UserDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly roles = signal<string[]>([]);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    userName: [{ value: this.user?.userName ?? '', disabled: !!this.user }, [Validators.required, Validators.maxLength(64)]],
    name: [this.user?.name ?? '', [Validators.required, Validators.maxLength(128)]],
    email: [this.user?.email ?? '', [Validators.required, Validators.email]],
    password: ['', this.user ? [] : [Validators.required]],
    roleNames: [this.user?.roleNames ?? []],
    isActive: [this.user?.isActive ?? true],
  });

  ngOnInit(): void {
    this.rolesApi.list({ skip: 0, take: 1000 }).subscribe({
      next: page => this.roles.set(page.items.map(r => r.name)),
      error: () => this.roles.set(this.user?.roleNames ?? []),
    });
  }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    const body = { ...value, password: value.password || null };
    const call = this.user ? this.api.update(this.user.id, body) : this.api.create(body);
    call.subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
