import { HttpClient } from '@angular/common/http';
import { Component, Injectable, Signal, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Dto } from '../core/api';
import { LanguageService } from '../core/language';
import { FieldError } from './field-error';

export type CustomField = Dto<'CustomFieldDto'>;
/** A kernel field's definition: what custom fields and approval-form fields share. */
export type FieldSpec = Dto<'FieldSpec'>;
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
export function customText(field: FieldSpec, value: unknown, language: string): string {
  if (value === null || value === undefined || value === '') return '—';
  const option = (v: unknown) => field.options?.find(o => o.value === v);
  if (field.type === 'SingleSelect') { const o = option(value); return o ? customLabel(o, language) : String(value); }
  if (field.type === 'MultiSelect' && Array.isArray(value)) return value.map(v => { const o = option(v); return o ? customLabel(o, language) : String(v); }).join(', ');
  if (field.type === 'Boolean') return value ? (language === 'en' ? 'Yes' : '是') : (language === 'en' ? 'No' : '否');
  return String(value);
}

/** One control per field, filled with the stored values (or the defaults for a new record); the server's check is the real one. */
export function customFieldGroup(fields: FieldSpec[], values: CustomValues | null): CustomFieldGroup {
  const group: CustomFieldGroup = new FormGroup({});
  for (const f of fields) {
    const validators: ValidatorFn[] = f.required && f.type !== 'Boolean' ? [Validators.required] : [];
    if (f.maxLength) validators.push(Validators.maxLength(f.maxLength));
    const value = values ? values[f.key] ?? null : f.defaultValue ?? null;
    group.addControl(f.key, new FormControl<unknown>(f.type === 'MultiSelect' ? value ?? [] : f.type === 'Boolean' ? value ?? false : value, validators));
  }
  return group;
}

/**
 * A record form's custom fields: loads the kind's fields, hands their controls (filled with `values`, or the defaults for a
 * new record) to `install`, which puts them into the form's nested `customFields` group — the server's 400 names them
 * `customFields.<key>`, where applyProblem finds them — and returns the fields for bs-custom-field-inputs.
 * Call it in an injection context (a field initialiser).
 */
export function formCustomFields(entityType: string, values: unknown, install: (group: CustomFieldGroup) => void): Signal<CustomField[]> {
  const fields = signal<CustomField[]>([]);
  inject(CustomFieldsApi).active(entityType).subscribe(loaded => {
    install(customFieldGroup(loaded, (values as CustomValues | null) ?? null));
    fields.set(loaded);
  });
  return fields.asReadonly();
}

