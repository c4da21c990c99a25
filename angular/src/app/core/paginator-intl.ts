import { Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';

/** The server's PageRequest.CountLimit: a list's totalCount above it means "more than this many". */
export const COUNT_LIMIT = 10_000;

/** Paginator labels in the UI language, updated when the language changes. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.translate.onLangChange.subscribe(() => this.update());
    this.update();
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string =>
    this.translate.instant('paging.range', {
      from: length === 0 ? 0 : page * pageSize + 1,
      to: Math.min((page + 1) * pageSize, length),
      // Lists count up to 10,000 (PageRequest.CountLimit): a larger total says "10,000+".
      total: length > COUNT_LIMIT ? `${COUNT_LIMIT.toLocaleString()}+` : length,
    });

  private update(): void {
    this.itemsPerPageLabel = this.translate.instant('paging.itemsPerPage');
    this.nextPageLabel = this.translate.instant('paging.next');
    this.previousPageLabel = this.translate.instant('paging.previous');
    this.changes.next();
  }
}
