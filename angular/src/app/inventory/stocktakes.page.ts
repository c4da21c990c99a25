import { Component, OnInit, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { Notifier } from '../core/notifier';
import { ListPage } from '../shared/list-page';
import { InventoryApi, Stocktake, Warehouse } from './inventory.api';

/** Stocktakes (盘点): open a count sheet for a warehouse, count, post the differences. */
@Component({
  selector: 'bs-stocktakes',
  imports: [ListPage, RouterLink, MatTableModule, MatButtonModule, MatIconModule, MatFormFieldModule, MatSelectModule, CurrencyPipe, TranslatePipe],
  template: `
    <bs-list-page titleKey="inventory.stocktakes.title" [state]="list">
      <div class="start">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'inventory.warehouse' | translate }}</mat-label>
          <mat-select [value]="warehouseId()" (selectionChange)="warehouseId.set($event.value)" data-testid="stocktake-warehouse">
            @for (w of warehouses(); track w.id) { <mat-option [value]="w.id">{{ w.code }} {{ w.name }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <button mat-flat-button (click)="start()" [disabled]="!warehouseId() || busy()" data-testid="stocktake-start">
          <mat-icon>fact_check</mat-icon> {{ 'inventory.stocktakes.start' | translate }}
        </button>
      </div>
      <table mat-table [dataSource]="list.items()" data-testid="stocktakes-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'inventory.stocktakes.number' | translate }}</th>
          <td mat-cell *matCellDef="let s"><a [routerLink]="['/inventory/stocktakes', s.id]">{{ s.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="warehouse">
          <th mat-header-cell *matHeaderCellDef>{{ 'inventory.warehouse' | translate }}</th>
          <td mat-cell *matCellDef="let s">{{ s.warehouseName }}<br /><small>{{ s.countedOn }}</small></td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
          <td mat-cell *matCellDef="let s">{{ 'inventory.stocktakes.status.' + s.status | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="result">
          <th mat-header-cell *matHeaderCellDef class="num">{{ 'inventory.stocktakes.result' | translate }}</th>
          <td mat-cell *matCellDef="let s" class="num">+{{ s.gainValue | currency: 'CNY' : 'symbol-narrow' }} / −{{ s.lossValue | currency: 'CNY' : 'symbol-narrow' }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `.start { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; } table { width: 100%; }
    .num { text-align: right; white-space: nowrap; }`,
})
export class StocktakesPage implements OnInit {
  private readonly api = inject(InventoryApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['number', 'warehouse', 'status', 'result'];
  protected readonly warehouses = signal<Warehouse[]>([]);
  protected readonly warehouseId = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly list = new ListState<Stocktake>(q => this.api.stocktakes(q));

  ngOnInit(): void {
    this.api.warehouses({ skip: 0, take: 100 }, true).subscribe(page => {
      this.warehouses.set(page.items);
      this.warehouseId.set(page.items.find(w => w.isDefault)?.id ?? page.items[0]?.id ?? null);
    });
    this.list.load();
  }

  start(): void {
    this.busy.set(true);
    this.api.startStocktake(this.warehouseId()!).subscribe({
      next: sheet => this.router.navigate(['/inventory/stocktakes', sheet.id]),
      error: error => { this.busy.set(false); this.notifier.error(error); },
    });
  }
}
