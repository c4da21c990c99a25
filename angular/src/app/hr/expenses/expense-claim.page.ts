import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Observable } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { applyProblem } from '../../core/problem';
import { saveFile } from '../../shared/download';
import { FieldError } from '../../shared/field-error';
import { EXPENSE_CATEGORIES, ExpenseCategory, ExpenseClaim, SaveExpenseClaim, SelfServiceApi } from '../self-service.api';

/** The claim's total as the server computes it: the sum of lines rounded to the cent. */
export function claimTotal(amounts: (number | null | undefined)[]): number {
  return amounts.reduce<number>((sum, a) => sum + Math.round((Number(a) || 0) * 100), 0) / 100;
}

/**
 * One expense claim: the editor while it is my draft (lines with a receipt each, save, submit for approval),
 * otherwise its status, the approver's comment and the lines with their receipts.
 */
@Component({
  selector: 'bs-expense-claim',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, CurrencyPipe,
    TranslatePipe, FieldError],
  template: `
    <div class="head">
      <a mat-icon-button routerLink="/hr/expenses"><mat-icon>arrow_back</mat-icon></a>
      <h2 data-testid="claim-number">{{ claim()?.number ?? ('expenses.new' | translate) }}</h2>
      @if (claim(); as c) { <span class="chip" data-testid="claim-status">{{ 'expenses.status.' + c.status | translate }}</span> }
    </div>
    @if (claim()?.rejectionComment; as comment) { <p class="rejected" data-testid="claim-rejection">{{ 'expenses.rejected' | translate }} {{ comment }}</p> }
    @if (claim()?.paidOn; as paidOn) { <p>{{ 'expenses.paidOn' | translate: { date: paidOn } }}</p> }
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-form-field appearance="outline" class="title">
        <mat-label>{{ 'expenses.claimTitle' | translate }}</mat-label>
        <input matInput formControlName="title" data-testid="claim-title" />
        <mat-error><bs-field-error [control]="form.controls.title" /></mat-error>
      </mat-form-field>
      <div formArrayName="lines">
        @for (line of lines.controls; track line; let i = $index) {
          <div class="line" [formGroupName]="i" [attr.data-testid]="'claim-line-' + i">
            <mat-form-field appearance="outline">
              <mat-label>{{ 'expenses.category' | translate }}</mat-label>
              <mat-select formControlName="category" [attr.data-testid]="'line-category-' + i">
                @for (c of categories; track c) { <mat-option [value]="c" [attr.data-testid]="'category-' + c">{{ 'expenses.categories.' + c | translate }}</mat-option> }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline" class="grow">
              <mat-label>{{ 'expenses.description' | translate }}</mat-label>
              <input matInput formControlName="description" [attr.data-testid]="'line-description-' + i" />
              <mat-error><bs-field-error [control]="line.controls.description" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'expenses.amount' | translate }}</mat-label>
              <input matInput type="number" step="0.01" formControlName="amount" [attr.data-testid]="'line-amount-' + i" />
              <mat-error><bs-field-error [control]="line.controls.amount" /></mat-error>
            </mat-form-field>
            <span class="receipt">
              @if (value().lines?.[i]?.attachmentId; as attachmentId) {
                <button mat-button type="button" (click)="download(attachmentId, value().lines?.[i]?.attachmentName ?? null)" [attr.data-testid]="'line-receipt-' + i">
                  <mat-icon>attach_file</mat-icon>{{ value().lines?.[i]?.attachmentName }}
                </button>
              }
              @if (editable()) {
                <label mat-stroked-button class="upload">
                  {{ 'expenses.upload' | translate }}
                  <input type="file" accept="image/*,application/pdf" hidden (change)="upload(i, $event)" [attr.data-testid]="'line-upload-' + i" />
                </label>
                <button mat-icon-button type="button" (click)="lines.removeAt(i)" [disabled]="lines.length === 1"><mat-icon>delete</mat-icon></button>
              }
            </span>
          </div>
        }
      </div>
      @if (editable()) { <button mat-button type="button" (click)="addLine()" data-testid="claim-add-line"><mat-icon>add</mat-icon> {{ 'expenses.addLine' | translate }}</button> }
      <p class="total" data-testid="claim-total">{{ 'expenses.total' | translate }}: {{ total() | currency: (claim()?.currency ?? 'CNY') : 'symbol-narrow' }}</p>
      @if (error()) { <p class="error" role="alert" data-testid="claim-error">{{ error() | translate }}</p> }
      @if (editable()) {
        <div class="actions">
          <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="claim-save">{{ 'common.save' | translate }}</button>
          <button mat-flat-button type="button" (click)="submit()" [disabled]="busy()" data-testid="claim-submit">{{ 'expenses.submit' | translate }}</button>
        </div>
      }
    </form>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; } .chip { background: #e8eaf6; color: #283593; padding: 2px 10px; border-radius: 12px; }
    .title { width: 100%; max-width: 600px; } .line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; } .grow { flex: 1; min-width: 200px; }
    .receipt { display: inline-flex; align-items: center; gap: 4px; } .upload { cursor: pointer; }
    .total { font-weight: 500; } .error, .rejected { color: #b3261e; } .actions { display: flex; gap: 8px; }
  `,
})
export class ExpenseClaimPage implements OnInit {
  readonly id = input<string>();
  private readonly api = inject(SelfServiceApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly categories = EXPENSE_CATEGORIES;
  protected readonly claim = signal<ExpenseClaim | null>(null);
  protected readonly editable = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({ title: ['', [Validators.required, Validators.maxLength(200)]], lines: this.fb.array([this.line()]) });
  /** The form as a signal: the template reads uploads and totals from it, so they show without a zone. */
  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly total = computed(() => claimTotal((this.value().lines ?? []).map(l => l.amount)));

  get lines(): FormArray<ReturnType<ExpenseClaimPage['line']>> { return this.form.controls.lines; }

  private myEmployeeId: string | null = null;

  ngOnInit(): void {
    const id = this.id();
    if (!id || id === 'new') return;
    // A head also opens the team's claims: only the employee's own draft is an editor.
    this.api.myEmployee().subscribe({
      next: me => { this.myEmployeeId = me.id; this.load(id); },
      error: () => this.load(id),
    });
  }

  private load(id: string): void { this.api.claim(id).subscribe({ next: c => this.show(c), error: e => this.notifier.error(e) }); }

  addLine(): void { this.lines.push(this.line()); }

  upload(index: number, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.error.set('');
    this.api.upload(file).subscribe({
      next: a => this.lines.at(index).patchValue({ attachmentId: a.id, attachmentName: a.fileName }),
      error: e => this.error.set(applyProblem(this.form, e)),
    });
  }

  download(id: string, name: string | null): void {
    this.api.download(id).subscribe({ next: blob => saveFile(blob, name ?? 'receipt'), error: e => this.notifier.error(e) });
  }

  save(): void { this.persist().subscribe({ next: c => this.saved(c), error: e => this.failed(e) }); }

  /** Saves the draft first, so what is submitted is what is on the screen. */
  submit(): void {
    this.persist().subscribe({
      next: c => this.api.submitClaim(c.id).subscribe({ next: s => this.saved(s), error: e => this.failed(e) }),
      error: e => this.failed(e),
    });
  }

  private persist(): Observable<ExpenseClaim> {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return new Observable(); }
    this.busy.set(true);
    const value = this.form.getRawValue();
    const body: SaveExpenseClaim = {
      title: value.title,
      lines: value.lines.map(l => ({ category: l.category, description: l.description, amount: l.amount, attachmentId: l.attachmentId })),
    };
    const id = this.claim()?.id;
    return id ? this.api.updateClaim(id, body) : this.api.createClaim(body);
  }