/** The group's values as the API takes them: empty texts and lists left out. */
export function customFieldValues(group: CustomFieldGroup): CustomValues {
  return Object.fromEntries(Object.entries(group.getRawValue())
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/**
 * One kernel field's input, rendered from its spec (label and help in the UI language, required, options). Custom fields
 * of records and approval-form fields both use it; the server's field errors arrive on the control (`applyProblem`).
 */
@Component({
  selector: 'bs-field-input',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, FieldError],
  template: `
    @let f = spec();
    @let id = testId() + '-' + f.key;
    @switch (f.type) {
      @case ('Boolean') {
        <mat-checkbox [formControl]="control()" [attr.data-testid]="id">{{ label(f) }}</mat-checkbox>
        @if (control().errors?.['server']) { <p class="error" [attr.data-testid]="id + '-error'"><bs-field-error [control]="control()" /></p> }
      }
      @default {
        <mat-form-field appearance="outline" [class.wide]="f.type === 'LongText'">
          <mat-label>{{ label(f) }}</mat-label>
          @switch (f.type) {
            @case ('LongText') { <textarea matInput rows="3" [formControl]="control()" [attr.data-testid]="id"></textarea> }
            @case ('SingleSelect') {
              <mat-select [formControl]="control()" [attr.data-testid]="id">
                @if (!f.required) { <mat-option [value]="null">—</mat-option> }
                @for (o of f.options ?? []; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="id + '-' + o.value">{{ label(o) }}</mat-option> }
              </mat-select>
            }
            @case ('MultiSelect') {
              <mat-select multiple [formControl]="control()" [attr.data-testid]="id">
                @for (o of f.options ?? []; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="id + '-' + o.value">{{ label(o) }}</mat-option> }
              </mat-select>
            }
            @case ('User') {
              @if (people().length) {
                <mat-select [formControl]="control()" [attr.data-testid]="id">
                  @if (!f.required) { <mat-option [value]="null">—</mat-option> }
                  @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
                </mat-select>
              } @else { <input matInput [formControl]="control()" [attr.data-testid]="id" /> }
            }
            @default {
              <input matInput [type]="inputType(f)" [formControl]="control()" [attr.data-testid]="id" [attr.step]="f.type === 'Money' ? '0.01' : null" />
            }
          }
          @if (help(f)) { <mat-hint>{{ help(f) }}</mat-hint> }
          <mat-error [attr.data-testid]="id + '-error'"><bs-field-error [control]="control()" /></mat-error>
        </mat-form-field>
      }
    }
  `,
  styles: `:host { display: contents; } mat-form-field { width: 100%; } mat-checkbox { margin-bottom: 16px; } .error { color: #b3261e; margin: 0 0 8px; }`,
})
export class FieldInput {
  readonly spec = input.required<FieldSpec>();
  readonly control = input.required<FormControl<unknown>>();
  /** Choices for a user field; without them the field takes an id as text. */
  readonly people = input<{ id: string; name: string | null }[]>([]);
  /** Test ids are `<testId>-<key>` and `<testId>-<key>-<option>`. */
  readonly testId = input('custom');
  private readonly language = inject(LanguageService).current;

  protected label(item: { labelZh: string; labelEn: string }): string { return customLabel(item, this.language()); }
  protected help(f: FieldSpec): string | null | undefined { return this.language() === 'en' ? f.helpEn : f.helpZh; }
  protected inputType(f: FieldSpec): string {
    return f.type === 'Number' || f.type === 'Money' ? 'number' : f.type === 'Date' ? 'date' : 'text';
  }
}

/** The inputs of a record's custom fields, in their order, inside the record's form. */
@Component({
  selector: 'bs-custom-field-inputs',
  imports: [FieldInput],
  template: `@for (f of fields(); track f.key) { <bs-field-input [spec]="f" [control]="group().controls[f.key]" /> }`,
  styles: `:host { display: flex; flex-direction: column; }`,
})
export class CustomFieldInputs {
  readonly fields = input.required<FieldSpec[]>();
  readonly group = input.required<CustomFieldGroup>();
}

/** A custom filter of a list: one option of one custom select field (`?customField=level&customValue=A`). */
export type CustomFilter = { customField: string; customValue: string };

/**
 * A list page's custom fields of one kind of record: those marked "shown in the list" get a column (`custom.<key>`),
 * select fields a filter. Created in the page's field initialisers (it injects); the page passes `filter()` to its API.
 */
export class CustomFieldList {
  readonly fields = signal<CustomField[]>([]);
  readonly listFields = computed(() => this.fields().filter(f => f.showInList));
  readonly filter = signal<CustomFilter | null>(null);
  private readonly language = inject(LanguageService).current;

  constructor(entityType: string) {
    inject(CustomFieldsApi).active(entityType).subscribe(fields => this.fields.set(fields));
  }

  /** The page's columns with a column per list field after `before`. */
  columns(before: string[], after: string[]): string[] { return [...before, ...this.listFields().map(f => 'custom.' + f.key), ...after]; }

  label(f: CustomField): string { return customLabel(f, this.language()); }

  text(f: CustomField, record: { customFields: unknown }): string { return customText(f, (record.customFields as CustomValues)[f.key], this.language()); }
}

/** The list's filters by its kind's custom select fields; choosing one clears the others (the API filters by one). */
@Component({
  selector: 'bs-custom-field-filters',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    @for (f of selects(); track f.key) {
      <mat-form-field appearance="outline" class="filter" subscriptSizing="dynamic">
        <mat-label>{{ 'customFields.filterBy' | translate: { field: label(f) } }}</mat-label>
        <mat-select [value]="value()?.customField === f.key ? value()!.customValue : ''" (selectionChange)="pick(f, $event.value)"
                    [attr.data-testid]="testId() + '-filter-' + f.key">
          <mat-option value="">{{ 'customFields.any' | translate }}</mat-option>
          @for (o of f.options; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="testId() + '-filter-' + f.key + '-' + o.value">{{ label(o) }}</mat-option> }
        </mat-select>
      </mat-form-field>
    }
  `,
  styles: `.filter { margin: 0 8px 8px 0; min-width: 200px; }`,
})
export class CustomFieldFilters {
  readonly fields = input.required<CustomField[]>();
  readonly value = input<CustomFilter | null>(null);
  /** Test ids are `<testId>-filter-<key>[-<option>]`. */
  readonly testId = input.required<string>();
  readonly changed = output<CustomFilter | null>();
  private readonly language = inject(LanguageService).current;
  protected readonly selects = computed(() => this.fields().filter(f => f.type === 'SingleSelect' || f.type === 'MultiSelect'));

  protected label(item: { labelZh: string; labelEn: string }): string { return customLabel(item, this.language()); }
  protected pick(f: CustomField, value: string): void { this.changed.emit(value ? { customField: f.key, customValue: value } : null); }
}

/** A record's custom values as `<dt>`/`<dd>` pairs inside the detail page's own `<dl>`. */
@Component({
  selector: 'bs-custom-field-facts',
  template: `
    @for (f of fields(); track f.key) {
      <dt>{{ label(f) }}</dt><dd [attr.data-testid]="testId() + '-custom-' + f.key">{{ text(f) }}</dd>
    }
  `,
  // The page's own dt/dd styles do not reach into this component: the same muted labels here.
  styles: `:host { display: contents; } dt { color: #666; } dd { margin: 0; }`,
})
export class CustomFieldFacts {
  readonly fields = input.required<FieldSpec[]>();
  readonly values = input.required<unknown>();
  /** Test ids are `<testId>-custom-<key>`. */
  readonly testId = input.required<string>();
  private readonly language = inject(LanguageService).current;

  protected label(f: FieldSpec): string { return customLabel(f, this.language()); }
  protected text(f: FieldSpec): string { return customText(f, (this.values() as CustomValues | null)?.[f.key], this.language()); }
}
