import { signal } from '@angular/core';
import { PageEvent } from '@angular/material/paginator';
import { Sort } from '@angular/material/sort';
import { Observable } from 'rxjs';
import { saveFile } from '../shared/download';
import { PageQuery, Paged } from './api';
import { problemMessage } from './problem';

/** A list page's state: the current page of items, its query, loading and error. */
export class ListState<T> {
  readonly items = signal<T[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal('');
  readonly query = signal<PageQuery>({ skip: 0, take: 20 });
  readonly exporting = signal(false);

  constructor(private readonly fetch: (query: PageQuery) => Observable<Paged<T>>) {}

  load(): void {
    this.loading.set(true);
    this.error.set('');
    this.fetch(this.query()).subscribe({
      next: page => { this.items.set(page.items); this.total.set(page.totalCount); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  /** Downloads every row matching the current filters and sort as .xlsx, through the page's own list call. */
  export(): void {
    this.exporting.set(true);
    this.error.set('');
    // The interceptor turns the answer to a `format=xlsx` list call into a File.
    (this.fetch({ ...this.query(), skip: 0, format: 'xlsx' }) as unknown as Observable<File>).subscribe({
      next: file => { saveFile(file, file.name); this.exporting.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.exporting.set(false); },
    });
  }

  /** Loads the first page again: after one of the page's own filters (status, scope, warehouse…) changed. */
  firstPage(): void {
    this.query.update(q => ({ ...q, skip: 0 }));
    this.load();
  }

  page(event: PageEvent): void {
    this.query.update(q => ({ ...q, skip: event.pageIndex * event.pageSize, take: event.pageSize }));
    this.load();
  }

  search(filter: string): void {
    this.query.update(q => ({ ...q, filter: filter.trim() || undefined, skip: 0 }));
    this.load();
  }

  /** A column header's sort as the API's `sort` parameter: `field` or `-field`, none when cleared. */
  sort(sort: Sort): void {
    const value = sort.direction ? `${sort.direction === 'desc' ? '-' : ''}${sort.active}` : undefined;
    this.query.update(q => ({ ...q, sort: value, skip: 0 }));
    this.load();
  }
}
