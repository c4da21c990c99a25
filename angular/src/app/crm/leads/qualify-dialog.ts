import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { Lead, LeadsApi } from './leads.api';

/** Turns a lead into a customer, its primary contact and an opportunity, all at once on the server. */
@Component({
  selector: 'bs-qualify-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'leads.qualifyTitle' | translate: { name: lead.name } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <p class="hint">{{ 'leads.qualifyHint' | translate }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'leads.opportunityName' | translate }}</mat-label>
          <input matInput formControlName="opportunityName" data-testid="qualify-opportunityName" />
          <mat-error><bs-field-error [control]="form.controls.opportunityName" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'opportunities.amount' | translate }}</mat-label>
          <input matInput type="number" min="0" formControlName="amount" data-testid="qualify-amount" />
          <mat-error><bs-field-error [control]="form.controls.amount" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'opportunities.expectedCloseDate' | translate }}</mat-label>
          <input matInput type="date" formControlName="expectedCloseDate" data-testid="qualify-expectedCloseDate" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'customers.creditCode' | translate }}</mat-label>
          <input matInput formControlName="creditCode" data-testid="qualify-creditCode" />
          <mat-error><bs-field-error [control]="form.controls.creditCode" /></mat-error>
        </mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="qualify-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="qualify-save">{{ 'leads.qualify' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .hint { color: #555; margin-top: 0; } .error { color: #b3261e; }`,
})
export class QualifyDialog {
  protected readonly lead = inject<Lead>(MAT_DIALOG_DATA);
  private readonly api = inject(LeadsApi);
  private readonly ref = inject(MatDialogRef<QualifyDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    opportunityName: [this.lead.name, Validators.maxLength(200)],
    amount: [null as number | null, Validators.min(0)],
    expectedCloseDate: [''],
    creditCode: ['', Validators.pattern(/^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/)],
  });

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    this.api.qualify(this.lead.id, {
      opportunityName: v.opportunityName || null, amount: v.amount, expectedCloseDate: v.expectedCloseDate || null, creditCode: v.creditCode || null,
    }).subscribe({
      next: qualified => this.ref.close(qualified),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
