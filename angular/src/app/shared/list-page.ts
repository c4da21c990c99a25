import { Component, DestroyRef, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { ImportDialog, ImportDialogData } from './import-dialog';

/**
 * The frame every list page shares: title, search, Excel export, import (when `importFrom` names the entity's list URL),
 * create button, progress, error, empty state, paging.
 */
@Component({
  selector: 'bs-list-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ titleKey() | translate }}</h2>
      <span class="spacer"></span>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-icon matPrefix>search</mat-icon>
        <input matInput [placeholder]="'common.search' | translate" [value]="state().query().filter ?? ''" (keyup.enter)="state().search(search.value)" #search data-testid="list-search" />
      </mat-form-field>
      <button mat-stroked-button (click)="state().export()" [disabled]="state().exporting()" data-testid="list-export">
        <mat-icon>file_download</mat-icon> {{ 'common.export' | translate }}
      </button>
      @if (importFrom(); as from) {
        <button mat-stroked-button (click)="openImport(from)" data-testid="list-import"><mat-icon>upload_file</mat-icon> {{ 'common.import' | translate }}</button>
      }
      @if (canCreate()) {
        <button mat-flat-button (click)="create.emit()" data-testid="list-create"><mat-icon>add</mat-icon> {{ 'common.create' | translate }}</button>
      }
    </div>
    @if (state().loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (state().error()) { <p class="error" role="alert">{{ state().error() | translate }}</p> }
    <ng-content />
    @if (!state().loading() && !state().error() && state().items().length === 0) {
      <p class="empty" data-testid="list-empty">{{ 'common.empty' | translate }}</p>
    }
    <mat-paginator [length]="state().total()" [pageSize]="state().query().take" [pageIndex]="state().query().skip / state().query().take" [pageSizeOptions]="[10, 20, 50]"
                   (page)="state().page($event)" />
  `,
  styles: `
    .head { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 12px; }
    .spacer { flex: 1; }
    @media (max-width: 959.98px) {
      .head h2 { flex: 1 0 100%; margin: 0; }
      .head .spacer { display: none; }
      .head mat-form-field { flex: 1 1 160px; }
    }
    .error { color: #b3261e; }
    .empty { color: #666; padding: 16px; }
  `,
})
export class ListPage<T> {
  readonly titleKey = input.required<string>();
  readonly state = input.required<ListState<T>>();
  readonly canCreate = input(false);
  readonly create = output();
  /** The list URL whose `/import` endpoints take a file; set only for users who may create the entity. */
  readonly importFrom = input<string | null>(null);
  private readonly dialog = inject(MatDialog);

  constructor() {
    // Below 960 px each row shows as a card (styles.scss) with every value beside its column's name: the cells carry
    // the header's text as data-label, kept current as rows, columns and the UI language change.
    const host: HTMLElement = inject(ElementRef).nativeElement;
    const observer = new MutationObserver(() => labelCells(host));
    afterNextRender(() => {
      labelCells(host);
      observer.observe(host, { childList: true, subtree: true, characterData: true });
    });
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  protected openImport(url: string): void {
    const data: ImportDialogData = { url, name: url.split('/').pop()! };
    this.dialog.open(ImportDialog, { data, width: '960px', maxWidth: '95vw' }).afterClosed()
      .subscribe(imported => { if (imported) this.state().load(); });
  }
}

function labelCells(host: HTMLElement): void {
  for (const table of Array.from(host.querySelectorAll('table.mat-mdc-table'))) {
    const labels = new Map<string, string>();
    for (const header of Array.from(table.querySelectorAll('th.mat-mdc-header-cell'))) {
      const column = Array.from(header.classList).find(c => c.startsWith('mat-column-'));
      if (column) labels.set(column, header.textContent?.trim() ?? '');
    }
    for (const cell of Array.from(table.querySelectorAll('td.mat-mdc-cell'))) {
      const column = Array.from(cell.classList).find(c => c.startsWith('mat-column-'));
      const label = column ? labels.get(column) ?? '' : '';
      if (cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
    }
  }
}
