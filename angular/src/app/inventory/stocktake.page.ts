import { Component, OnInit, inject, input, signal } from '@angular/core';
import { CurrencyPipe, DecimalPipe } from '@angular/common';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../core/problem';
import { Session } from '../core/session';
import { InventoryApi, Stocktake, StocktakeLine } from './inventory.api';
import { Permissions } from '../core/api/permissions';

/** One count sheet: counted quantities are entered beside the frozen system quantities, then the differences are posted at average cost. */
@Component({
  selector: 'bs-stocktake',
  imports: [RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, CurrencyPipe,
    DecimalPipe, TranslatePipe],
  template: `
    <a mat-button routerLink="/inventory/stocktakes" data-testid="stocktake-back"><mat-icon>arrow_back</mat-icon> {{ 'inventory.stocktakes.title' | translate }}</a>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert" data-testid="stocktake-error">{{ error() | translate }}</p> }
    @if (sheet(); as s) {
      <div class="head">
        <h2 data-testid="stocktake-number">{{ 'inventory.stocktakes.sheet' | translate }} {{ s.number }}</h2>
        <span class="status" data-testid="stocktake-status">{{ 'inventory.stocktakes.status.' + s.status | translate }}</span>
        <span class="spacer"></span>
        @if (s.status === 'Draft' && s.lines.length > 0) {
          <button mat-stroked-button (click)="saveCounts(s)" [disabled]="busy()" data-testid="stocktake-save">{{ 'inventory.stocktakes.saveCounts' | translate }}</button>
        }
        @if (s.status === 'Draft' && canPost) {
            <button mat-flat-button (click)="post(s)" [disabled]="busy()" data-testid="stocktake-post">{{ 'inventory.stocktakes.post' | translate }}</button>
        }
      </div>
      <p>{{ s.warehouseName }} · {{ s.countedOn }}
        @if (s.status === 'Posted') { · +{{ s.gainValue | currency: 'CNY' : 'symbol-narrow' }} / −{{ s.lossValue | currency: 'CNY' : 'symbol-narrow' }} }</p>
      <div class="scroll">
        <table mat-table [dataSource]="s.lines" data-testid="stocktake-lines">
          <ng-container matColumnDef="product">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.product' | translate }}</th>
            <td mat-cell *matCellDef="let l">{{ l.sku }}<br /><small>{{ l.productName }}</small></td>
          </ng-container>
          <ng-container matColumnDef="system">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.stocktakes.system' | translate }}</th>
            <td mat-cell *matCellDef="let l" class="num" [attr.data-testid]="'system-' + l.sku">{{ l.systemQuantity }}</td>
          </ng-container>
          <ng-container matColumnDef="counted">
            <th mat-header-cell *matHeaderCellDef>{{ 'inventory.stocktakes.counted' | translate }}</th>
            <td mat-cell *matCellDef="let l">
              @if (s.status === 'Draft') {
                <mat-form-field appearance="outline" subscriptSizing="dynamic" class="small">
                  <input matInput type="number" min="0" [value]="counts[l.id] ?? ''" (input)="count(l, $any($event.target).value)"
                         [attr.data-testid]="'count-' + l.sku" [attr.aria-label]="'inventory.stocktakes.counted' | translate" />
                </mat-form-field>
              } @else { {{ l.countedQuantity | number: '1.0-4' }} }
            </td>
          </ng-container>
          <ng-container matColumnDef="difference">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.stocktakes.difference' | translate }}</th>
            <td mat-cell *matCellDef="let l" class="num" [class.loss]="difference(l) < 0">{{ difference(l) | number: '1.0-4' }}</td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.value' | translate }}</th>
            <td mat-cell *matCellDef="let l" class="num">{{ (s.status === 'Posted' ? l.differenceValue : difference(l) * l.unitCost) | currency: 'CNY' : 'symbol-narrow' }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; } .spacer { flex: 1; }
    .status { padding: 2px 10px; border-radius: 12px; background: #eef; }
    .scroll { overflow-x: auto; } table { width: 100%; } .num { text-align: right; white-space: nowrap; }
    .small { width: 120px; } .loss { color: #b3261e; } .error { color: #b3261e; }
  `,
})
export class StocktakePage implements OnInit {
  private readonly api = inject(InventoryApi);
  /** From the route (component input binding). */
  readonly id = input.required<string>();
  protected readonly canPost = inject(Session).isGranted(Permissions.InventoryStocktakesPost);
  protected readonly columns = ['product', 'system', 'counted', 'difference', 'value'];
  protected readonly sheet = signal<Stocktake | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  /** Counted quantities as typed, by line id (blank: not counted yet). */
  protected counts: Record<string, number | null> = {};

  ngOnInit(): void {
    this.loading.set(true);
    this.api.stocktake(this.id()).subscribe({ next: s => this.show(s), error: error => { this.error.set(problemMessage(error)); this.loading.set(false); } });
  }

  private show(sheet: Stocktake): void {
    this.sheet.set(sheet);
    this.counts = Object.fromEntries(sheet.lines.map(l => [l.id, l.countedQuantity]));
    this.loading.set(false);
    this.busy.set(false);
  }

  count(line: StocktakeLine, value: string): void { this.counts[line.id] = value === '' ? null : Number(value); }

  difference(line: StocktakeLine): number {
    const counted = this.counts[line.id] ?? line.countedQuantity;
    return counted === null || counted === undefined ? 0 : counted - line.systemQuantity;
  }

  saveCounts(sheet: Stocktake): void {
    this.run(this.api.recordCounts(sheet.id, sheet.lines.map(l => ({ lineId: l.id, countedQuantity: this.counts[l.id] ?? null }))));
  }

  /** Saves what was typed, then posts: a sheet is posted as the user sees it. */
  post(sheet: Stocktake): void {
    if (sheet.lines.length === 0) { this.run(this.api.postStocktake(sheet.id)); return; }
    this.busy.set(true);
    this.error.set('');
    this.api.recordCounts(sheet.id, sheet.lines.map(l => ({ lineId: l.id, countedQuantity: this.counts[l.id] ?? null }))).subscribe({
      next: () => this.run(this.api.postStocktake(sheet.id)),
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }

  private run(call: ReturnType<InventoryApi['postStocktake']>): void {
    this.busy.set(true);
    this.error.set('');
    call.subscribe({ next: s => this.show(s), error: error => { this.error.set(problemMessage(error)); this.busy.set(false); } });
  }
}
