import { Component, OnInit, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { Customer, CustomersApi } from './customers.api';
import { CustomerDialog } from './customer-dialog';
import { Permissions } from '../../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

@Component({
  selector: 'bs-customers',
  imports: [ListPage, MatTableModule, MatButtonModule, MatIconModule, RouterLink, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="customers.title" [state]="list" [canCreate]="session.isGranted(Permissions.CrmCustomersManage)" (create)="edit()"
                  [importFrom]="session.isGranted(Permissions.CrmCustomersManage) ? '/api/crm/customers' : null">
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="customers" />
      <table mat-table [dataSource]="list.items()" data-testid="customers-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'customers.name' | translate }}</th>
          <td mat-cell *matCellDef="let c"><a [routerLink]="['/crm/customers', c.id]" [attr.data-testid]="'customer-link-' + c.name">{{ c.name }}</a></td>
        </ng-container>
        <ng-container matColumnDef="creditCode">
          <th mat-header-cell *matHeaderCellDef>{{ 'customers.creditCode' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.creditCode }}</td>
        </ng-container>
        <ng-container matColumnDef="billingAddress">
          <th mat-header-cell *matHeaderCellDef>{{ 'customers.billingAddress' | translate }}</th>
          <td mat-cell *matCellDef="let c">{{ c.billingAddress }}</td>
        </ng-container>
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let c" [attr.data-testid]="'customer-custom-' + f.key">{{ custom.text(f, c) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef></th>
          <td mat-cell *matCellDef="let c" class="actions">
            @if (session.isGranted(Permissions.CrmCustomersManage)) {
              <button mat-icon-button (click)="edit(c)" [attr.aria-label]="'common.edit' | translate"><mat-icon>edit</mat-icon></button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .actions { text-align: right; }`,
})
export class CustomersPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(CustomersApi);
  private readonly dialog = inject(MatDialog);
  protected readonly custom = new CustomFieldList('crm.customer');
  protected readonly columns = computed(() => this.custom.columns(['name', 'creditCode'], ['billingAddress', 'actions']));
  protected readonly list = new ListState<Customer>(q => this.api.list(q, this.custom.filter()));

  ngOnInit(): void { this.list.load(); }

  edit(customer?: Customer): void {
    this.dialog.open(CustomerDialog, { data: customer ?? null, width: '520px' }).afterClosed()
      .subscribe(saved => { if (saved) this.list.load(); });
  }
}
