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
import { CustomersApi } from '../customers/customers.api';
import { OpportunitiesApi, Opportunity, isClosed } from './opportunities.api';

export interface OpportunityDialogData { opportunity?: Opportunity; customerId?: string; }

/** Creates or edits an opportunity; a won or lost one is shown read-only with its activities. */
@Component({
  selector: 'bs-opportunity-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError,
    ActivitiesPanel],
  template: `
    <h2 mat-dialog-title>{{ (opportunity ? 'opportunities.edit' : 'opportunities.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="grid">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'opportunities.customer' | translate }}</mat-label>
            <mat-select formControlName="customerId" data-testid="opportunity-customer">
              @for (c of customers(); track c.id) { <mat-option [value]="c.id">{{ c.name }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.customerId" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'opportunities.name' | translate }}</mat-label>
            <input matInput formControlName="name" data-testid="opportunity-name" />
            <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'opportunities.amount' | translate }}</mat-label>
            <input matInput type="number" min="0" formControlName="amount" data-testid="opportunity-amount" />
            <mat-error><bs-field-error [control]="form.controls.amount" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'opportunities.probability' | translate }}</mat-label>
            <input matInput type="number" min="0" max="100" formControlName="probability" data-testid="opportunity-probability"
                   [placeholder]="'opportunities.probabilityDefault' | translate" />
            <mat-error><bs-field-error [control]="form.controls.probability" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'opportunities.expectedCloseDate' | translate }}</mat-label>
            <input matInput type="date" formControlName="expectedCloseDate" data-testid="opportunity-expectedCloseDate" />
          </mat-form-field>
        </div>
        @if (opportunity?.lostReason) { <p>{{ 'opportunities.lostReason' | translate }}: {{ opportunity!.lostReason }}</p> }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
        @if (opportunity) {
          <h3>{{ 'activities.title' | translate }}</h3>
          <bs-activities-panel regardingType="Opportunity" [regardingId]="opportunity.id" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        @if (!closed) {
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="opportunity-save">{{ 'common.save' | translate }}</button>
        }
      </mat-dialog-actions>
    </form>
  `,
  styles: `.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 12px; } .error { color: #b3261e; }`,
})
export class OpportunityDialog {
  private readonly data = inject<OpportunityDialogData>(MAT_DIALOG_DATA);
  protected readonly opportunity = this.data.opportunity;
  protected readonly closed = !!this.opportunity && isClosed(this.opportunity.stage);
  private readonly api = inject(OpportunitiesApi);
  private readonly ref = inject(MatDialogRef<OpportunityDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly customers = signal<{ id: string; name: string }[]>([]);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    customerId: [this.opportunity?.customerId ?? this.data.customerId ?? '', Validators.required],
    name: [this.opportunity?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    amount: [this.opportunity?.amount ?? 0, [Validators.required, Validators.min(0)]],
    probability: [this.opportunity?.probability ?? (null as number | null), [Validators.min(0), Validators.max(100)]],
    expectedCloseDate: [this.opportunity?.expectedCloseDate ?? ''],
  });

  constructor() {
    if (this.opportunity || this.data.customerId) this.form.controls.customerId.disable();
    if (this.closed) this.form.disable();
    inject(CustomersApi).list({ skip: 0, take: 1000 }).subscribe(page => this.customers.set(page.items));
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = { ...v, expectedCloseDate: v.expectedCloseDate || null, currency: this.opportunity?.currency ?? null, ownerId: this.opportunity?.ownerId ?? null };
    (this.opportunity ? this.api.update(this.opportunity.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
