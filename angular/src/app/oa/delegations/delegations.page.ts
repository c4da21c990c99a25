import { Component, OnInit, computed, inject, signal, viewChild } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { FieldError } from '../../shared/field-error';
import { Delegation, OaApi, UserRef } from '../oa.api';

/**
 * 委托: while away, a user hands the approvals that reach them to a substitute for a period; the items then wait in the
 * substitute's inbox and the history says "X for Y". Leave approved by HR adds one by itself (shown as such here).
 */
@Component({
  selector: 'bs-delegations',
  imports: [ReactiveFormsModule, FieldError, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatTableModule, DatePipe, TranslatePipe],
  template: `
    <h2>{{ 'oa.delegations.title' | translate }}</h2>
    <p class="hint">{{ 'oa.delegations.hint' | translate }}</p>
    <form [formGroup]="form" (ngSubmit)="create()" class="form">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'oa.delegations.substitute' | translate }}</mat-label>
        <mat-select formControlName="substituteUserId" data-testid="delegation-substitute">
          @for (p of people(); track p.id) { <mat-option [value]="p.id" [attr.data-testid]="'substitute-' + p.name">{{ p.name }}</mat-option> }
        </mat-select>
        <mat-error><bs-field-error [control]="form.controls.substituteUserId" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'oa.delegations.startsAt' | translate }}</mat-label>
        <input matInput type="datetime-local" formControlName="startsAt" data-testid="delegation-starts" />
        <mat-error><bs-field-error [control]="form.controls.startsAt" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'oa.delegations.endsAt' | translate }}</mat-label>
        <input matInput type="datetime-local" formControlName="endsAt" data-testid="delegation-ends" />
        <mat-error data-testid="delegation-ends-error"><bs-field-error [control]="form.controls.endsAt" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline" class="reason">
        <mat-label>{{ 'oa.delegations.reason' | translate }}</mat-label>
        <input matInput formControlName="reason" data-testid="delegation-reason" />
        <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy() || form.invalid" data-testid="delegation-create">{{ 'oa.delegations.create' | translate }}</button>
    </form>
    @if (error()) { <p class="error" role="alert" data-testid="delegation-error">{{ error() | translate }}</p> }

    <div class="scroll">
    <table mat-table [dataSource]="items()" data-testid="delegations-table">
      <ng-container matColumnDef="from">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.delegations.from' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.userName }}</td>
      </ng-container>
      <ng-container matColumnDef="substitute">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.delegations.substitute' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.substituteName }}</td>
      </ng-container>
      <ng-container matColumnDef="period">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.delegations.period' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.startsAt | date: 'yyyy-MM-dd HH:mm' }} – {{ d.endsAt | date: 'yyyy-MM-dd HH:mm' }}</td>
      </ng-container>
      <ng-container matColumnDef="reason">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.delegations.reason' | translate }}</th>
        <td mat-cell *matCellDef="let d">{{ d.leaveRequestId ? ('oa.delegations.fromLeave' | translate) : d.reason }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let d">
          @if (d.cancelledAt) { {{ 'oa.delegations.cancelled' | translate }} }
          @else if (d.userId === me()) {
            <button mat-button (click)="cancel(d)" [disabled]="busy()" [attr.data-testid]="'delegation-cancel-' + d.substituteName">{{ 'oa.delegations.cancel' | translate }}</button>
          }
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    </div>
    @if (items().length === 0) { <p class="hint" data-testid="delegations-empty">{{ 'oa.delegations.empty' | translate }}</p> }
  `,
  styles: `
    .hint { color: #666; }
    .form { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .form mat-form-field { flex: 1 1 200px; }
    .error { color: #b3261e; }
    .scroll { overflow-x: auto; }
    table { width: 100%; min-width: 640px; } /* on a phone the period and reason scroll beside the names */
  `,
})
export class DelegationsPage implements OnInit {
  private readonly api = inject(OaApi);
  private readonly session = inject(Session);
  protected readonly me = computed(() => this.session.me()?.id);
  protected readonly items = signal<Delegation[]>([]);
  protected readonly people = signal<UserRef[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly columns = ['from', 'substitute', 'period', 'reason', 'actions'];
  protected readonly form = inject(FormBuilder).nonNullable.group({
    substituteUserId: ['', Validators.required],
    startsAt: ['', Validators.required],
    endsAt: ['', Validators.required],
    reason: [''],
  });

  ngOnInit(): void {
    this.load();
    this.api.people().subscribe(people => this.people.set(people));
  }

  create(): void {
    const v = this.form.getRawValue();
    this.run(this.api.createDelegation({
      substituteUserId: v.substituteUserId,
      startsAt: new Date(v.startsAt).toISOString(),
      endsAt: new Date(v.endsAt).toISOString(),
      documentTypes: [], // every document type
      reason: v.reason.trim() || null,
    }), () => this.formDirective().resetForm());
  }

  cancel(d: Delegation): void { this.run(this.api.cancelDelegation(d.id)); }

  private run(call: Observable<unknown>, done?: () => void): void {
    this.busy.set(true);
    this.error.set('');
    call.subscribe({
      next: () => { this.busy.set(false); done?.(); this.load(); },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }

  private load(): void { this.api.delegations().subscribe(items => this.items.set(items)); }
}
