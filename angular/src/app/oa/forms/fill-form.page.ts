import { Component, OnInit, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/language';
import { applyProblem, problemMessage } from '../../core/problem';
import { CustomFieldGroup, FieldInput, customFieldGroup, customLabel } from '../../shared/custom-fields';
import { FieldError } from '../../shared/field-error';
import { ApprovalForm, FieldSpec, FormField, OaApi, UserRef } from '../oa.api';

type Line = CustomFieldGroup;

/**
 * Fills in a published form, rendered from its definition, and submits it for approval. The server checks the values;
 * its field errors (`values.copies`, `values.lines[0].amount`) land on the controls they name (the `values` group).
 */
@Component({
  selector: 'bs-fill-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatIconModule, TranslatePipe, FieldInput, FieldError],
  template: `
    @if (def(); as d) {
      <h2>{{ zh() ? d.nameZh : d.nameEn }}</h2>
      @if (d.description) { <p class="muted">{{ d.description }}</p> }
      <form [formGroup]="form" (ngSubmit)="submit()" class="fill" novalidate>
        @for (f of d.fields; track f.spec.key) {
          @let key = f.spec.key;
          @if (f.kind === 'Table') {
            <fieldset [attr.data-testid]="'fill-' + key">
              <legend>{{ label(f.spec) }}@if (f.spec.required) { * }</legend>
              @for (line of lines(key).controls; track line; let i = $index) {
                <div class="line" [formGroup]="line">
                  @for (c of f.columns ?? []; track c.key) {
                    <bs-field-input [spec]="c" [control]="line.controls[c.key]" [people]="people()" [testId]="'fill-' + key + '-' + i" />
                  }
                  <button mat-icon-button type="button" (click)="lines(key).removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
                </div>
              }
              <button mat-stroked-button type="button" (click)="addLine(f)" [attr.data-testid]="'fill-add-line-' + key"><mat-icon>add</mat-icon> {{ 'oa.requests.addLine' | translate }}</button>
              @if (f.sumColumn) { <p class="sum">{{ 'oa.requests.sum' | translate }}: {{ sum(f) }}</p> }
            </fieldset>
          } @else if (f.kind === 'Attachment') {
            <div class="attachment" [attr.data-testid]="'fill-' + key">
              <span>{{ label(f.spec) }}@if (f.spec.required) { * }</span>
              <input type="file" (change)="upload(key, $event)" [attr.data-testid]="'fill-file-' + key" />
              @if (files()[key]) { <small>{{ files()[key] }}</small> }
              <p class="error" [attr.data-testid]="'fill-' + key + '-error'"><bs-field-error [control]="values.controls[key]" /></p>
            </div>
          } @else {
            <bs-field-input [spec]="f.spec" [control]="control(key)" [people]="people()" testId="fill" />
          }
        }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
        <div><button mat-flat-button type="submit" [disabled]="busy()" data-testid="fill-submit">{{ 'oa.requests.submit' | translate }}</button></div>
      </form>
    }
  `,
  styles: `.fill { display: flex; flex-direction: column; gap: 4px; max-width: 760px; } mat-form-field { width: 100%; } .line { display: flex; gap: 8px; flex-wrap: wrap; }
    .line mat-form-field { flex: 1; min-width: 140px; width: auto; } fieldset { border: 1px solid #c4c7c5; border-radius: 8px; margin-bottom: 12px; }
    .attachment { display: flex; flex-direction: column; gap: 4px; margin-bottom: 12px; } .error { color: #b3261e; margin: 0 0 8px; } .muted { color: #5f6368; } .sum { font-weight: 500; }`,
})
export class FillFormPage implements OnInit {
  readonly formId = input.required<string>();
  private readonly api = inject(OaApi);
  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  protected readonly zh = () => this.language.current() === 'zh-CN';
  protected readonly def = signal<ApprovalForm | null>(null);
  protected readonly people = signal<UserRef[]>([]);
  protected readonly files = signal<Record<string, string>>({});
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected readonly values = new FormGroup<Record<string, FormControl<unknown> | FormArray<Line>>>({});
  protected readonly form = new FormGroup({ values: this.values });

  ngOnInit(): void {
    this.api.form(this.formId()).subscribe(def => {
      const plain = customFieldGroup(def.fields.filter(f => f.kind !== 'Table').map(f => f.spec), null);
      for (const f of def.fields)
        this.values.addControl(f.spec.key, f.kind === 'Table' ? new FormArray<Line>([]) : plain.controls[f.spec.key]);
      this.def.set(def);
      for (const f of def.fields) if (f.kind === 'Table') this.addLine(f);
      if (def.fields.some(f => f.spec.type === 'User' || f.columns?.some(c => c.type === 'User'))) this.api.people().subscribe(p => this.people.set(p));
    });
  }

  protected label(spec: FieldSpec): string { return customLabel(spec, this.language.current()); }

  protected control(key: string): FormControl<unknown> { return this.values.controls[key] as FormControl<unknown>; }

  protected lines(key: string): FormArray<Line> { return this.values.controls[key] as FormArray<Line>; }

  addLine(table: FormField): void { this.lines(table.spec.key).push(customFieldGroup(table.columns ?? [], null)); }

  protected sum(table: FormField): number {
    return this.lines(table.spec.key).controls.reduce((total, line) => total + (Number(line.controls[table.sumColumn!]?.value) || 0), 0);
  }

  upload(key: string, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.api.uploadFormAttachment(file).subscribe({
      next: a => { this.control(key).setValue(a.id); this.files.update(f => ({ ...f, [key]: a.fileName })); },
      error: error => this.error.set(problemMessage(error)),
    });
  }

  submit(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    this.error.set('');
    this.api.submitForm(this.formId(), this.values.getRawValue()).subscribe({
      next: s => this.router.navigate(['/oa/requests', s.summary.id]),
      error: (error: unknown) => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
