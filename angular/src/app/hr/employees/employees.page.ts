import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { Department, Employee, HrApi } from '../hr.api';
import { Permissions } from '../../core/api/permissions';
import { CustomFieldFilters, CustomFieldList } from '../../shared/custom-fields';

@Component({
  selector: 'bs-employees',
  imports: [ListPage, MatTableModule, MatFormFieldModule, MatSelectModule, RouterLink, TranslatePipe, CustomFieldFilters],
  template: `
    <bs-list-page titleKey="hr.employees.title" [state]="list" [canCreate]="session.isGranted(Permissions.HrEmployeesManage)" (create)="router.navigate(['/hr/employees/new'])"
                  [importFrom]="session.isGranted(Permissions.HrEmployeesManage) ? '/api/hr/employees' : null">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="filter">
        <mat-label>{{ 'hr.employees.department' | translate }}</mat-label>
        <mat-select [value]="departmentId()" (valueChange)="filter($event)" data-testid="employees-department">
          <mat-option [value]="null">{{ 'hr.all' | translate }}</mat-option>
          @for (d of departments(); track d.id) { <mat-option [value]="d.id">{{ d.name }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <bs-custom-field-filters [fields]="custom.fields()" [value]="custom.filter()" (changed)="custom.filter.set($event); list.firstPage()" testId="employees" />
      <table mat-table [dataSource]="list.items()" data-testid="employees-table">
        <ng-container matColumnDef="number">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.number' | translate }}</th>
          <td mat-cell *matCellDef="let e"><a [routerLink]="['/hr/employees', e.id]" [attr.data-testid]="'employee-link-' + e.name">{{ e.number }}</a></td>
        </ng-container>
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.name' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.name }}</td>
        </ng-container>
        <ng-container matColumnDef="department">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.department' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.departmentName }}</td>
        </ng-container>
        <ng-container matColumnDef="position">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.position' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.position }}</td>
        </ng-container>
        @for (f of custom.listFields(); track f.key) {
          <ng-container [matColumnDef]="'custom.' + f.key">
            <th mat-header-cell *matHeaderCellDef>{{ custom.label(f) }}</th>
            <td mat-cell *matCellDef="let e" [attr.data-testid]="'employee-custom-' + f.key">{{ custom.text(f, e) }}</td>
          </ng-container>
        }
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.status' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ 'hr.status.' + e.status | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="nationalId">
          <th mat-header-cell *matHeaderCellDef>{{ 'hr.employees.nationalId' | translate }}</th>
          <td mat-cell *matCellDef="let e">{{ e.nationalIdMasked }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .filter { margin-bottom: 8px; min-width: 220px; }`,
})
export class EmployeesPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  protected readonly router = inject(Router);
  private readonly api = inject(HrApi);
  protected readonly custom = new CustomFieldList('hr.employee');
  protected readonly columns = computed(() => this.custom.columns(['number', 'name', 'department', 'position'], ['status', 'nationalId']));
  protected readonly departments = signal<Department[]>([]);
  protected readonly departmentId = signal<string | null>(null);
  protected readonly list = new ListState<Employee>(q => this.api.employees(q, this.departmentId(), this.custom.filter()));

  ngOnInit(): void {
    this.api.departments().subscribe(d => this.departments.set(d));
    this.list.load();
  }

  filter(departmentId: string | null): void {
    this.departmentId.set(departmentId);
    this.list.search(this.list.query().filter ?? '');
  }
}
