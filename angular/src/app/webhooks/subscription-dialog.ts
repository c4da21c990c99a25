import { Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../core/problem';
import { WebhookEventType, WebhookSubscription, WebhooksApi } from './webhooks.api';

/** Without a secret: creates or edits a subscription. With one (a new subscription or a rotated secret): shows it once to copy. */
export interface SubscriptionDialogData { subscription?: WebhookSubscription; secret?: string; }

@Component({
  selector: 'bs-subscription-dialog',
  imports: [MatDialogModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatSlideToggleModule, MatButtonModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ (secret() ? 'webhooks.secret' : data.subscription ? 'webhooks.edit' : 'webhooks.create') | translate }}</h2>
    <mat-dialog-content>
      @if (secret()) {
        <p>{{ 'webhooks.copySecret' | translate }}</p>
        <code class="secret" data-testid="webhook-secret">{{ secret() }}</code>
      } @else {
        <form [formGroup]="form">
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'webhooks.url' | translate }}</mat-label>
            <input matInput formControlName="url" placeholder="https://" data-testid="webhook-url" />
            <mat-hint>{{ 'webhooks.urlHint' | translate }}</mat-hint>
            @if (form.controls.url.errors?.['server']; as message) { <mat-error>{{ message }}</mat-error> }
          </mat-form-field>
          <mat-form-field appearance="outline" class="wide">
            <mat-label>{{ 'webhooks.description' | translate }}</mat-label>
            <input matInput formControlName="description" data-testid="webhook-description" />
          </mat-form-field>
          <mat-slide-toggle formControlName="isEnabled" data-testid="webhook-enabled">{{ 'webhooks.enabled' | translate }}</mat-slide-toggle>
        </form>
        <p>{{ 'webhooks.eventTypes' | translate }}</p>
        <div class="types">
          @for (t of types(); track t.name) {
            <mat-checkbox [checked]="chosen().has(t.name)" (change)="toggle(t.name, $event.checked)" [attr.data-testid]="'webhook-type-' + t.name">
              <code>{{ t.name }}</code>
            </mat-checkbox>
          }
        </div>
        @if (error()) { <p class="error" role="alert" data-testid="webhook-error">{{ error() | translate }}</p> }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (secret()) {
        <button mat-flat-button [mat-dialog-close]="true" data-testid="webhook-done">{{ 'common.close' | translate }}</button>
      } @else {
        <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button (click)="save()" [disabled]="busy()" data-testid="webhook-save">{{ 'common.save' | translate }}</button>
      }
    </mat-dialog-actions>
  `,
  styles: `.wide { width: 100%; } .types { display: grid; grid-template-columns: 1fr 1fr; } .secret { display: block; padding: 8px; background: #f3f3f3; word-break: break-all; }
    .error { color: #b3261e; }`,
})
export class SubscriptionDialog implements OnInit {
  private readonly api = inject(WebhooksApi);
  private readonly ref = inject(MatDialogRef<SubscriptionDialog>);
  protected readonly data = inject<SubscriptionDialogData>(MAT_DIALOG_DATA);
  protected readonly form = new FormGroup({
    url: new FormControl(this.data.subscription?.url ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(500)] }),
    description: new FormControl(this.data.subscription?.description ?? '', { nonNullable: true, validators: [Validators.maxLength(200)] }),
    isEnabled: new FormControl(this.data.subscription?.isEnabled ?? true, { nonNullable: true }),
  });
  protected readonly types = signal<WebhookEventType[]>([]);
  protected readonly chosen = signal(new Set(this.data.subscription?.eventTypes ?? []));
  protected readonly secret = signal(this.data.secret ?? '');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void {
    if (!this.secret()) this.api.eventTypes().subscribe(types => this.types.set(types));
  }

  toggle(name: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(name); else next.delete(name);
    this.chosen.set(next);
  }

  save(): void {
    this.busy.set(true);
    this.error.set('');
    const value = this.form.getRawValue();
    const request = { url: value.url.trim(), description: value.description.trim() || null, eventTypes: [...this.chosen()], isEnabled: value.isEnabled };
    const existing = this.data.subscription;
    const done = { error: (error: unknown) => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); } };
    if (existing) {
      this.api.update(existing.id, request).subscribe({ ...done, next: () => this.ref.close(true) });
    } else {
      this.api.create(request).subscribe({ ...done, next: created => { this.secret.set(created.secret); this.busy.set(false); } });
    }
  }
}
