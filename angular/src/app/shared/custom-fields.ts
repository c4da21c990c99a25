import { HttpClient } from '@angular/common/http';
import { Component, Injectable, inject, input } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Dto } from '../core/api';
import { LanguageService } from '../core/language';
import { FieldError } from './field-error';

export type CustomField = Dto<'CustomFieldDto'>;
export type FieldOption = Dto<'FieldOption'>;
export type CustomValues = Record<string, unknown>;
/** A record form's nested group of custom-field controls, keyed by field key. */
export type CustomFieldGroup = FormGroup<Record<string, FormControl<unknown>>>;

/** The tenant's custom fields of one kind of record (`crm.customer`), as the server defines and checks them. */
@Injectable({ providedIn: 'root' })
export class CustomFieldsApi {
  private readonly http = inject(HttpClient);
  active(entityType: string) { return this.http.get<CustomField[]>(`/api/custom-fields/${entityType}`); }
}

/** A field's or an option's label in the UI language. */
export function customLabel(item: { labelZh: string; labelEn: string }, language: string): string {
  return language === 'en' ? item.labelEn : item.labelZh;
}

/** A stored value as text: option labels, 是/否, lists joined; empty as an em dash. */
export function customText(field: CustomField, value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const option = (v: unknown) => field.options.find(o => o.value === v);
  if (field.type === 'SingleSelect') { const o = option(value); return o ? customLabel(o, language) : String(value); }
  if (field.type === 'MultiSelect' && Array.isArray(value)) return value.map(v => { const o = option(v); return o ? customLabel(o, language) : String(v); }).join(', ');
  if (field.type === 'Boolean') return value ? (language === 'en' ? 'Yes' : '是') : (language === 'en' ? 'No' : '否');
  return String(value);
}

/** One control per field, filled with the stored values (or the defaults for a new record); the server's check is the real one. */
export function customFieldGroup(fields: CustomField[], values: CustomValues | null): CustomFieldGroup {
  const group: CustomFieldGroup = new FormGroup({});
  for (const f of fields) {
    const validators: ValidatorFn[] = f.required && f.type !== 'Boolean' ? [Validators.required] : [];
    if (f.maxLength) validators.push(Validators.maxLength(f.maxLength));
    const value = values ? values[f.key] ?? null : f.defaultValue ?? null;
    group.addControl(f.key, new FormControl<unknown>(f.type === 'MultiSelect' ? value ?? [] : f.type === 'Boolean' ? value ?? false : value, validators));
  }
  return group;
}

/** The group's values as the API takes them: empty texts and lists left out. */
export function customFieldValues(group: CustomFieldGroup): CustomValues {
  return Object.fromEntries(Object.entries(group.getRawValue())
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/** The inputs of a record's custom fields, rendered from their definitions, inside the record's form. */
@Component({
  selector: 'bs-custom-field-inputs',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, FieldError],
  template: `
    <div [formGroup]="group()" class="custom">
      @for (f of fields(); track f.key) {
        @switch (f.type) {
          @case ('Boolean') {
            <mat-checkbox [formControlName]="f.key" [attr.data-testid]="'custom-' + f.key">{{ label(f) }}</mat-checkbox>
          }
          @case ('SingleSelect') {
            <mat-form-field appearance="outline">
              <mat-label>{{ label(f) }}</mat-label>
              <mat-select [formControlName]="f.key" [attr.data-testid]="'custom-' + f.key">
                @if (!f.required) { <mat-option [value]="null">—</mat-option> }
                @for (o of f.options; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="'custom-' + f.key + '-' + o.value">{{ label(o) }}</mat-option> }
              </mat-select>
              @if (help(f)) { <mat-hint>{{ help(f) }}</mat-hint> }
              <mat-error><bs-field-error [control]="group().controls[f.key]" /></mat-error>
            </mat-form-field>
          }
          @case ('MultiSelect') {
            <mat-form-field appearance="outline">
              <mat-label>{{ label(f) }}</mat-label>
              <mat-select multiple [formControlName]="f.key" [attr.data-testid]="'custom-' + f.key">
                @for (o of f.options; track o.value) { <mat-option [value]="o.value">{{ label(o) }}</mat-option> }
              </mat-select>
              @if (help(f)) { <mat-hint>{{ help(f) }}</mat-hint> }
              <mat-error><bs-field-error [control]="group().controls[f.key]" /></mat-error>
            </mat-form-field>
          }
          @case ('LongText') {
            <mat-form-field appearance="outline">
              <mat-label>{{ label(f) }}</mat-label>
              <textarea matInput rows="3" [formControlName]="f.key" [attr.data-testid]="'custom-' + f.key"></textarea>
              @if (help(f)) { <mat-hint>{{ help(f) }}</mat-hint> }
              <mat-error><bs-field-error [control]="group().controls[f.key]" /></mat-error>
            </mat-form-field>
          }
          @default {
            <mat-form-field appearance="outline">
              <mat-label>{{ label(f) }}</mat-label>
              <input matInput [type]="inputType(f)" [formControlName]="f.key" [attr.data-testid]="'custom-' + f.key"
                     [attr.step]="f.type === 'Money' ? '0.01' : null" />
              @if (help(f)) { <mat-hint>{{ help(f) }}</mat-hint> }
              <mat-error><bs-field-error [control]="group().controls[f.key]" /></mat-error>
            </mat-form-field>
          }
        }
      }
    </div>
  `,
  styles: `.custom { display: flex; flex-direction: column; } mat-checkbox { margin-bottom: 16px; }`,
})
export class CustomFieldInputs {
  readonly fields = input.required<CustomField[]>();
  readonly group = input.required<CustomFieldGroup>();
  private readonly language = inject(LanguageService).current;

  protected label(item: { labelZh: string; labelEn: string }): string { return customLabel(item, this.language()); }
  protected help(f: CustomField): string | null | undefined { return this.language() === 'en' ? f.helpEn : f.helpZh; }
  protected inputType(f: CustomField): string {
    return f.type === 'Number' || f.type === 'Money' ? 'number' : f.type === 'Date' ? 'date' : 'text';
  }
}
