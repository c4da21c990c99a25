import { Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { HttpClient } from '@angular/common/http';
import { MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, of, switchMap, tap } from 'rxjs';
import { Dto } from '../core/api';

export type SearchResult = Dto<'SearchResult'>;
export type SearchHit = Dto<'SearchHit'>;

/** The longest query the server searches (SearchText.MaxQueryLength). */
export const MAX_QUERY_LENGTH = 100;

/** Per kind of record: its icon and where a hit opens. Contacts and suppliers have no page of their own: their list, filtered. */
const KINDS: Record<string, { icon: string; open: (hit: SearchHit) => [string[], Record<string, string>?] }> = {
  'crm.customer': { icon: 'business', open: hit => [['/crm/customers', hit.id]] },
  'crm.contact': { icon: 'contact_phone', open: hit => [['/crm/contacts'], { filter: hit.title }] },
  'crm.contract': { icon: 'description', open: hit => [['/crm/contracts', hit.id]] },
  'orders.sales-order': { icon: 'shopping_cart', open: hit => [['/orders/sales-orders', hit.id]] },
  'finance.invoice': { icon: 'receipt_long', open: hit => [['/finance/invoices', hit.id]] },
  'hr.employee': { icon: 'badge', open: hit => [['/hr/employees', hit.id]] },
  'purchasing.supplier': { icon: 'local_shipping', open: hit => [['/purchasing/suppliers'], { filter: hit.title }] },
};

/**
 * The global search (Ctrl+K / ⌘K, or the search icon on a phone, where it takes the whole screen): results grouped by kind
 * of record, only what the user may read (the server decides), arrows to move, Enter to open.
 */
@Component({
  selector: 'bs-search-dialog',
  imports: [MatIconModule, MatProgressBarModule, TranslatePipe],
  template: `
    <div class="box">
      <mat-icon aria-hidden="true">search</mat-icon>
      <input #box [value]="query()" (input)="query.set(box.value)" (keydown)="key($event)" [placeholder]="'search.placeholder' | translate"
             [attr.aria-label]="'search.open' | translate" [attr.maxlength]="max" autocomplete="off" cdkFocusInitial data-testid="search-input"
             role="combobox" aria-controls="search-results" [attr.aria-activedescendant]="active() >= 0 ? 'search-hit-' + active() : null" aria-expanded="true" />
      <button class="close" (click)="ref.close()" [attr.aria-label]="'common.close' | translate" data-testid="search-close"><mat-icon>close</mat-icon></button>
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> } @else { <div class="bar"></div> }
    <div class="results" id="search-results" role="listbox" data-testid="search-results">
      @for (group of groups(); track group.type) {
        <h3 class="group">{{ 'search.types.' + group.type | translate }}</h3>
        @for (hit of group.items; track hit.id) {
          <div class="hit" role="option" [id]="'search-hit-' + index(hit)" [class.active]="index(hit) === active()" [attr.aria-selected]="index(hit) === active()"
               (click)="open(group.type, hit)" (mousemove)="active.set(index(hit))" [attr.data-testid]="'search-hit-' + group.type">
            <mat-icon aria-hidden="true">{{ icon(group.type) }}</mat-icon>
            <span class="text"><span class="title">{{ hit.title }}</span>@if (hit.subtitle) { <small>{{ hit.subtitle }}</small> }</span>
          </div>
        }
      }
      @if (searched() && !loading() && groups().length === 0) {
        <p class="none" data-testid="search-none">{{ 'search.none' | translate: { q: searched() } }}</p>
      }
    </div>
    <p class="hint">{{ 'search.hint' | translate }}</p>
  `,
  styles: `
    :host { display: flex; flex-direction: column; height: 100%; max-height: 80vh; }
    .box { display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 16px; }
    .box input { flex: 1; border: none; outline: none; font-size: 18px; padding: 8px 0; background: transparent; color: inherit; min-width: 0; }
    .close { border: none; background: none; cursor: pointer; padding: 8px; color: inherit; display: flex; }
    .bar { height: 4px; }
    .results { overflow-y: auto; flex: 1; padding: 0 0 8px; }
    .group { margin: 12px 16px 4px; font-size: 12px; font-weight: 500; color: var(--mat-sys-on-surface-variant); text-transform: uppercase; }
    .hit { display: flex; align-items: center; gap: 12px; padding: 8px 16px; cursor: pointer; }
    .hit.active { background: var(--mat-sys-secondary-container, rgba(0, 0, 0, .08)); }
    .text { display: flex; flex-direction: column; min-width: 0; }
    .title, small { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    small { color: var(--mat-sys-on-surface-variant); }
    .none { padding: 16px; color: var(--mat-sys-on-surface-variant); }
    .hint { margin: 0; padding: 8px 16px; font-size: 12px; color: var(--mat-sys-on-surface-variant); border-top: 1px solid rgba(0, 0, 0, .12); }
    @media (max-width: 599.98px) { :host { max-height: 100%; } .hint { display: none; } }
  `,
})
export class SearchDialog {
  protected readonly ref = inject(MatDialogRef<SearchDialog>);
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  protected readonly max = MAX_QUERY_LENGTH;
  protected readonly query = signal('');
  protected readonly searched = signal('');
  protected readonly loading = signal(false);
  protected readonly groups = signal<SearchResult['groups']>([]);
  protected readonly active = signal(-1);
  /** Every hit in display order, for the arrow keys. */
  private readonly flat = computed(() => this.groups().flatMap(g => g.items.map(hit => ({ type: g.type, hit }))));

  constructor() {
    toObservable(this.query).pipe(
      debounceTime(150),
      distinctUntilChanged(),
      tap(() => this.loading.set(true)),
      switchMap(q => q.trim()
        ? this.http.get<SearchResult>('/api/search', { params: { q: q.trim() } }).pipe(catchError(() => of({ groups: [] })),
            tap(() => this.searched.set(q.trim())))
        : of({ groups: [] }).pipe(tap(() => this.searched.set('')))),
      takeUntilDestroyed(inject(DestroyRef)),
    ).subscribe(result => {
      this.groups.set(result.groups);
      this.active.set(result.groups.length ? 0 : -1);
      this.loading.set(false);
    });
  }

  protected index(hit: SearchHit): number { return this.flat().findIndex(x => x.hit === hit); }

  protected icon(type: string): string { return KINDS[type]?.icon ?? 'article'; }

  protected key(event: KeyboardEvent): void {
    const count = this.flat().length;
    if (event.key === 'ArrowDown' && count) { this.active.set((this.active() + 1) % count); event.preventDefault(); }
    else if (event.key === 'ArrowUp' && count) { this.active.set((this.active() - 1 + count) % count); event.preventDefault(); }
    else if (event.key === 'Enter' && this.active() >= 0) {
      const { type, hit } = this.flat()[this.active()];
      this.open(type, hit);
      event.preventDefault();
    }
  }

  protected open(type: string, hit: SearchHit): void {
    const kind = KINDS[type];
    if (!kind) return;
    const [commands, queryParams] = kind.open(hit);
    this.ref.close();
    void this.router.navigate(commands, queryParams ? { queryParams } : {});
  }
}
