import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { LeaveBalance, workingDays } from '../self-service.api';
import { LeaveRequestDialog } from './leave-request-dialog';

const annual: LeaveBalance = {
  id: 'b1', employeeId: 'e1', employeeName: '李销售', leaveTypeId: 't1', leaveTypeName: '年假', year: 2026, entitled: 5, used: 1, pending: 0, remaining: 4,
};

describe('workingDays', () => {
  it('counts Monday to Friday with both ends, like the server', () => {
    expect(workingDays('2026-12-07', '2026-12-11')).toBe(5);
    expect(workingDays('2026-12-10', '2026-12-14')).toBe(3);
    expect(workingDays('2026-12-05', '2026-12-06')).toBe(0);
    expect(workingDays('2026-12-01', '2026-12-31')).toBe(23);
    expect(workingDays('2026-12-10', '2026-12-09')).toBe(0);
    expect(workingDays('', '2026-12-09')).toBe(0);
  });
});

describe('LeaveRequestDialog', () => {
  function open() {
    const close = vi.fn();
    TestBed.configureTestingModule({
      imports: [LeaveRequestDialog],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: [annual] }, { provide: MatDialogRef, useValue: { close } }],
    });
    const fixture = TestBed.createComponent(LeaveRequestDialog);
    fixture.detectChanges();
    return { fixture, dialog: fixture.componentInstance, http: TestBed.inject(HttpTestingController), close };
  }

  it('shows the working days of the chosen period as the dates change', () => {
    const { dialog } = open();
    dialog['form'].patchValue({ from: '2026-12-10', to: '2026-12-14' });
    expect(dialog['days']()).toBe(3);
  });

  it('submits the request with the first type and closes with it', () => {
    const { dialog, http, close } = open();
    dialog['form'].patchValue({ from: '2026-12-07', to: '2026-12-08', reason: '  回家  ' });
    dialog.save();
    const request = http.expectOne({ method: 'POST', url: '/api/hr/leave-requests' });
    expect(request.request.body).toEqual({ leaveTypeId: 't1', from: '2026-12-07', to: '2026-12-08', reason: '回家' });
    request.flush({ id: 'r1' });
    expect(close).toHaveBeenCalledWith({ id: 'r1' });
  });

  it('shows too few days left beside the end date and an overlap above the buttons', async () => {
    const { fixture, dialog, http, close } = open();
    dialog.save();
    const message = '年假：申请 6 天，但只剩 4 天。';
    http.expectOne('/api/hr/leave-requests').flush({ status: 422, code: 'Hr:InsufficientLeaveBalance', errors: { to: [message] } },
      { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();
    expect(dialog['form'].controls.to.errors).toEqual({ server: message });
    expect(dialog['error']()).toBe('');

    dialog['form'].patchValue({ to: '2026-12-08' });
    dialog.save();
    http.expectOne('/api/hr/leave-requests').flush({ status: 409, code: 'Hr:LeaveOverlap', detail: '该期间已有请假单 QJ2026000001。' },
      { status: 409, statusText: 'Conflict' });
    expect(dialog['error']()).toBe('该期间已有请假单 QJ2026000001。');
    expect(close).not.toHaveBeenCalled();
  });
});
