import { Component, inject, signal } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { ApprovalForm, FieldSpec, FieldType, FormField, FormFieldKind, OaApi, SaveForm } from '../oa.api';

/** What the designer offers per field: a kernel value type, or an attachment, or a table of lines. */
type DesignerType = FieldType | 'Attachment' | 'Table';
const VALUE_TYPES: FieldType[] = ['Text', 'LongText', 'Number', 'Money', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect', 'User', 'Department'];

/**
 * Designs a custom approval form (通用审批): code, names, fields (kernel types, attachment, table with columns and a sum) and the
 * field the flow's amount conditions read. Options are typed one per line as `value` or `value=中文/English`.
 */
@Component({
  selector: 'bs-form-designer',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule, MatIconModule,
    TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (form0 ? 'oa.forms.edit' : 'oa.forms.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        @if (form0?.versionInUse) { <p class="hint" data-testid="form-new-version">{{ 'oa.forms.newVersionHint' | translate: { version: form0!.version } }}</p> }
        <div class="row">
          <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.code' | translate }}</mat-label>
            <input matInput formControlName="code" data-testid="form-code" /><mat-error><bs-field-error [control]="form.controls.code" /></mat-error></mat-form-field>
          <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'oa.forms.nameZh' | translate }}</mat-label>
            <input matInput formControlName="nameZh" data-testid="form-name-zh" /><mat-error><bs-field-error [control]="form.controls.nameZh" /></mat-error></mat-form-field>
          <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'oa.forms.nameEn' | translate }}</mat-label>
            <input matInput formControlName="nameEn" data-testid="form-name-en" /><mat-error><bs-field-error [control]="form.controls.nameEn" /></mat-error></mat-form-field>
        </div>
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.forms.description' | translate }}</mat-label>
          <input matInput formControlName="description" /></mat-form-field>
        <h3>{{ 'oa.forms.fields' | translate }}</h3>
        @for (f of fields.controls; track f; let i = $index) {
          <div class="field" [formGroup]="f" [attr.data-testid]="'form-field-' + i">
            <div class="row">
              <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.key' | translate }}</mat-label>
                <input matInput formControlName="key" [attr.data-testid]="'field-key-' + i" /></mat-form-field>
              <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.type' | translate }}</mat-label>
                <mat-select formControlName="type" [attr.data-testid]="'field-type-' + i">
                  @for (t of types; track t) { <mat-option [value]="t" [attr.data-testid]="'type-' + t">{{ 'oa.forms.types.' + t | translate }}</mat-option> }
                </mat-select></mat-form-field>
              <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'oa.forms.labelZh' | translate }}</mat-label>
                <input matInput formControlName="labelZh" [attr.data-testid]="'field-label-zh-' + i" /></mat-form-field>
              <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'oa.forms.labelEn' | translate }}</mat-label>
                <input matInput formControlName="labelEn" [attr.data-testid]="'field-label-en-' + i" /></mat-form-field>
              <mat-checkbox formControlName="required" [attr.data-testid]="'field-required-' + i">{{ 'oa.forms.required' | translate }}</mat-checkbox>
              <button mat-icon-button type="button" (click)="fields.removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
            </div>
            @let type = f.controls.type.value;
            @if (type === 'SingleSelect' || type === 'MultiSelect') {
              <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.forms.options' | translate }}</mat-label>
                <textarea matInput rows="3" formControlName="options" [attr.data-testid]="'field-options-' + i"></textarea></mat-form-field>
            }
            @if (type === 'Number' || type === 'Money') {
              <div class="row">
                <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.min' | translate }}</mat-label><input matInput type="number" formControlName="min" /></mat-form-field>
                <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.max' | translate }}</mat-label><input matInput type="number" formControlName="max" /></mat-form-field>
              </div>
            }
            @if (type === 'Table') {
              <mat-form-field appearance="outline" class="full"><mat-label>{{ 'oa.forms.columns' | translate }}</mat-label>
                <textarea matInput rows="3" formControlName="columns" [attr.data-testid]="'field-columns-' + i"></textarea>
                <mat-hint>{{ 'oa.forms.columnsHint' | translate }}</mat-hint></mat-form-field>
              <mat-form-field appearance="outline"><mat-label>{{ 'oa.forms.sumColumn' | translate }}</mat-label>
                <input matInput formControlName="sumColumn" [attr.data-testid]="'field-sum-' + i" /></mat-form-field>
            }
          </div>
        }
        <button mat-stroked-button type="button" (click)="addField()" data-testid="form-add-field"><mat-icon>add</mat-icon> {{ 'oa.forms.addField' | translate }}</button>
        <mat-form-field appearance="outline" class="full amount"><mat-label>{{ 'oa.forms.amountField' | translate }}</mat-label>
          <input matInput formControlName="amountField" data-testid="form-amount-field" />
          <mat-hint>{{ 'oa.forms.amountFieldHint' | translate }}</mat-hint>
          <mat-error><bs-field-error [control]="form.controls.amountField" /></mat-error></mat-form-field>
        @if (error()) { <p class="error" role="alert" data-testid="form-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="form-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.row { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; } .grow { flex: 1; min-width: 140px; } .full { width: 100%; }
    .field { border-left: 3px solid #c4c7c5; padding-left: 8px; margin-bottom: 8px; } .amount { margin-top: 16px; } .hint { color: #6750a4; } .error { color: #b3261e; }`,
})
export class FormDesigner {
  protected readonly form0 = inject<ApprovalForm | null>(MAT_DIALOG_DATA);
  private readonly api = inject(OaApi);
  private readonly ref = inject(MatDialogRef<FormDesigner>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly types: DesignerType[] = [...VALUE_TYPES, 'Attachment', 'Table'];
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    code: [{ value: this.form0?.code ?? '', disabled: !!this.form0 }, [Validators.required, Validators.pattern(/^[a-z][a-z0-9-]{0,25}$/)]],
    nameZh: [this.form0?.nameZh ?? '', [Validators.required, Validators.maxLength(100)]],
    nameEn: [this.form0?.nameEn ?? '', [Validators.required, Validators.maxLength(100)]],
    description: [this.form0?.description ?? ''],
    fields: this.fb.array((this.form0?.fields ?? []).map(f => this.field(f))),
    amountField: [this.form0?.amountField ?? ''],
  });
  protected readonly fields = this.form.controls.fields as FormArray<ReturnType<FormDesigner['field']>>;

  private field(f?: FormField) {
    const kind = f?.kind ?? 'Value';
    const spec = f?.spec;
    return this.fb.group({
      key: [spec?.key ?? '', Validators.required], type: [(kind === 'Value' ? spec?.type ?? 'Text' : kind) as DesignerType],
      labelZh: [spec?.labelZh ?? '', Validators.required], labelEn: [spec?.labelEn ?? '', Validators.required], required: [spec?.required ?? false],
      options: [(spec?.options ?? []).map(o => `${o.value}=${o.labelZh}/${o.labelEn}`).join('\n')],
      min: [spec?.min ?? (null as number | null)], max: [spec?.max ?? (null as number | null)],
      columns: [(f?.columns ?? []).map(c => `${c.key}:${c.type}:${c.labelZh}/${c.labelEn}${c.required ? ':required' : ''}`).join('\n')],
      sumColumn: [f?.sumColumn ?? ''],
    });
  }

  addField(): void { this.fields.push(this.field()); }

  /** `value` or `value=中文/English`, one per line. */
  private static options(text: string) {
    return text.split('\n').map(l => l.trim()).filter(l => l).map(line => {
      const [value, labels] = line.split('=');
      const [zh, en] = (labels ?? value).split('/');
      return { value: value.trim(), labelZh: zh.trim(), labelEn: (en ?? zh).trim() };
    });
  }

  /** A column per line: `key:Type:中文/English[:required]`. */
  private static columns(text: string): FieldSpec[] {
    return text.split('\n').map(l => l.trim()).filter(l => l).map(line => {
      const [key, type, labels, required] = line.split(':');
      const [zh, en] = (labels ?? key).split('/');
      return { key: key.trim(), type: (type?.trim() || 'Text') as FieldType, labelZh: zh.trim(), labelEn: (en ?? zh).trim(), required: required?.trim() === 'required' };
    });
  }

  protected value(): SaveForm {
    const raw = this.form.getRawValue();
    return {
      code: raw.code.trim(), nameZh: raw.nameZh.trim(), nameEn: raw.nameEn.trim(), description: raw.description.trim() || null,
      amountField: raw.amountField.trim() || null,
      fields: raw.fields.map(f => {
        const valueType = VALUE_TYPES.includes(f.type as FieldType);
        const kind: FormFieldKind = valueType ? 'Value' : (f.type as FormFieldKind);
        const select = f.type === 'SingleSelect' || f.type === 'MultiSelect';
        const number = f.type === 'Number' || f.type === 'Money';
        return {
          kind,
          spec: { key: f.key.trim(), type: valueType ? (f.type as FieldType) : 'Text', labelZh: f.labelZh.trim(), labelEn: f.labelEn.trim(), required: f.required,
            options: select ? FormDesigner.options(f.options) : [], min: number ? f.min : null, max: number ? f.max : null },
          columns: kind === 'Table' ? FormDesigner.columns(f.columns) : null,
          sumColumn: kind === 'Table' ? f.sumColumn.trim() || null : null,
        };
      }),
    };
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    const value = this.value();
    (this.form0 ? this.api.updateForm(this.form0.id, value) : this.api.createForm(value)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
