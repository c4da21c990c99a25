import { Component, OnDestroy, OnInit, ViewChild, inject, input } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { MatCellDef, MatColumnDef, MatHeaderCellDef, MatTable, MatTableModule } from '@angular/material/table';
import { MatSortModule } from '@angular/material/sort';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * A right-aligned amount column of a `mat-table` in each row's own currency (`row.currency`), as lists of invoices, payables,
 * orders and claims show them: `<bs-money-column name="grossTotal" label="contracts.grossTotal" sortable />`. It adds itself to
 * the table it stands in, like Material's `mat-text-column`.
 */
@Component({
  selector: 'bs-money-column',
  imports: [MatTableModule, MatSortModule, CurrencyPipe, TranslatePipe],
  template: `
    <ng-container matColumnDef>
      <ng-template matHeaderCellDef #plain><th mat-header-cell class="num">{{ label() | translate }}</th></ng-template>
      <ng-template matHeaderCellDef #sorted><th mat-header-cell mat-sort-header class="num">{{ label() | translate }}</th></ng-template>
      <td mat-cell *matCellDef="let row" class="num">{{ row[name()] | currency: row.currency : 'symbol-narrow' }}</td>
    </ng-container>
  `,
  styles: `.num { text-align: right; white-space: nowrap; }`,
})
export class MoneyColumn implements OnInit, OnDestroy {
  private readonly table = inject(MatTable);
  /** The row's property, which is also the column's name in the table's columns. */
  readonly name = input.required<string>();
  readonly label = input.required<string>();
  /** Sorted by the table's `matSort` (the list asks the server, by this name). */
  readonly sortable = input(false, { transform: (v: boolean | '') => v !== false });

  @ViewChild(MatColumnDef, { static: true }) private columnDef!: MatColumnDef;
  @ViewChild(MatCellDef, { static: true }) private cell!: MatCellDef;
  /** Two headers: `mat-sort-header` demands a `matSort` on the table, so it is only used when asked for. */
  @ViewChild('plain', { read: MatHeaderCellDef, static: true }) private plainHeader!: MatHeaderCellDef;
  @ViewChild('sorted', { read: MatHeaderCellDef, static: true }) private sortedHeader!: MatHeaderCellDef;

  ngOnInit(): void {
    this.columnDef.name = this.name();
    this.columnDef.cell = this.cell;
    this.columnDef.headerCell = this.sortable() ? this.sortedHeader : this.plainHeader;
    this.table.addColumnDef(this.columnDef);
  }

  ngOnDestroy(): void { this.table.removeColumnDef(this.columnDef); }
}
