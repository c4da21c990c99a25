import { HttpClient } from '@angular/common/http';
import { Component, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Notifier } from '../core/notifier';
import { saveFile } from './download';

export type PdfLanguage = 'zh-CN' | 'en';

/**
 * A printed document's two downloads, in Chinese and in English, whatever language the app is in (a customer abroad
 * gets the English one). The PDF needs the bearer token, so it is fetched as a blob rather than opened through a link.
 */
@Component({
  selector: 'bs-pdf-download',
  imports: [MatButtonModule, MatIconModule],
  template: `
    <button mat-stroked-button type="button" (click)="download('zh-CN')" [attr.data-testid]="testId() + '-zh'"><mat-icon>picture_as_pdf</mat-icon> PDF 中文</button>
    <button mat-stroked-button type="button" (click)="download('en')" [attr.data-testid]="testId() + '-en'"><mat-icon>picture_as_pdf</mat-icon> PDF English</button>
  `,
  styles: `:host { display: inline-flex; gap: 8px; flex-wrap: wrap; } button { white-space: nowrap; }`,
})
export class PdfDownload {
  private readonly http = inject(HttpClient);
  private readonly notifier = inject(Notifier);
  /** The document's …/pdf address under /api. */
  readonly url = input.required<string>();
  /** The saved file is named "{fileName}-{lang}.pdf". */
  readonly fileName = input.required<string>();
  readonly testId = input.required<string>();
  /** More query parameters, such as a statement's date range. */
  readonly params = input<Record<string, string>>({});

  download(lang: PdfLanguage): void {
    this.http.get(this.url(), { params: { ...this.params(), lang }, responseType: 'blob' }).subscribe({
      next: blob => saveFile(blob, `${this.fileName()}-${lang}.pdf`),
      error: error => this.notifier.error(error),
    });
  }
}
