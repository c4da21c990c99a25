import { Component, OnInit, inject, signal } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { FieldError } from '../../shared/field-error';
import { OaApi } from '../oa.api';
import { Permissions } from '../../core/api/permissions';

interface Department { id: string; name: string; }

/** Publishes to everyone, or to departments (and their sub-departments) when HR's departments can be listed. */
@Component({
  selector: 'bs-publish-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'oa.announcements.publish' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.announcements.announcementTitle' | translate }}</mat-label>
          <input matInput formControlName="title" data-testid="announcement-title" />
          <mat-error><bs-field-error [control]="form.controls.title" /></mat-error></mat-form-field>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.announcements.body' | translate }}</mat-label>
          <textarea matInput formControlName="body" rows="6" data-testid="announcement-body-input"></textarea>
          <mat-error><bs-field-error [control]="form.controls.body" /></mat-error></mat-form-field>
        @if (departments().length) {
          <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.announcements.departments' | translate }}</mat-label>
            <mat-select formControlName="departmentIds" multiple data-testid="announcement-departments">
              @for (d of departments(); track d.id) { <mat-option [value]="d.id">{{ d.name }}</mat-option> }
            </mat-select>
            <mat-hint>{{ 'oa.announcements.departmentsHint' | translate }}</mat-hint></mat-form-field>
        }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="announcement-save">{{ 'oa.announcements.publish' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.full { width: 100%; } .error { color: #b3261e; }`,
})
export class PublishDialog implements OnInit {
  private readonly api = inject(OaApi);
  private readonly http = inject(HttpClient);
  private readonly canListDepartments = inject(Session).isGranted(Permissions.HrDepartments);
  private readonly ref = inject(MatDialogRef<PublishDialog>);
  protected readonly departments = signal<Department[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(200)]],
    body: ['', [Validators.required, Validators.maxLength(8000)]],
    departmentIds: [[] as string[]],
  });

  ngOnInit(): void {
    if (this.canListDepartments) this.http.get<Department[]>('/api/hr/departments').subscribe({ next: d => this.departments.set(d), error: () => this.departments.set([]) });
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.publish({ title: v.title.trim(), body: v.body.trim(), departmentIds: v.departmentIds }).subscribe({
      next: published => this.ref.close(published),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
