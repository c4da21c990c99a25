import { NgTemplateOutlet } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { Component, OnInit, inject, input, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Problem } from '../../core/api';
import { LanguageService } from '../../core/language';
import { problemMessage } from '../../core/problem';
import { ApprovalForm, FieldSpec, FormField, OaApi, UserRef } from '../oa.api';

type Line = FormGroup<Record<string, FormControl<unknown>>>;

/**
 * Fills in a published form, rendered from its definition, and submits it for approval. The server checks the values;
 * its field errors (`values.copies`, `values.lines[0].amount`) are shown under the fields they name.
 */
@Component({
  selector: 'bs-fill-form',
  imports: [ReactiveFormsModule, NgTemplateOutlet, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    @if (def(); as d) {
      <h2>{{ zh() ? d.nameZh : d.nameEn }}</h2>
      @if (d.description) { <p class="muted">{{ d.description }}</p> }
      <form [formGroup]="form" (ngSubmit)="submit()" class="fill">
        @for (f of d.fields; track f.spec.key) {
          @let key = f.spec.key;
          @if (f.kind === 'Table') {
            <fieldset [attr.data-testid]="'fill-' + key">
              <legend>{{ label(f.spec) }}@if (f.spec.required) { * }</legend>
              @for (line of lines(key).controls; track line; let i = $index) {
                <div class="line" [formGroup]="line">
                  @for (c of f.columns ?? []; track c.key) {
                    <ng-container [ngTemplateOutlet]="input" [ngTemplateOutletContext]="{ spec: c, group: line, path: 'values.' + key + '[' + i + '].' + c.key }" />
                  }
                  <button mat-icon-button type="button" (click)="lines(key).removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>delete</mat-icon></button>
                </div>
              }
              <button mat-stroked-button type="button" (click)="addLine(f)" [attr.data-testid]="'fill-add-line-' + key"><mat-icon>add</mat-icon> {{ 'oa.requests.addLine' | translate }}</button>
              @if (f.sumColumn) { <p class="sum">{{ 'oa.requests.sum' | translate }}: {{ sum(f) }}</p> }
              @if (errors()['values.' + key]) { <p class="error">{{ errors()['values.' + key] }}</p> }
            </fieldset>
          } @else if (f.kind === 'Attachment') {
            <div class="attachment" [attr.data-testid]="'fill-' + key">
              <span>{{ label(f.spec) }}@if (f.spec.required) { * }</span>
              <input type="file" (change)="upload(key, $event)" [attr.data-testid]="'fill-file-' + key" />
              @if (files()[key]) { <small>{{ files()[key] }}</small> }
              @if (errors()['values.' + key]) { <p class="error">{{ errors()['values.' + key] }}</p> }
            </div>
          } @else {
            <ng-container [ngTemplateOutlet]="input" [ngTemplateOutletContext]="{ spec: f.spec, group: form, path: 'values.' + key }" />
          }
        }
        <ng-template #input let-spec="spec" let-group="group" let-path="path">
          <ng-container [formGroup]="group">
            @switch (spec.type) {
              @case ('Boolean') { <mat-checkbox [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key">{{ label(spec) }}</mat-checkbox> }
              @default {
                <mat-form-field appearance="outline" [class.wide]="spec.type === 'LongText'">
                  <mat-label>{{ label(spec) }}</mat-label>
                  @switch (spec.type) {
                    @case ('LongText') { <textarea matInput rows="3" [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key"></textarea> }
                    @case ('SingleSelect') { <mat-select [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key">
                      @for (o of spec.options; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="'option-' + o.value">{{ zh() ? o.labelZh : o.labelEn }}</mat-option> }
                    </mat-select> }
                    @case ('MultiSelect') { <mat-select multiple [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key">
                      @for (o of spec.options; track o.value) { <mat-option [value]="o.value">{{ zh() ? o.labelZh : o.labelEn }}</mat-option> }
                    </mat-select> }
                    @case ('User') { <mat-select [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key">
                      @for (p of people(); track p.id) { <mat-option [value]="p.id">{{ p.name }}</mat-option> }
                    </mat-select> }
                    @case ('Number') { <input matInput type="number" [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key" /> }
                    @case ('Money') { <input matInput type="number" step="0.01" [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key" /> }
                    @case ('Date') { <input matInput type="date" [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key" /> }
                    @default { <input matInput [formControlName]="spec.key" [attr.data-testid]="'fill-' + spec.key" /> }
                  }
                  @if (spec.required) { <span matTextSuffix>*</span> }
                </mat-form-field>
              }
            }
            @if (errors()[path]) { <p class="error" [attr.data-testid]="'error-' + path">{{ errors()[path] }}</p> }
          </ng-container>
        </ng-template>
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
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  protected form = new FormGroup<Record<string, FormControl<unknown> | FormArray<Line>>>({});

  ngOnInit(): void {
    this.api.form(this.formId()).subscribe(def => {
      for (const f of def.fields)
        this.form.addControl(f.spec.key, f.kind === 'Table' ? new FormArray<Line>([]) : new FormControl<unknown>(f.spec.type === 'Boolean' ? false : null));
      this.def.set(def);
      for (const f of def.fields) if (f.kind === 'Table') this.addLine(f);
      if (def.fields.some(f => f.spec.type === 'User' || f.columns?.some(c => c.type === 'User'))) this.api.people().subscribe(p => this.people.set(p));
    });
  }

  protected label(spec: FieldSpec): string { return this.zh() ? spec.labelZh : spec.labelEn; }

  protected lines(key: string): FormArray<Line> { return this.form.controls[key] as FormArray<Line>; }

  addLine(table: FormField): void {
    this.lines(table.spec.key).push(new FormGroup(Object.fromEntries((table.columns ?? []).map(c => [c.key, new FormControl<unknown>(null)]))));
  }

  protected sum(table: FormField): number {
    return this.lines(table.spec.key).controls.reduce((total, line) => total + (Number(line.controls[table.sumColumn!]?.value) || 0), 0);
  }

  upload(key: string, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.api.uploadFormAttachment(file).subscribe({
      next: a => { (this.form.controls[key] as FormControl<unknown>).setValue(a.id); this.files.update(f => ({ ...f, [key]: a.fileName })); },
      error: error => this.error.set(problemMessage(error)),
    });
  }

  submit(): void {
    this.busy.set(true);
    this.errors.set({});
    this.error.set('');
    this.api.submitForm(this.formId(), this.form.getRawValue()).subscribe({
      next: s => this.router.navigate(['/oa/requests', s.summary.id]),
      error: (error: unknown) => {
        const problem = error instanceof HttpErrorResponse ? (error.error as Problem | null) : null;
        if (problem?.errors) this.errors.set(Object.fromEntries(Object.entries(problem.errors).map(([k, m]) => [k, m.join(' ')])));
        else this.error.set(problemMessage(error));
        this.busy.set(false);
      },
    });
  }
}
