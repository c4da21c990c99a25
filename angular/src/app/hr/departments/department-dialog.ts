import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { Department, Employee, HrApi, treeOrder } from '../hr.api';

export interface DepartmentDialogData { department: Department | null; departments: Department[]; employees: Employee[]; }

@Component({
  selector: 'bs-department-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (data.department ? 'hr.departments.edit' : 'hr.departments.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.departments.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="department-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.departments.code' | translate }}</mat-label>
          <input matInput formControlName="code" data-testid="department-code" />
          <mat-error><bs-field-error [control]="form.controls.code" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.departments.parent' | translate }}</mat-label>
          <mat-select formControlName="parentId" data-testid="department-parent">
            <mat-option [value]="null">—</mat-option>
            @for (row of parents; track row.department.id) {
              <mat-option [value]="row.department.id">{{ '　'.repeat(row.depth) }}{{ row.department.name }}</mat-option>
            }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.parentId" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.departments.head' | translate }}</mat-label>
          <mat-select formControlName="headEmployeeId" data-testid="department-head">
            <mat-option [value]="null">—</mat-option>
            @for (e of data.employees; track e.id) { <mat-option [value]="e.id">{{ e.name }} · {{ e.number }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="department-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; min-width: 360px; } .error { color: #b3261e; }`,
})
export class DepartmentDialog {
  protected readonly data = inject<DepartmentDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(HrApi);
  private readonly ref = inject(MatDialogRef<DepartmentDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly parents = treeOrder(this.data.departments).filter(r => r.department.id !== this.data.department?.id);
  protected readonly form = inject(FormBuilder).group({
    name: [this.data.department?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    code: [this.data.department?.code ?? '', [Validators.required, Validators.maxLength(32), Validators.pattern(/^[A-Za-z0-9_-]+$/)]],
    parentId: [this.data.department?.parentId ?? null as string | null],
    headEmployeeId: [this.data.department?.headEmployeeId ?? null as string | null],
  });

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = { name: v.name!, code: v.code!, parentId: v.parentId ?? null, headEmployeeId: v.headEmployeeId ?? null };
    const id = this.data.department?.id;
    (id ? this.api.updateDepartment(id, body) : this.api.createDepartment(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
