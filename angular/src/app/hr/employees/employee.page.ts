import { Component, OnInit, inject, input, signal } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { forkJoin, of } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { today } from '../../shared/dates';
import { FieldError } from '../../shared/field-error';
import { Department, EMPLOYEE_STATUSES, Employee, EmployeeStatus, HrApi, SaveEmployee } from '../hr.api';
import { Permissions } from '../../core/api/permissions';
import { Timeline } from '../../shared/timeline/timeline';
import { CustomField, CustomFieldGroup, CustomFieldInputs, CustomFieldsApi, CustomValues, customFieldGroup, customFieldValues } from '../../shared/custom-fields';

/** One employee: view and edit. The national id shows masked; holders of the permission may reveal it. */
@Component({
  selector: 'bs-employee',
  imports: [Timeline, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, TranslatePipe, FieldError,
    CustomFieldInputs],
  template: `
    <div class="head">
      <a mat-icon-button routerLink="/hr/employees" [attr.aria-label]="'hr.back' | translate"><mat-icon>arrow_back</mat-icon></a>
      <h2 data-testid="employee-title">{{ employee()?.number ?? ('hr.employees.create' | translate) }} {{ employee()?.name }}</h2>
    </div>
    <form [formGroup]="form" (ngSubmit)="save()" class="grid">
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.name' | translate }}</mat-label>
        <input matInput formControlName="name" data-testid="employee-name" />
        <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.department' | translate }}</mat-label>
        <mat-select formControlName="departmentId" data-testid="employee-department">
          <mat-option [value]="null">—</mat-option>
          @for (d of departments(); track d.id) { <mat-option [value]="d.id">{{ d.name }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.position' | translate }}</mat-label>
        <input matInput formControlName="position" data-testid="employee-position" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.manager' | translate }}</mat-label>
        <mat-select formControlName="managerId" data-testid="employee-manager">
          <mat-option [value]="null">—</mat-option>
          @for (e of managers(); track e.id) { <mat-option [value]="e.id">{{ e.name }} · {{ e.number }}</mat-option> }
        </mat-select>
        <mat-error><bs-field-error [control]="form.controls.managerId" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.hireDate' | translate }}</mat-label>
        <input matInput type="date" formControlName="hireDate" data-testid="employee-hireDate" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.status' | translate }}</mat-label>
        <mat-select formControlName="status" data-testid="employee-status">
          @for (s of statuses; track s) { <mat-option [value]="s">{{ 'hr.status.' + s | translate }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.phone' | translate }}</mat-label>
        <input matInput formControlName="phone" data-testid="employee-phone" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.email' | translate }}</mat-label>
        <input matInput formControlName="email" data-testid="employee-email" />
        <mat-error><bs-field-error [control]="form.controls.email" /></mat-error>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.employees.nationalId' | translate }}</mat-label>
        <input matInput formControlName="nationalId" data-testid="employee-nationalId"
               [placeholder]="employee()?.nationalIdMasked ?? ''" />
        @if (employee()?.nationalIdMasked) { <mat-hint data-testid="employee-nationalId-masked">{{ revealed() ?? employee()?.nationalIdMasked }}</mat-hint> }
        <mat-error><bs-field-error [control]="form.controls.nationalId" /></mat-error>
      </mat-form-field>
      <bs-custom-field-inputs class="custom" [fields]="customFields()" [group]="form.controls.customFields" />
      <div class="actions">
        @if (employee()?.nationalIdMasked && canReveal && !revealed()) {
          <button mat-button type="button" (click)="reveal()" data-testid="employee-reveal"><mat-icon>visibility</mat-icon> {{ 'hr.employees.reveal' | translate }}</button>
        }
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
        <span class="spacer"></span>
        @if (canManage) {
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="employee-save">{{ 'common.save' | translate }}</button>
        }
      </div>
    </form>
    @if (employee()) {
      <section class="record-timeline" data-testid="record-timeline">
        <h3>{{ 'timeline.title' | translate }}</h3>
        <bs-timeline recordType="hr.employee" [recordId]="id()" />
      </section>
    }
  `,
  styles: `
    .record-timeline { margin-top: 16px; } .record-timeline h3 { margin: 0 0 8px; }
    .head, .actions { display: flex; align-items: center; gap: 8px; }
    .spacer { flex: 1; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0 16px; }
    .actions { grid-column: 1 / -1; }
    /* The custom inputs join the grid as if they were the form's own. */
    .custom { display: contents; }
    .error { color: #b3261e; }
  `,
})
export class EmployeePage implements OnInit {
  /** The route's id; "new" creates an employee. */
  readonly id = input.required<string>();
  private readonly api = inject(HrApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(Session);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  /** The tenant's custom fields of employees, after the standard fields. */
  protected readonly customFields = signal<CustomField[]>([]);
  protected readonly canManage = this.session.isGranted(Permissions.HrEmployeesManage);
  protected readonly canReveal = this.session.isGranted(Permissions.HrEmployeesNationalId);
  protected readonly statuses = EMPLOYEE_STATUSES;
  protected readonly employee = signal<Employee | null>(null);
  protected readonly departments = signal<Department[]>([]);
  protected readonly managers = signal<Employee[]>([]);
  protected readonly revealed = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    departmentId: [null as string | null],
    position: [''],
    managerId: [null as string | null],
    hireDate: [today(), Validators.required],
    status: ['Probation' as EmployeeStatus],
    phone: [''],
    email: ['', Validators.email],
    nationalId: ['', Validators.pattern(/^\d{17}[\dXx]$/)],
    customFields: new FormGroup({}) as CustomFieldGroup,
  });

  ngOnInit(): void {
    const isNew = this.id() === 'new';
    forkJoin([this.api.departments(), this.api.employees({ skip: 0, take: 1000 }), isNew ? of(null) : this.api.employee(this.id()),
      this.customFieldsApi.active('hr.employee')]).subscribe({
      next: ([departments, employees, employee, fields]) => {
        this.departments.set(departments);
        this.customFields.set(fields);
        // A new employee's inputs start with the defaults; a stored one's with its values (show puts them in).
        if (!employee) this.form.setControl('customFields', customFieldGroup(fields, null));
        this.managers.set(employees.items.filter(e => e.id !== employee?.id));
        if (employee) this.show(employee);
        if (!this.canManage) this.form.disable();
      },
      error: e => this.notifier.error(e),
    });
  }

  reveal(): void {
    this.api.nationalId(this.id()).subscribe({ next: r => this.revealed.set(r.nationalId), error: e => this.notifier.error(e) });
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const current = this.employee();
    const body = {
      name: v.name!, departmentId: v.departmentId, position: v.position || null, managerId: v.managerId, hireDate: v.hireDate!, status: v.status!,
      phone: v.phone || null, email: v.email || null, nationalId: v.nationalId || null, userId: current?.userId ?? null,
      // The API types a JSON object's values as `never` (it cannot know the tenant's fields): the server checks them.
      customFields: customFieldValues(this.form.controls.customFields) as SaveEmployee['customFields'],
    };
    (current ? this.api.updateEmployee(current.id, body) : this.api.createEmployee(body)).subscribe({
      next: saved => {
        this.busy.set(false);
        if (!current) { this.router.navigate(['/hr/employees', saved.id]); return; }
        this.show(saved);
      },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }

  private show(employee: Employee): void {
    this.employee.set(employee);
    this.revealed.set(null);
    this.error.set('');
    this.form.setControl('customFields', customFieldGroup(this.customFields(), employee.customFields as CustomValues));
    this.form.patchValue({ ...employee, customFields: undefined, position: employee.position ?? '', phone: employee.phone ?? '', email: employee.email ?? '', nationalId: '' });
  }
}
