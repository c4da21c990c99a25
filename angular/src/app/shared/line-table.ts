import { Component, computed, input } from '@angular/core';
import { CurrencyPipe, DecimalPipe, PercentPipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';

/** A priced line as contracts, sales orders and purchase orders carry it. */
export interface PricedLine { description: string; quantity: number; unitPrice: number; vatRate: number; netAmount: number }

/** A quantity the document has counted against its lines (delivered, received, billed), shown after the ordered quantity. */
export interface QuantityColumn<T extends PricedLine = never> {
  key: string;
  label: string;
  value(line: T): number;
  /** A labelled figure in brackets after it, e.g. what was rejected at receipt. */
  note?(line: T): { label: string; value: number } | null;
}

/**
 * The lines of a priced document: description, quantity, the document's own quantity columns, unit price, VAT rate and net
 * amount, in the document's currency; on a phone each line is a card (styles.scss, phone-cards). Cells of quantity columns carry `line-<key>-<index>` test ids.
 */
@Component({
  selector: 'bs-line-table',
  imports: [MatTableModule, CurrencyPipe, DecimalPipe, PercentPipe, TranslatePipe],
  template: `
    <table mat-table [dataSource]="lines()" class="phone-cards" [attr.data-testid]="testId()">
      <ng-container matColumnDef="description">
        <th mat-header-cell *matHeaderCellDef>{{ 'contracts.description' | translate }}</th>
        <td mat-cell *matCellDef="let l" [attr.data-label]="'contracts.description' | translate">{{ l.description }}</td>
      </ng-container>
      <ng-container matColumnDef="quantity">
        <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.quantity' | translate }}</th>
        <td mat-cell *matCellDef="let l" class="num" [attr.data-label]="'contracts.quantity' | translate">{{ l.quantity | number: '1.0-4' }}</td>
      </ng-container>
      @for (q of quantities(); track q.key) {
        <ng-container [matColumnDef]="q.key">
          <th mat-header-cell *matHeaderCellDef class="num">{{ q.label | translate }}</th>
          <td mat-cell *matCellDef="let l; let i = index" class="num" [attr.data-label]="q.label | translate" [attr.data-testid]="'line-' + q.key + '-' + i">
            {{ q.value(l) | number: '1.0-4' }}
            @if (q.note?.(l); as note) { <small>({{ note.label | translate }} {{ note.value | number: '1.0-4' }})</small> }
          </td>
        </ng-container>
      }
      <ng-container matColumnDef="unitPrice">
        <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.unitPrice' | translate }}</th>
        <td mat-cell *matCellDef="let l" class="num" [attr.data-label]="'contracts.unitPrice' | translate">{{ l.unitPrice | currency: currency() : 'symbol-narrow' : '1.2-4' }}</td>
      </ng-container>
      <ng-container matColumnDef="vatRate">
        <th mat-header-cell *matHeaderCellDef class="num">{{ 'contracts.vatRate' | translate }}</th>
        <td mat-cell *matCellDef="let l" class="num" [attr.data-label]="'contracts.vatRate' | translate">{{ l.vatRate | percent }}</td>
      </ng-container>
      <ng-container matColumnDef="netAmount">
        <th mat-header-cell *matHeaderCellDef class="num">{{ 'orders.netAmount' | translate }}</th>
        <td mat-cell *matCellDef="let l" class="num" [attr.data-label]="'orders.netAmount' | translate">{{ l.netAmount | currency: currency() : 'symbol-narrow' }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns()"></tr>
      <tr mat-row *matRowDef="let row; columns: columns()"></tr>
    </table>
  `,
  styles: `
    table { width: 100%; }
    .num { text-align: right; white-space: nowrap; }
    .mat-column-description { min-width: 10em; }
  `,
})
export class LineTable<T extends PricedLine> {
  readonly lines = input.required<readonly T[]>();
  readonly currency = input.required<string>();
  readonly quantities = input<readonly QuantityColumn<T>[]>([]);
  readonly testId = input('lines');

  protected readonly columns = computed(() => ['description', 'quantity', ...this.quantities().map(q => q.key), 'unitPrice', 'vatRate', 'netAmount']);
}
