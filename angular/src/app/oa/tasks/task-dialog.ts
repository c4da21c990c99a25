import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { User, UsersApi } from '../../identity/users/users.api';
import { FieldError } from '../../shared/field-error';
import { OaApi } from '../oa.api';

/** Assigns a task to a colleague. */
@Component({
  selector: 'bs-task-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'oa.tasks.create' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.tasks.taskTitle' | translate }}</mat-label>
          <input matInput formControlName="title" data-testid="task-title" />
          <mat-error><bs-field-error [control]="form.controls.title" /></mat-error></mat-form-field>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.tasks.description' | translate }}</mat-label>
          <textarea matInput formControlName="description" rows="3" data-testid="task-description"></textarea></mat-form-field>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.tasks.assignee' | translate }}</mat-label>
          <mat-select formControlName="assigneeUserId" data-testid="task-assignee">
            @for (u of users(); track u.id) { <mat-option [value]="u.id" [attr.data-testid]="'assignee-' + u.userName">{{ u.name }} ({{ u.userName }})</mat-option> }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.assigneeUserId" /></mat-error></mat-form-field>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.tasks.dueOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="dueOn" data-testid="task-due" /></mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="task-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.full { width: 100%; } .error { color: #b3261e; }`,
})
export class TaskDialog implements OnInit {
  private readonly api = inject(OaApi);
  private readonly usersApi = inject(UsersApi);
  private readonly ref = inject(MatDialogRef<TaskDialog>);
  protected readonly users = signal<User[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    description: [''],
    assigneeUserId: ['', Validators.required],
    dueOn: [''],
  });

  ngOnInit(): void { this.usersApi.list({ skip: 0, take: 1000 }).subscribe(page => this.users.set(page.items.filter(u => u.isActive))); }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.createTask({ title: v.title.trim(), description: v.description.trim() || null, assigneeUserId: v.assigneeUserId, dueOn: v.dueOn || null,
      documentType: null, documentId: null, link: null })
      .subscribe({
        next: task => this.ref.close(task),
        error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
      });
  }
}
