import { Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { Contract, ContractsApi } from './contracts.api';

@Component({
  selector: 'bs-reject-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatButtonModule, TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ 'contracts.rejectTitle' | translate: { number: contract.number } }}</h2>
    <mat-dialog-content>
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ 'contracts.comment' | translate }}</mat-label>
        <textarea matInput [formControl]="comment" rows="3" data-testid="reject-comment"></textarea>
        <mat-error><bs-field-error [control]="comment" /></mat-error>
      </mat-form-field>
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
      <button mat-flat-button (click)="save()" data-testid="reject-save">{{ 'contracts.reject' | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `.full { width: 100%; } .error { color: #b3261e; }`,
})
export class RejectDialog {
  protected readonly contract = inject<Contract>(MAT_DIALOG_DATA);
  private readonly api = inject(ContractsApi);
  private readonly ref = inject(MatDialogRef<RejectDialog>);
  protected readonly error = signal('');
  protected readonly comment = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(1000)] });

  save(): void {
    if (this.comment.invalid) { this.comment.markAsTouched(); return; }
    this.api.reject(this.contract.id, this.comment.value).subscribe({
      next: () => this.ref.close(true),
      error: error => this.error.set(problemMessage(error)),
    });
  }
}
