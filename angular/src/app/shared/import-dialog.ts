import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../core/problem';
import { saveFile } from './download';

export interface ImportColumn { field: string; header: string; required: boolean; }
export interface ImportRow { row: number; values: Record<string, string | null>; errors: Record<string, string[]>; }
export interface ImportPreview { columns: ImportColumn[]; rows: ImportRow[]; validCount: number; errorCount: number; }

/** `url` is the entity's list URL (`/api/crm/customers`); its import endpoints live under `{url}/import`. */
export interface ImportDialogData { url: string; name: string; }

/** Choose a file → preview every row with its errors → import all rows at once (only when none has an error). */
@Component({
  selector: 'bs-import-dialog',
  imports: [MatDialogModule, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'import.title' | translate }}</h2>
    <mat-dialog-content>
      <p class="hint">
        {{ 'import.hint' | translate }}
        <button mat-button type="button" (click)="template()" data-testid="import-template"><mat-icon>download</mat-icon> {{ 'import.template' | translate }}</button>
      </p>
      <input type="file" accept=".xlsx,.csv" (change)="choose($any($event.target).files?.[0])" data-testid="import-file" />
      @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
      @if (error()) { <p class="error" role="alert" data-testid="import-error">{{ error() | translate }}</p> }
      @if (imported() !== null) {
        <p class="done" data-testid="import-done">{{ 'import.done' | translate: { count: imported() } }}</p>
      } @else if (preview(); as p) {
        <p data-testid="import-counts">
          {{ 'import.counts' | translate: { total: p.rows.length, valid: p.validCount } }}
          @if (p.errorCount > 0) { <span class="error">{{ 'import.errors' | translate: { count: p.errorCount } }}</span> }
        </p>
        <div class="table">
          <table data-testid="import-preview">
            <tr><th>{{ 'import.row' | translate }}</th>@for (c of p.columns; track c.field) { <th>{{ c.header }}</th> }</tr>
            @for (r of p.rows; track r.row) {
              <tr [class.bad]="hasErrors(r)" [attr.data-testid]="'import-row-' + r.row">
                <td>{{ r.row }}</td>
                @for (c of p.columns; track c.field) {
                  <td [class.bad-cell]="r.errors[c.field]">
                    {{ r.values[c.field] }}
                    @for (m of r.errors[c.field] ?? []; track m) { <div class="message">{{ m }}</div> }
                  </td>
                }
              </tr>
            }
          </table>
        </div>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (imported() !== null) {
        <button mat-flat-button [mat-dialog-close]="true" data-testid="import-close">{{ 'common.close' | translate }}</button>
      } @else {
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="button" [disabled]="!canImport()" (click)="import()" data-testid="import-submit">
          {{ 'import.submit' | translate: { count: preview()?.rows?.length ?? 0 } }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .hint { color: #555; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
    .error { color: #b3261e; margin-left: 8px; }
    .done { color: #1b5e20; font-weight: 500; }
    .table { overflow: auto; max-height: 50vh; margin-top: 12px; }
    table { border-collapse: collapse; font-size: 13px; }
    th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
    tr.bad { background: #fdecea; }
    td.bad-cell { outline: 2px solid #b3261e; }
    .message { color: #b3261e; font-size: 12px; }
  `,
})
export class ImportDialog {
  private readonly data = inject<ImportDialogData>(MAT_DIALOG_DATA);
  private readonly http = inject(HttpClient);
  private readonly ref = inject(MatDialogRef<ImportDialog>);
  private file: File | null = null;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly imported = signal<number | null>(null);
  protected readonly canImport = computed(() => !this.busy() && !!this.preview()?.rows.length && this.preview()!.errorCount === 0);

  protected hasErrors(row: ImportRow): boolean { return Object.keys(row.errors).length > 0; }

  choose(file: File | undefined): void {
    this.file = file ?? null;
    this.preview.set(null);
    this.error.set('');
    if (!this.file) return;
    this.busy.set(true);
    this.http.post<ImportPreview>(`${this.data.url}/import/preview`, this.form()).subscribe({
      next: preview => { this.preview.set(preview); this.busy.set(false); },
      error: error => this.fail(error),
    });
  }

  import(): void {
    this.busy.set(true);
    this.ref.disableClose = true;
    this.http.post<{ imported: number }>(`${this.data.url}/import`, this.form()).subscribe({
      next: result => { this.imported.set(result.imported); this.busy.set(false); this.ref.disableClose = false; },
      // A 422 lists the rows in error (someone changed the data since the preview): show them as a preview.
      error: (error: unknown) => {
        this.ref.disableClose = false;
        const rows = error instanceof HttpErrorResponse ? (error.error?.rows as ImportRow[] | undefined) : undefined;
        if (rows) this.preview.update(p => p && { ...p, rows, validCount: 0, errorCount: rows.length });
        this.fail(error);
      },
    });
  }

  template(): void {
    this.http.get(`${this.data.url}/import/template`, { responseType: 'blob' })
      .subscribe({ next: blob => saveFile(blob, `${this.data.name}-template.xlsx`), error: error => this.fail(error) });
  }

  private form(): FormData {
    const form = new FormData();
    form.append('file', this.file!);
    return form;
  }

  private fail(error: unknown): void {
    this.error.set(problemMessage(error));
    this.busy.set(false);
  }
}
