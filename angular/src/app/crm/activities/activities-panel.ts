import { Component, effect, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem, problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { FieldError } from '../../shared/field-error';
import { ACTIVITY_TYPES, ActivitiesApi, Activity, ActivityRegarding, ActivityType } from './activities.api';
import { Permissions } from '../../core/api/permissions';

const ICONS: Record<ActivityType, string> = { Call: 'call', Visit: 'directions_walk', Meeting: 'groups', Email: 'mail', Note: 'notes' };

/** The follow-up history (跟进记录) of one lead, customer, contact, opportunity or contract, with a form to log the next one. */
@Component({
  selector: 'bs-activities-panel',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, MatIconModule, DatePipe, TranslatePipe, FieldError],
  template: `
    @if (session.isGranted(Permissions.CrmActivitiesManage)) {
      <form [formGroup]="form" (ngSubmit)="log(formDir)" #formDir="ngForm" class="add" data-testid="activity-form">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="type">
          <mat-label>{{ 'activities.type' | translate }}</mat-label>
          <mat-select formControlName="type" data-testid="activity-type">
            @for (t of types; track t) { <mat-option [value]="t">{{ 'activities.types.' + t | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
          <mat-label>{{ 'activities.subject' | translate }}</mat-label>
          <input matInput formControlName="subject" data-testid="activity-subject" />
          <mat-error><bs-field-error [control]="form.controls.subject" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="grow">
          <mat-label>{{ 'activities.notes' | translate }}</mat-label>
          <input matInput formControlName="notes" data-testid="activity-notes" />
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="activity-save">{{ 'activities.log' | translate }}</button>
      </form>
      @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    }
    <ul class="items" data-testid="activity-list">
      @for (a of items(); track a.id) {
        <li>
          <mat-icon>{{ icon(a.type) }}</mat-icon>
          <div>
            <strong>{{ a.subject }}</strong> <small>· {{ 'activities.types.' + a.type | translate }} · {{ utc(a.occurredAt) | date: 'yyyy-MM-dd HH:mm' }}</small>
            @if (a.notes) { <div class="notes">{{ a.notes }}</div> }
          </div>
        </li>
      } @empty {
        <li class="empty">{{ 'activities.none' | translate }}</li>
      }
    </ul>
  `,
  styles: `
    .add { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
    .type { width: 130px; } .grow { flex: 1; min-width: 160px; }
    .items { list-style: none; padding: 0; margin: 0; }
    .items li { display: flex; gap: 8px; padding: 6px 0; border-bottom: 1px solid #eee; }
    .notes { color: #555; white-space: pre-wrap; } .empty { color: #666; } .error { color: #b3261e; }
  `,
})
export class ActivitiesPanel {
  protected readonly Permissions = Permissions;
  readonly regardingType = input.required<ActivityRegarding>();
  readonly regardingId = input.required<string>();
  protected readonly session = inject(Session);
  private readonly api = inject(ActivitiesApi);
  protected readonly types = ACTIVITY_TYPES;
  protected readonly items = signal<Activity[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    type: ['Call' as ActivityType, Validators.required],
    subject: ['', [Validators.required, Validators.maxLength(200)]],
    notes: ['', Validators.maxLength(4000)],
  });

  constructor() {
    effect(() => this.load(this.regardingType(), this.regardingId()));
  }

  protected icon(type: ActivityType): string { return ICONS[type]; }

  /** Stored times are UTC but read back without a zone (as on the audit page): mark them so the browser shows local time. */
  protected utc(value: string): string { return /(Z|[+-]\d\d:\d\d)$/i.test(value) ? value : value + 'Z'; }

  private load(type: ActivityRegarding, id: string): void {
    this.api.list(type, id).subscribe({
      next: page => this.items.set(page.items),
      error: error => this.error.set(problemMessage(error)),
    });
  }

  log(formDir: FormGroupDirective): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    const value = this.form.getRawValue();
    this.api.log({ ...value, notes: value.notes || null, occurredAt: null, regardingType: this.regardingType(), regardingId: this.regardingId() }).subscribe({
      next: () => {
        this.busy.set(false);
        // resetForm also clears the submitted state, so the emptied subject shows no error.
        formDir.resetForm({ type: value.type, subject: '', notes: '' });
        this.load(this.regardingType(), this.regardingId());
      },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
