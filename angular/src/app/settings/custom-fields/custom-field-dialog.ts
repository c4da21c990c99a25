import { Component, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Enum } from '../../core/api';
import { applyProblem } from '../../core/problem';
import { CustomField, FieldOption } from '../../shared/custom-fields';
import { FieldError } from '../../shared/field-error';
import { CustomFieldAdminApi, SaveCustomField } from './custom-fields.api';

type FieldType = Enum<'FieldType'>;
const TYPES: FieldType[] = ['Text', 'LongText', 'Number', 'Money', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect', 'User', 'Department'];

/** Adds or edits one custom field; the key is fixed once created, the server refuses a type its stored values would not fit. */
@Component({
  selector: 'bs-custom-field-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule, MatIconModule,
            TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (data.field ? 'customFields.edit' : 'customFields.add') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <div class="pair">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'customFields.labelZh' | translate }}</mat-label>
            <input matInput formControlName="labelZh" data-testid="custom-field-labelZh" />
            <mat-error><bs-field-error [control]="form.controls.labelZh" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'customFields.labelEn' | translate }}</mat-label>
            <input matInput formControlName="labelEn" data-testid="custom-field-labelEn" />
            <mat-error><bs-field-error [control]="form.controls.labelEn" /></mat-error>
          </mat-form-field>
        </div>
        <div class="pair">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'customFields.key' | translate }}</mat-label>
            <input matInput formControlName="key" data-testid="custom-field-key" />
            <mat-hint>{{ 'customFields.keyHint' | translate }}</mat-hint>
            <mat-error><bs-field-error [control]="form.controls.key" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'customFields.type' | translate }}</mat-label>
            <mat-select formControlName="type" data-testid="custom-field-type">
              @for (t of types; track t) { <mat-option [value]="t" [attr.data-testid]="'custom-field-type-' + t">{{ 'customFields.types.' + t | translate }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.type" /></mat-error>
          </mat-form-field>
        </div>
        <div class="checks">
          <mat-checkbox formControlName="required" data-testid="custom-field-required">{{ 'customFields.required' | translate }}</mat-checkbox>
          <mat-checkbox formControlName="showInList" data-testid="custom-field-showInList">{{ 'customFields.showInList' | translate }}</mat-checkbox>
          <mat-form-field appearance="outline" class="order">
            <mat-label>{{ 'customFields.order' | translate }}</mat-label>
            <input matInput type="number" formControlName="order" />
          </mat-form-field>
        </div>
        @if (isSelect()) {
          <h3>{{ 'customFields.options' | translate }}</h3>
          @for (option of options.controls; track option; let i = $index) {
            <div class="option" [formGroup]="option">
              <mat-form-field appearance="outline"><mat-label>{{ 'customFields.optionValue' | translate }}</mat-label>
                <input matInput formControlName="value" [attr.data-testid]="'custom-option-value-' + i" /></mat-form-field>
              <mat-form-field appearance="outline"><mat-label>{{ 'customFields.labelZh' | translate }}</mat-label>
                <input matInput formControlName="labelZh" [attr.data-testid]="'custom-option-labelZh-' + i" /></mat-form-field>
              <mat-form-field appearance="outline"><mat-label>{{ 'customFields.labelEn' | translate }}</mat-label>
                <input matInput formControlName="labelEn" [attr.data-testid]="'custom-option-labelEn-' + i" /></mat-form-field>
              <button mat-icon-button type="button" (click)="options.removeAt(i)" [attr.aria-label]="'customFields.removeOption' | translate"><mat-icon>close</mat-icon></button>
            </div>
          }
          <div><button mat-button type="button" (click)="addOption()" data-testid="custom-option-add"><mat-icon>add</mat-icon>{{ 'customFields.addOption' | translate }}</button></div>
        }
        @if (isNumber()) {
          <div class="pair">
            <mat-form-field appearance="outline"><mat-label>{{ 'customFields.min' | translate }}</mat-label><input matInput type="number" formControlName="min" /></mat-form-field>
            <mat-form-field appearance="outline"><mat-label>{{ 'customFields.max' | translate }}</mat-label><input matInput type="number" formControlName="max" />
              <mat-error><bs-field-error [control]="form.controls.max" /></mat-error></mat-form-field>
          </div>
        }
        @if (isText()) {
          <mat-form-field appearance="outline"><mat-label>{{ 'customFields.maxLength' | translate }}</mat-label><input matInput type="number" formControlName="maxLength" />
            <mat-error><bs-field-error [control]="form.controls.maxLength" /></mat-error></mat-form-field>
        }
        <div class="pair">
          <mat-form-field appearance="outline"><mat-label>{{ 'customFields.helpZh' | translate }}</mat-label><input matInput formControlName="helpZh" /></mat-form-field>
          <mat-form-field appearance="outline"><mat-label>{{ 'customFields.helpEn' | translate }}</mat-label><input matInput formControlName="helpEn" /></mat-form-field>
        </div>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="custom-field-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; } .pair, .option, .checks { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
    .pair mat-form-field { flex: 1 1 200px; } .option mat-form-field { flex: 1 1 120px; } .order { width: 120px; }
    h3 { margin: 8px 0; font-size: 14px; } .error { color: #b3261e; }
  `,
})
export class CustomFieldDialog {
  protected readonly data = inject<{ entityType: string; field: CustomField | null }>(MAT_DIALOG_DATA);
  private readonly api = inject(CustomFieldAdminApi);
  private readonly ref = inject(MatDialogRef<CustomFieldDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly types = TYPES;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  private readonly field = this.data.field;
  protected readonly form = this.fb.group({
    key: [{ value: this.field?.key ?? '', disabled: !!this.field }, [Validators.required, Validators.pattern(/^[a-z][a-zA-Z0-9_]{0,39}$/)]],
    type: [this.field?.type ?? ('Text' as FieldType), Validators.required],
    labelZh: [this.field?.labelZh ?? '', [Validators.required, Validators.maxLength(100)]],
    labelEn: [this.field?.labelEn ?? '', [Validators.required, Validators.maxLength(100)]],
    required: [this.field?.required ?? false],
    showInList: [this.field?.showInList ?? false],
    order: [this.field?.order ?? 0],
    helpZh: [this.field?.helpZh ?? ''],
    helpEn: [this.field?.helpEn ?? ''],
    min: [this.field?.min ?? (null as number | null)],
    max: [this.field?.max ?? (null as number | null)],
    maxLength: [this.field?.maxLength ?? (null as number | null)],
    options: this.fb.array((this.field?.options ?? []).map(o => this.option(o.value, o.labelZh, o.labelEn))),
  });

  protected get options(): FormArray<FormGroup> { return this.form.controls.options as unknown as FormArray<FormGroup>; }
  protected isSelect(): boolean { return ['SingleSelect', 'MultiSelect'].includes(this.form.controls.type.value); }
  protected isNumber(): boolean { return ['Number', 'Money'].includes(this.form.controls.type.value); }
  protected isText(): boolean { return ['Text', 'LongText'].includes(this.form.controls.type.value); }

  protected addOption(): void { this.options.push(this.option('', '', '')); }

  private option(value: string, labelZh: string, labelEn: string): FormGroup {
    return this.fb.group({ value: [value, Validators.required], labelZh: [labelZh, Validators.required], labelEn: [labelEn, Validators.required] });
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    const v = this.form.getRawValue();
    // Only what the type uses: the server refuses options on a text field and bounds on a date.
    const body: SaveCustomField = {
      key: v.key.trim(), type: v.type, labelZh: v.labelZh, labelEn: v.labelEn, required: v.required, showInList: v.showInList, order: v.order ?? 0,
      helpZh: v.helpZh || null, helpEn: v.helpEn || null,
      options: this.isSelect() ? (v.options as FieldOption[]) : [],
      min: this.isNumber() ? v.min : null, max: this.isNumber() ? v.max : null, maxLength: this.isText() ? v.maxLength : null,
    };
    this.busy.set(true);
    const call = this.field ? this.api.update(this.data.entityType, this.field.id, body) : this.api.create(this.data.entityType, body);
    call.subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
