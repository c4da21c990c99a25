import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { LeaveType, SelfServiceApi } from '../self-service.api';

/** Leave types (假期类型) and the days each employee gets per year; HR edits them in place. */
@Component({
  selector: 'bs-leave-types',
  imports: [ReactiveFormsModule, MatTableModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, TranslatePipe, FieldError],
  template: `
    <h2>{{ 'leave.types.title' | translate }}</h2>
    <table mat-table [dataSource]="types()" data-testid="leave-types">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'leave.types.name' | translate }}</th>
        <td mat-cell *matCellDef="let t">{{ t.name }}</td>
      </ng-container>
      <ng-container matColumnDef="yearlyDays">
        <th mat-header-cell *matHeaderCellDef>{{ 'leave.types.yearlyDays' | translate }}</th>
        <td mat-cell *matCellDef="let t">{{ t.yearlyDays }}</td>
      </ng-container>
      <ng-container matColumnDef="flags">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let t">{{ (t.paid ? 'leave.types.paid' : 'leave.types.unpaid') | translate }}{{ t.isActive ? '' : ' · ' + ('leave.types.inactive' | translate) }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let t"><button mat-button (click)="edit(t)">{{ 'common.edit' | translate }}</button></td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    <form [formGroup]="form" (ngSubmit)="save()" class="editor">
      <h3>{{ (editing() ? 'leave.types.edit' : 'leave.types.new') | translate }}</h3>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'leave.types.name' | translate }}</mat-label>
        <input matInput formControlName="name" data-testid="leave-type-name" />
        <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'leave.types.yearlyDays' | translate }}</mat-label>
        <input matInput type="number" step="0.5" formControlName="yearlyDays" data-testid="leave-type-days" />
        <mat-error><bs-field-error [control]="form.controls.yearlyDays" /></mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="paid">{{ 'leave.types.paid' | translate }}</mat-checkbox>
      <mat-checkbox formControlName="isActive">{{ 'leave.types.active' | translate }}</mat-checkbox>
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      <div>
        @if (editing()) { <button mat-button type="button" (click)="reset()">{{ 'common.cancel' | translate }}</button> }
        <button mat-flat-button type="submit" data-testid="leave-type-save">{{ 'common.save' | translate }}</button>
      </div>
    </form>
  `,
  styles: `table { width: 100%; max-width: 720px; } .editor { display: flex; flex-direction: column; max-width: 360px; margin-top: 24px; } .error { color: #b3261e; }`,
})
export class LeaveTypesPage implements OnInit {
  private readonly api = inject(SelfServiceApi);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['name', 'yearlyDays', 'flags', 'actions'];
  protected readonly types = signal<LeaveType[]>([]);
  protected readonly editing = signal<LeaveType | null>(null);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(50)]],
    yearlyDays: [5, [Validators.required, Validators.min(0), Validators.max(366)]],
    paid: [true],
    isActive: [true],
  });

  ngOnInit(): void { this.load(); }

  edit(type: LeaveType): void {
    this.editing.set(type);
    this.form.setValue({ name: type.name, yearlyDays: type.yearlyDays, paid: type.paid, isActive: type.isActive });
  }

  reset(): void {
    this.editing.set(null);
    this.form.reset();
  }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    const type = this.editing();
    const value = this.form.getRawValue();
    (type ? this.api.updateLeaveType(type.id, value) : this.api.createLeaveType(value)).subscribe({
      next: () => { this.reset(); this.load(); },
      error: e => this.error.set(applyProblem(this.form, e)),
    });
  }

  private load(): void { this.api.leaveTypes().subscribe({ next: t => this.types.set(t), error: e => this.notifier.error(e) }); }
}
