import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { Employee } from '../hr.api';
import { EmployeePage } from './employee.page';

const employee: Employee = {
  id: 'e1', number: 'E000007', name: '钱七', departmentId: null, departmentName: null, position: '会计', managerId: null, managerName: null,
  hireDate: '2026-01-05', status: 'Active', phone: null, email: 'qian@demo.cn', userId: 'u7', nationalIdMasked: '110101********1233',
  createdAt: '2026-01-05T08:00:00', customFields: {},
};

describe('EmployeePage', () => {
  async function render(permissions: string[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [EmployeePage],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(Session).me.set({
      id: 'u1', userName: 'hr', email: 'hr@demo.cn', name: 'HR', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: [], permissions,
    });
    const fixture = TestBed.createComponent(EmployeePage);
    fixture.componentRef.setInput('id', 'e1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/hr/departments').flush([]);
    http.expectOne(r => r.url === '/api/hr/employees').flush({ items: [employee], totalCount: 1 });
    http.expectOne('/api/hr/employees/e1').flush(employee);
    http.expectOne('/api/custom-fields/hr.employee').flush([]);
    await fixture.whenStable();
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    return { fixture, http, element, byTestId: (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
  }

  it('shows the national id masked and reveals it only on request, with the permission', async () => {
    const { fixture, http, byTestId } = await render(['Hr.Employees', 'Hr.Employees.Manage', 'Hr.Employees.NationalId']);
    expect(byTestId('employee-nationalId-masked')!.textContent).toContain('110101********1233');
    byTestId('employee-reveal')!.click();
    http.expectOne({ method: 'GET', url: '/api/hr/employees/e1/national-id' }).flush({ nationalId: '110101199003071233' });
    fixture.detectChanges();
    expect(byTestId('employee-nationalId-masked')!.textContent).toContain('110101199003071233');
    expect(byTestId('employee-reveal')).toBeNull();
  });

  it('offers no reveal and no saving to a viewer', async () => {
    const { byTestId } = await render(['Hr.Employees']);
    expect(byTestId('employee-nationalId-masked')!.textContent).toContain('110101********1233');
    expect(byTestId('employee-reveal')).toBeNull();
    expect(byTestId('employee-save')).toBeNull();
  });

  it('sends no national id when the field is left empty, so the stored one stays', async () => {
    const { fixture, http, byTestId } = await render(['Hr.Employees', 'Hr.Employees.Manage']);
    fixture.componentInstance['form'].patchValue({ position: '主管会计' });
    byTestId('employee-save')!.click();
    const request = http.expectOne({ method: 'PUT', url: '/api/hr/employees/e1' });
    expect(request.request.body).toMatchObject({ position: '主管会计', nationalId: null, userId: 'u7' });
  });
});
