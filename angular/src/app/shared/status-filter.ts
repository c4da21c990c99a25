import { Component, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslatePipe } from '@ngx-translate/core';

/** The toggles above a document list: all, or one status; `''` stands for all. Labels are `labelPrefix + status`. */
@Component({
  selector: 'bs-status-filter',
  imports: [MatButtonToggleModule, TranslatePipe],
  template: `
    <mat-button-toggle-group [value]="value()" (change)="valueChange.emit($event.value)" hideSingleSelectionIndicator>
      <mat-button-toggle value="" data-testid="filter-all">{{ 'finance.all' | translate }}</mat-button-toggle>
      @for (s of statuses(); track s) {
        <mat-button-toggle [value]="s" [attr.data-testid]="'filter-' + s">{{ labelPrefix() + s | translate }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `:host { display: block; margin-bottom: 8px; }`,
})
export class StatusFilter<S extends string> {
  readonly statuses = input.required<readonly S[]>();
  readonly labelPrefix = input.required<string>();
  readonly value = input<S | ''>('');
  readonly valueChange = output<S | ''>();
}
