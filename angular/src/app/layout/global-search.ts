import { Component, HostListener, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/** The top bar's search: a box-like button on a desktop, an icon on a phone; Ctrl+K / ⌘K opens it anywhere in the app. */
@Component({
  selector: 'bs-global-search',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    @if (phone()) {
      <button mat-icon-button (click)="open()" [attr.aria-label]="'search.open' | translate" data-testid="search-open"><mat-icon>search</mat-icon></button>
    } @else {
      <button class="trigger" (click)="open()" [attr.aria-label]="'search.open' | translate" data-testid="search-open">
        <mat-icon aria-hidden="true">search</mat-icon><span>{{ 'search.open' | translate }}</span><kbd>{{ shortcut }}</kbd>
      </button>
    }
  `,
  styles: `
    .trigger { display: flex; align-items: center; gap: 8px; min-width: 240px; height: 36px; padding: 0 8px 0 10px; margin-right: 12px; cursor: pointer;
      border: none; border-radius: 8px; background: rgba(255, 255, 255, .16); color: inherit; font: inherit; font-size: 14px; }
    .trigger span { flex: 1; text-align: left; }
    .trigger:focus-visible { outline: 2px solid currentColor; }
    kbd { font: inherit; font-size: 12px; padding: 1px 6px; border-radius: 4px; background: rgba(255, 255, 255, .2); }
  `,
})
export class GlobalSearch {
  readonly phone = input(false);
  private readonly dialog = inject(MatDialog);
  protected readonly shortcut = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';

  @HostListener('document:keydown', ['$event'])
  protected onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      this.open();
    }
  }

  protected open(): void {
    if (this.dialog.openDialogs.some(d => d.id === 'global-search')) return;
    // Loaded on first use: the dialog stays out of the bundle every page downloads.
    void import('./search-dialog').then(m => this.dialog.open(m.SearchDialog, {
      id: 'global-search', width: '640px', maxWidth: '95vw', position: this.phone() ? undefined : { top: '10vh' }, autoFocus: 'input', panelClass: 'search-panel',
    }));
  }
}
