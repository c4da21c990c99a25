import { Component, inject, signal } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { Department, Employee, HrApi } from '../hr.api';

const IMPORTS = [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError];
const STYLES = `.fields { display: flex; flex-direction: column; min-width: 360px; } .error { color: #b3261e; }`;

/** Shared by the recruitment dialogs: send, close with the answer, or show the server's field errors. */
abstract class SaveDialog {
  private readonly ref = inject(MatDialogRef);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected submit(form: FormGroup, call: () => Observable<unknown>): void {
    if (form.invalid) { form.markAllAsTouched(); return; }
    this.busy.set(true);
    call().subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(form, error)); this.busy.set(false); },
    });
  }
}

@Component({
  selector: 'bs-opening-dialog',
  imports: IMPORTS,
  template: `
    <h2 mat-dialog-title>{{ 'hr.openings.create' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.openings.titleField' | translate }}</mat-label>
          <input matInput formControlName="title" data-testid="opening-title" />
          <mat-error><bs-field-error [control]="form.controls.title" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.employees.department' | translate }}</mat-label>
          <mat-select formControlName="departmentId" data-testid="opening-department">
            <mat-option [value]="null">—</mat-option>
            @for (d of departments; track d.id) { <mat-option [value]="d.id" [attr.data-testid]="'department-option-' + d.code">{{ d.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.openings.headcount' | translate }}</mat-label>
          <input matInput type="number" formControlName="headcount" data-testid="opening-headcount" />
          <mat-error><bs-field-error [control]="form.controls.headcount" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="opening-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: STYLES,
})
export class OpeningDialog extends SaveDialog {
  protected readonly departments = inject<Department[]>(MAT_DIALOG_DATA);
  private readonly api = inject(HrApi);
  protected readonly form = inject(FormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(100)]],
    departmentId: [null as string | null],
    headcount: [1, [Validators.required, Validators.min(1), Validators.max(1000)]],
  });

  save(): void {
    const v = this.form.getRawValue();
    this.submit(this.form, () => this.api.createOpening({ title: v.title!, departmentId: v.departmentId, headcount: v.headcount!, description: null, status: 'Open' }));
  }
}

@Component({
  selector: 'bs-candidate-dialog',
  imports: IMPORTS,
  template: `
    <h2 mat-dialog-title>{{ 'hr.candidates.create' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        @for (field of fields; track field) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'hr.candidates.' + field | translate }}</mat-label>
            <input matInput [formControlName]="field" [attr.data-testid]="'candidate-' + field" />
            <mat-error><bs-field-error [control]="form.get(field)!" /></mat-error>
          </mat-form-field>
        }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="candidate-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: STYLES,
})
export class CandidateDialog extends SaveDialog {
  private readonly openingId = inject<string>(MAT_DIALOG_DATA);
  private readonly api = inject(HrApi);
  protected readonly fields = ['name', 'email', 'phone'] as const;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    phone: ['', Validators.maxLength(32)],
  });

  save(): void {
    const v = this.form.getRawValue();
    this.submit(this.form, () => this.api.createCandidate({ ...v, phone: v.phone || null, openingId: this.openingId }));
  }
}

export interface OfferDialogData { candidateId: string; position: string; departmentId: string | null; departments: Department[]; employees: Employee[]; }

/** The offer goes to OA for approval as soon as it is sent. */
@Component({
  selector: 'bs-offer-dialog',
  imports: IMPORTS,
  template: `
    <h2 mat-dialog-title>{{ 'hr.offer.create' | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.offer.monthlySalary' | translate }} (CNY)</mat-label>
          <input matInput type="number" formControlName="monthlySalary" data-testid="offer-salary" />
          <mat-error><bs-field-error [control]="form.controls.monthlySalary" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.offer.startDate' | translate }}</mat-label>
          <input matInput type="date" formControlName="startDate" data-testid="offer-start" />
          <mat-error><bs-field-error [control]="form.controls.startDate" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.employees.position' | translate }}</mat-label>
          <input matInput formControlName="position" data-testid="offer-position" />
          <mat-error><bs-field-error [control]="form.controls.position" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.employees.department' | translate }}</mat-label>
          <mat-select formControlName="departmentId" data-testid="offer-department">
            <mat-option [value]="null">—</mat-option>
            @for (d of data.departments; track d.id) { <mat-option [value]="d.id">{{ d.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'hr.employees.manager' | translate }}</mat-label>
          <mat-select formControlName="managerId" data-testid="offer-manager">
            <mat-option [value]="null">—</mat-option>
            @for (e of data.employees; track e.id) { <mat-option [value]="e.id">{{ e.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="offer-save">{{ 'hr.offer.submit' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: STYLES,
})
export class OfferDialog extends SaveDialog {
  protected readonly data = inject<OfferDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(HrApi);
  protected readonly form = inject(FormBuilder).group({
    monthlySalary: [null as number | null, [Validators.required, Validators.min(1)]],
    startDate: ['', Validators.required],
    position: [this.data.position, [Validators.required, Validators.maxLength(100)]],
    departmentId: [this.data.departmentId],
    managerId: [null as string | null],
  });

  save(): void {
    const v = this.form.getRawValue();
    this.submit(this.form, () => this.api.makeOffer(this.data.candidateId,
      { monthlySalary: v.monthlySalary!, startDate: v.startDate!, position: v.position!, departmentId: v.departmentId, managerId: v.managerId }));
  }
}
