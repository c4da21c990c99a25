import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { Department, treeOrder } from '../hr.api';
import { DepartmentDialog, DepartmentDialogData } from './department-dialog';

const dept = (id: string, name: string, parentId: string | null): Department =>
  ({ id, name, code: id.toUpperCase(), parentId, headEmployeeId: null, headName: null, employeeCount: 0 });
const office = dept('gm', '总经办', null);
const sales = dept('sales', '销售部', 'gm');
const east = dept('east', '华东区', 'sales');
const finance = dept('fin', '财务部', 'gm');

describe('treeOrder', () => {
  it('puts every department after its parent, one level deeper', () => {
    expect(treeOrder([east, finance, sales, office]).map(r => `${r.depth}:${r.department.name}`))
      .toEqual(['0:总经办', '1:财务部', '1:销售部', '2:华东区']);
  });
});

describe('DepartmentDialog', () => {
  function open(data: DepartmentDialogData) {
    const close = vi.fn();
    TestBed.configureTestingModule({
      imports: [DepartmentDialog],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }],
    });
    const fixture = TestBed.createComponent(DepartmentDialog);
    fixture.detectChanges();
    return { fixture, dialog: fixture.componentInstance, http: TestBed.inject(HttpTestingController), close };
  }

  it('does not offer the department itself as its own parent', () => {
    const { dialog } = open({ department: sales, departments: [office, sales, east], employees: [] });
    expect(dialog['parents'].map(r => r.department.id)).toEqual(['gm', 'east']);
  });

  it('shows the server refusing a cycle beside the parent field', async () => {
    const { fixture, dialog, http, close } = open({ department: office, departments: [office, sales, east], employees: [] });
    dialog['form'].patchValue({ parentId: 'east' });
    dialog.save();
    const request = http.expectOne({ method: 'PUT', url: '/api/hr/departments/gm' });
    expect(request.request.body).toEqual({ name: '总经办', code: 'GM', parentId: 'east', headEmployeeId: null });
    const message = '不能把部门移到它自己或它的下级部门之下。';
    request.flush({ status: 422, code: 'Hr:DepartmentCycle', errors: { parentId: [message] } }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(close).not.toHaveBeenCalled();
    expect(dialog['form'].controls.parentId.errors).toEqual({ server: message });
  });
});
