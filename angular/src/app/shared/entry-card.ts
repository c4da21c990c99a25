import { Component, ViewEncapsulation, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The card a visitor meets before signing in (login, sign-up): centred on the page, the suite's name above the form's
 * title, a progress bar while `busy`. The page projects its form; the form's fields, errors and actions are styled
 * here (not encapsulated, scoped by this element) so both forms look the same.
 */
@Component({
  selector: 'bs-entry-card',
  imports: [MatCardModule, MatProgressBarModule, TranslatePipe],
  encapsulation: ViewEncapsulation.None,
  template: `
    <div class="entry-page">
      <mat-card class="entry-card" [style.width.px]="width()">
        <mat-card-header>
          <mat-card-title>{{ 'app.name' | translate }}</mat-card-title>
          <mat-card-subtitle>{{ titleKey() | translate }}</mat-card-subtitle>
        </mat-card-header>
        @if (busy()) { <mat-progress-bar mode="indeterminate" /> }
        <ng-content />
      </mat-card>
    </div>
  `,
  styles: `
    bs-entry-card .entry-page { display: grid; place-items: center; min-height: 100vh; background: #f3f5f9; }
    bs-entry-card .entry-card { max-width: 100%; padding: 8px; }
    bs-entry-card mat-form-field { width: 100%; margin-top: 8px; }
    bs-entry-card .error { color: #b3261e; }
    bs-entry-card .spacer { flex: 1; }
  `,
})
export class EntryCard {
  readonly titleKey = input.required<string>();
  readonly busy = input(false);
  readonly width = input(380);
}
