import { HttpClient } from '@angular/common/http';
import { Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { applyProblem, problemMessage } from '../core/problem';
import { FieldError } from '../shared/field-error';

interface Setting { name: string; displayName: string; value: string; defaultValue: string; isSecret: boolean; }

/** The tenant's settings (or the host's defaults for every tenant when signed in on the host side). */
@Component({
  selector: 'bs-settings',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, MatCheckboxModule, MatProgressBarModule, TranslatePipe, FieldError],
  template: `
    <h2>{{ 'settings.title' | translate }}</h2>
    @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <form [formGroup]="form" (ngSubmit)="save()" class="fields">
      @for (setting of settings(); track setting.name) {
        @if (isFlag(setting)) {
          <mat-checkbox [checked]="form.controls[setting.name].value === 'true'" (change)="flag(setting, $event.checked)"
                        [attr.data-testid]="'setting-' + setting.name">{{ setting.displayName }}</mat-checkbox>
        } @else {
          <!-- The name above the field rather than as its floating label: a long name would widen a phone's page. -->
          <label class="name" [for]="'setting-' + setting.name">{{ setting.displayName }}</label>
          <mat-form-field appearance="outline">
            <input matInput [id]="'setting-' + setting.name" [formControlName]="setting.name" [type]="setting.isSecret ? 'password' : 'text'" [attr.data-testid]="'setting-' + setting.name" />
            @if (!setting.isSecret) { <mat-hint>{{ 'settings.default' | translate: { value: setting.defaultValue } }}</mat-hint> }
            <mat-error><bs-field-error [control]="form.controls[setting.name]" /></mat-error>
          </mat-form-field>
        }
      }
      @if (settings().length > 0) {
        <div><button mat-flat-button type="submit" [disabled]="busy()" data-testid="settings-save">{{ 'common.save' | translate }}</button></div>
      }
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; max-width: 480px; gap: 8px; } .name { color: #444; margin-bottom: -4px; } .error { color: #b3261e; }`,
})
export class SettingsPage implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly snack = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly settings = signal<Setting[]>([]);
  protected readonly busy = signal(true);
  protected readonly error = signal('');
  protected readonly form = new FormRecord<FormControl<string>>({});

  ngOnInit(): void {
    this.http.get<Setting[]>('/api/settings').subscribe({
      next: settings => {
        // Empty is a value some settings allow (no SMTP server yet); the server checks each setting's own rule.
        for (const s of settings) this.form.setControl(s.name, new FormControl(s.value, { nonNullable: true }));
        this.settings.set(settings);
        this.busy.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }

  /** A yes/no setting (its default is "true" or "false"): a checkbox that stores the same words. */
  protected isFlag(setting: Setting): boolean { return setting.defaultValue === 'true' || setting.defaultValue === 'false'; }

  protected flag(setting: Setting, on: boolean): void {
    const control = this.form.controls[setting.name];
    control.setValue(on ? 'true' : 'false');
    control.markAsDirty();
  }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    const changed = Object.fromEntries(Object.entries(this.form.controls).filter(([, c]) => c.dirty).map(([name, c]) => [name, c.value.trim()]));
    this.busy.set(true);
    this.http.put('/api/settings', changed).subscribe({
      next: () => {
        this.form.markAsPristine();
        this.busy.set(false);
        this.snack.open(this.translate.instant('settings.saved'), undefined, { duration: 3000 });
      },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
