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
import { ActivitiesPanel } from '../activities/activities-panel';
import { LEAD_SOURCES, Lead, LeadSource, LeadStatus, LeadsApi } from './leads.api';

@Component({
  selector: 'bs-lead-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError,
    ActivitiesPanel],
  template: `
    <h2 mat-dialog-title>{{ (lead ? 'leads.edit' : 'leads.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="grid">
          @for (field of textFields; track field) {
            <mat-form-field appearance="outline">
              <mat-label>{{ 'leads.' + field | translate }}</mat-label>
              <input matInput [formControlName]="field" [attr.data-testid]="'lead-' + field" />
              <mat-error><bs-field-error [control]="form.get(field)!" /></mat-error>
            </mat-form-field>
          }
          <mat-form-field appearance="outline">
            <mat-label>{{ 'leads.source' | translate }}</mat-label>
            <mat-select formControlName="source" data-testid="lead-source">
              @for (s of sources; track s) { <mat-option [value]="s">{{ 'leads.sources.' + s | translate }}</mat-option> }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'common.status' | translate }}</mat-label>
            <mat-select formControlName="status" data-testid="lead-status">
              @for (s of statuses; track s) { <mat-option [value]="s">{{ 'leads.status.' + s | translate }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.status" /></mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'leads.notes' | translate }}</mat-label>
          <textarea matInput formControlName="notes" rows="2" data-testid="lead-notes"></textarea>
          <mat-error><bs-field-error [control]="form.controls.notes" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
        @if (lead) {
          <h3>{{ 'activities.title' | translate }}</h3>
          <bs-activities-panel regardingType="Lead" [regardingId]="lead.id" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="lead-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; } .full { width: 100%; } .error { color: #b3261e; }`,
})
export class LeadDialog {
  protected readonly lead = inject<Lead | null>(MAT_DIALOG_DATA);
  private readonly api = inject(LeadsApi);
  private readonly ref = inject(MatDialogRef<LeadDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly textFields = ['name', 'contactPerson', 'phone', 'email'] as const;
  protected readonly sources = LEAD_SOURCES;
  // Qualified and disqualified come from their own actions.
  protected readonly statuses: LeadStatus[] = ['New', 'Contacted'];
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.lead?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    contactPerson: [this.lead?.contactPerson ?? '', [Validators.required, Validators.maxLength(100)]],
    phone: [this.lead?.phone ?? '', Validators.maxLength(32)],
    email: [this.lead?.email ?? '', [Validators.email, Validators.maxLength(200)]],
    source: [this.lead?.source ?? ('Website' as LeadSource), Validators.required],
    status: [this.lead?.status ?? ('New' as LeadStatus)],
    notes: [this.lead?.notes ?? '', Validators.maxLength(2000)],
  });

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = { ...v, phone: v.phone || null, email: v.email || null, notes: v.notes || null, ownerId: this.lead?.ownerId ?? null };
    (this.lead ? this.api.update(this.lead.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
