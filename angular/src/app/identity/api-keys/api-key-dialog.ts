import { Component, computed, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { ApiKeysApi } from './api-keys.api';

/** Names a key and picks its permissions among the admin's own; after saving, shows the key once to copy. */
@Component({
  selector: 'bs-api-key-dialog',
  imports: [MatDialogModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatButtonModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'apiKeys.create' | translate }}</h2>
    <mat-dialog-content>
      @if (key()) {
        <p>{{ 'apiKeys.copyNow' | translate }}</p>
        <code class="key" data-testid="api-key-value">{{ key() }}</code>
      } @else {
        <mat-form-field appearance="outline" class="name">
          <mat-label>{{ 'apiKeys.name' | translate }}</mat-label>
          <input matInput [formControl]="name" data-testid="api-key-name" />
        </mat-form-field>
        <p>{{ 'apiKeys.scopes' | translate }}</p>
        @for (p of available(); track p) {
          <div><mat-checkbox [checked]="chosen().has(p)" (change)="toggle(p, $event.checked)" [attr.data-testid]="'api-key-perm-' + p">{{ p }}</mat-checkbox></div>
        }
        @if (error()) { <p class="error" role="alert" data-testid="api-key-error">{{ error() | translate }}</p> }
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (key()) {
        <button mat-flat-button [mat-dialog-close]="true" data-testid="api-key-done">{{ 'common.close' | translate }}</button>
      } @else {
        <button mat-button mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button (click)="save()" [disabled]="busy()" data-testid="api-key-save">{{ 'common.save' | translate }}</button>
      }
    </mat-dialog-actions>
  `,
  styles: `.name { width: 100%; } .key { display: block; padding: 8px; background: #f3f3f3; word-break: break-all; } .error { color: #b3261e; }`,
})
export class ApiKeyDialog {
  private readonly api = inject(ApiKeysApi);
  private readonly session = inject(Session);
  protected readonly name = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(64)] });
  protected readonly available = computed(() => [...this.session.permissions()].sort());
  protected readonly chosen = signal(new Set<string>());
  protected readonly key = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  toggle(permission: string, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(permission); else next.delete(permission);
    this.chosen.set(next);
  }

  save(): void {
    this.busy.set(true);
    this.api.create(this.name.value.trim(), [...this.chosen()]).subscribe({
      next: created => { this.key.set(created.key); this.busy.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }
}
