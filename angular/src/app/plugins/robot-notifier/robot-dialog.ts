import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { ROBOT_EVENTS, Robot, RobotEvent, RobotKind, RobotsApi } from './robots.api';

/** Adds or edits a group robot: its webhook, the DingTalk signing secret (write-only) and the events it announces. */
@Component({
  selector: 'bs-robot-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule,
    TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (robot ? 'robots.edit' : 'robots.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'robots.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="robot-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'robots.kind' | translate }}</mat-label>
          <mat-select formControlName="kind" data-testid="robot-kind">
            <mat-option value="WeCom">{{ 'robots.kinds.WeCom' | translate }}</mat-option>
            <mat-option value="DingTalk">{{ 'robots.kinds.DingTalk' | translate }}</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'robots.webhookUrl' | translate }}</mat-label>
          <input matInput formControlName="webhookUrl" data-testid="robot-webhook" [placeholder]="placeholder()" />
          <mat-error><bs-field-error [control]="form.controls.webhookUrl" /></mat-error>
        </mat-form-field>
        @if (form.controls.kind.value === 'DingTalk') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'robots.secret' | translate }}</mat-label>
            <input matInput formControlName="secret" type="password" autocomplete="off" data-testid="robot-secret"
              [placeholder]="(robot?.hasSecret ? 'robots.secretKept' : 'robots.secretNone') | translate" />
            <mat-hint>{{ 'robots.secretHint' | translate }}</mat-hint>
            <mat-error><bs-field-error [control]="form.controls.secret" /></mat-error>
          </mat-form-field>
        }
        <p>{{ 'robots.events' | translate }}</p>
        @for (e of events; track e) {
          <mat-checkbox [checked]="chosen().has(e)" (change)="toggle(e, $event.checked)" [attr.data-testid]="'robot-event-' + e">
            {{ 'robots.eventNames.' + e | translate }}
          </mat-checkbox>
        }
        <mat-checkbox formControlName="enabled" data-testid="robot-enabled">{{ 'robots.enabled' | translate }}</mat-checkbox>
        @if (error()) { <p class="error" role="alert" data-testid="robot-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="robot-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; min-width: 480px; } .error { color: #b3261e; }`,
})
export class RobotDialog {
  protected readonly robot = inject<Robot | null>(MAT_DIALOG_DATA);
  private readonly api = inject(RobotsApi);
  private readonly ref = inject(MatDialogRef<RobotDialog>);
  protected readonly events = ROBOT_EVENTS;
  protected readonly chosen = signal(new Set<RobotEvent>(this.robot?.events ?? ROBOT_EVENTS));
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.robot?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    kind: [(this.robot?.kind ?? 'WeCom') as RobotKind],
    webhookUrl: [this.robot?.webhookUrl ?? '', [Validators.required, Validators.maxLength(500)]],
    secret: [''],
    enabled: [this.robot?.enabled ?? true],
  });

  protected placeholder(): string {
    return this.form.controls.kind.value === 'WeCom'
      ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
      : 'https://oapi.dingtalk.com/robot/send?access_token=…';
  }

  toggle(event: RobotEvent, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(event); else next.delete(event);
    this.chosen.set(next);
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    // An empty secret field keeps the stored secret; a new robot without one has none.
    const body = { ...value, secret: value.kind === 'DingTalk' && value.secret ? value.secret : null, events: ROBOT_EVENTS.filter(e => this.chosen().has(e)) };
    (this.robot ? this.api.update(this.robot.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