  private saved(claim: ExpenseClaim): void {
    this.busy.set(false);
    if (!this.claim()) {
      this.myEmployeeId = claim.employeeId;
      this.router.navigate(['/hr/expenses', claim.id], { replaceUrl: true });
    }
    this.show(claim);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.error.set(applyProblem(this.form, error));
  }

  private show(claim: ExpenseClaim): void {
    this.claim.set(claim);
    this.lines.clear();
    for (const l of claim.lines) this.lines.push(this.line(l.category as ExpenseCategory, l.description, l.amount, l.attachmentId, l.attachmentName));
    this.form.controls.title.setValue(claim.title);
    // Only my own draft is edited; anything else is shown as it is.
    const editable = claim.status === 'Draft' && (this.myEmployeeId === null || this.myEmployeeId === claim.employeeId);
    this.editable.set(editable);
    if (editable) this.form.enable(); else this.form.disable();
  }

  private line(category: ExpenseCategory = 'Travel', description = '', amount = 0, attachmentId: string | null = null, attachmentName: string | null = null) {
    return this.fb.group({
      category: [category, Validators.required],
      description: [description, [Validators.required, Validators.maxLength(200)]],
      amount: [amount, [Validators.required, Validators.min(0.01)]],
      attachmentId: [attachmentId],
      attachmentName: [attachmentName],
    });
  }
}
