import { Component, OnInit, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { Session } from '../core/session';
import { ListPage } from '../shared/list-page';
import { PurchasingApi, Supplier } from './purchasing.api';
import { SupplierDialog } from './supplier-dialog';
import { Permissions } from '../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../shared/custom-fields';

/** Suppliers (供应商), with import and export like customers. */
@Component({
  selector: 'bs-suppliers',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="purchasing.suppliers.title" [state]="list" [canCreate]="canManage" (create)="edit()"
                  [importFrom]="canManage ? '/api/purchasing/suppliers' : null">
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="suppliers" />
      <div class="scroll">
        <table mat-table [dataSource]="list.items()" data-testid="suppliers-table">
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.suppliers.name' | translate }}</th>
            <td mat-cell *matCellDef="let s">{{ s.name }} @if (!s.isActive) { <small class="muted">({{ 'purchasing.suppliers.inactive' | translate }})</small> }</td>
          </ng-container>
          <ng-container matColumnDef="creditCode">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.suppliers.creditCode' | translate }}</th>
            <td mat-cell *matCellDef="let s">{{ s.creditCode }}</td>
          </ng-container>
          <ng-container matColumnDef="contact">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.suppliers.contactName' | translate }}</th>
            <td mat-cell *matCellDef="let s">{{ s.contactName }}<br /><small>{{ s.contactPhone }} {{ s.contactEmail }}</small></td>
          </ng-container>
          <ng-container matColumnDef="terms">
            <th mat-header-cell *matHeaderCellDef>{{ 'purchasing.suppliers.paymentTermDays' | translate }}</th>
            <td mat-cell *matCellDef="let s" class="num">{{ s.paymentTermDays }}</td>
          </ng-container>
          @for (f of custom.listFields(); track f.key) {
            <ng-container [matColumnDef]="'custom.' + f.key">
              <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
              <td mat-cell *matCellDef="let s" [attr.data-testid]="'supplier-custom-' + f.key">{{ custom.text(f, s) }}</td>
            </ng-container>
          }
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef></th>
            <td mat-cell *matCellDef="let s" class="actions">
              @if (canManage) { <button mat-icon-button (click)="edit(s)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button> }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .scroll { overflow-x: auto; } table { width: 100%; } .actions, .num { text-align: right; } .muted { color: #666; }`,
})
export class SuppliersPage implements OnInit {
  protected readonly session = inject(Session);
  private readonly api = inject(PurchasingApi);
  private readonly dialog = inject(MatDialog);
  protected readonly canManage = this.session.isGranted(Permissions.PurchasingSuppliersManage);
  protected readonly custom = new CustomFieldList('purchasing.supplier');
  protected readonly columns = computed(() => this.custom.columns(['name', 'creditCode'], ['contact', 'terms', 'actions']));
  protected readonly list = new ListState<Supplier>(q => this.api.suppliers(q, undefined, this.custom.filter()));

  /** The search's text when the global search opened this page for a supplier (`?filter=`). */
  readonly searchText = input<string | undefined>(undefined, { alias: 'filter' });

  ngOnInit(): void { this.list.search(this.searchText() ?? ''); }

  edit(supplier?: Supplier): void {
    this.dialog.open(SupplierDialog, { data: supplier ?? null, width: '560px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }
}
