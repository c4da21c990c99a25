import { Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { FieldError } from './field-error';

export interface ReasonRequest { titleKey: string; params?: object; labelKey: string; submitKey: string; }

/** Asks why (disqualifying a lead, losing a deal, terminating a contract); the caller sends it. */
@Component({
  selector: 'bs-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ data.titleKey | translate: data.params }}</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ data.labelKey | translate }}</mat-label>
        <textarea matInput [formControl]="reason" rows="3" data-testid="reason-input"></textarea>
        <mat-error><bs-field-error [control]="reason" /></mat-error>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button (click)="save()" data-testid="reason-save">{{ data.submitKey | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `.full { width: 100%; }`,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonRequest>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReasonDialog>);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(1000)] });

  save(): void {
    if (this.reason.invalid || !this.reason.value.trim()) { this.reason.setErrors({ required: true }); this.reason.markAsTouched(); return; }
    this.ref.close(this.reason.value.trim());
  }
}

/** The reason typed in, or undefined when cancelled. */
export function askReason(dialog: MatDialog, request: ReasonRequest): Observable<string | undefined> {
  return dialog.open(ReasonDialog, { data: request, width: '420px' }).afterClosed();
}
