import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { confirm } from '../../shared/confirm';
import { Department, Employee, HrApi, treeOrder } from '../hr.api';
import { DepartmentDialog } from './department-dialog';
import { Permissions } from '../../core/api/permissions';

/** The organisation tree, indented; heads are chosen among the employees. */
@Component({
  selector: 'bs-departments',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'hr.departments.title' | translate }}</h2>
      <span class="spacer"></span>
      <a mat-button routerLink="/hr/org-chart" data-testid="open-org-chart"><mat-icon>account_tree</mat-icon> {{ 'hr.orgChart.title' | translate }}</a>
      @if (canManage) {
        <button mat-flat-button (click)="edit()" data-testid="department-create"><mat-icon>add</mat-icon> {{ 'common.create' | translate }}</button>
      }
    </div>
    <ul class="tree" data-testid="departments-tree">
      @for (row of rows(); track row.department.id) {
        <li [style.padding-left.px]="row.depth * 24" [attr.data-testid]="'department-' + row.department.code">
          <mat-icon>{{ row.depth === 0 ? 'corporate_fare' : 'subdirectory_arrow_right' }}</mat-icon>
          <strong>{{ row.department.name }}</strong> <span class="muted">{{ row.department.code }}</span>
          <span class="muted">· {{ 'hr.departments.head' | translate }}: {{ row.department.headName ?? '—' }}</span>
          <span class="muted">· {{ 'hr.departments.employeeCount' | translate: { count: row.department.employeeCount } }}</span>
          <span class="spacer"></span>
          @if (canManage) {
            <button mat-icon-button (click)="edit(row.department)" [attr.aria-label]="'common.edit' | translate"
                    [attr.data-testid]="'department-edit-' + row.department.code"><mat-icon>edit</mat-icon></button>
            <button mat-icon-button (click)="remove(row.department)" [attr.aria-label]="'common.delete' | translate"
                    [attr.data-testid]="'department-delete-' + row.department.code"><mat-icon>delete</mat-icon></button>
          }
        </li>
      } @empty {
        <p class="muted" data-testid="list-empty">{{ 'common.empty' | translate }}</p>
      }
    </ul>
  `,
  styles: `
    .head, li { display: flex; align-items: center; gap: 8px; }
    .spacer { flex: 1; }
    .tree { list-style: none; padding: 0; }
    li { border-bottom: 1px solid #eee; min-height: 48px; }
    .muted { color: #666; }
  `,
})
export class DepartmentsPage implements OnInit {
  private readonly api = inject(HrApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.HrDepartmentsManage);
  private readonly departments = signal<Department[]>([]);
  private employees: Employee[] = [];
  protected readonly rows = computed(() => treeOrder(this.departments()));

  ngOnInit(): void { this.load(); }

  load(): void {
    forkJoin([this.api.departments(), this.api.employees({ skip: 0, take: 1000 })]).subscribe({
      next: ([departments, employees]) => { this.employees = employees.items; this.departments.set(departments); },
      error: e => this.notifier.error(e),
    });
  }

  edit(department?: Department): void {
    this.dialog.open(DepartmentDialog, { data: { department: department ?? null, departments: this.departments(), employees: this.employees }, width: '480px' })
      .afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  remove(department: Department): void {
    confirm(this.dialog, 'hr.departments.confirmDelete', { name: department.name }).subscribe(ok => {
      if (ok) this.api.deleteDepartment(department.id).subscribe({ next: () => this.load(), error: e => this.notifier.error(e) });
    });
  }
}
