import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { ApprovalFlow } from '../oa.api';
import { FlowDialog, FlowDialogData } from './flow-dialog';

const expense: ApprovalFlow = {
  id: 'f1', documentType: 'expense-claim', name: '报销审批', createdAt: '2026-11-01T08:00:00',
  steps: [
    { number: 1, rule: 'DepartmentHead', roleName: null, userId: null, condition: 'Always', threshold: null, mode: 'Any', requiredApprovals: null, deadlineHours: null, timeoutAction: 'None' },
    { number: 2, rule: 'Role', roleName: 'admin', userId: null, condition: 'AmountAbove', threshold: 5000, mode: 'All', requiredApprovals: null, deadlineHours: 8, timeoutAction: 'Escalate' },
  ],
  resubmitFrom: 'ReturningStep', cc: [{ moment: 'Completion', stepNumber: 2, rule: 'Role', roleName: 'finance', userId: 'ignored' }],
};

describe('FlowDialog', () => {
  const close = vi.fn();

  function open(data: FlowDialogData) {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [FlowDialog],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close } }],
    });
    TestBed.inject(Session).me.set({ id: 'u1', userName: 'admin', email: 'a@demo.cn', name: 'Admin', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: [],
      permissions: ['Oa.ApprovalFlows.Manage'] });
    const fixture = TestBed.createComponent(FlowDialog);
    fixture.detectChanges();
    return { dialog: fixture.componentInstance, http: TestBed.inject(HttpTestingController) };
  }

  it('keeps the step order and sends only what each rule, condition, mode and CC uses', () => {
    const { dialog, http } = open({ flow: expense, taken: ['expense-claim'] });
    dialog['move'](1, -1);
    dialog['steps'].at(1).patchValue({ rule: 'User', userId: 'u9', roleName: 'ignored', mode: 'Quorum', requiredApprovals: 2 });
    dialog['form'].patchValue({ resubmitFrom: 'Start' });

    dialog.save();
    const request = http.expectOne('/api/oa/approval-flows/f1');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      documentType: 'expense-claim', name: '报销审批', resubmitFrom: 'Start',
      steps: [
        { rule: 'Role', roleName: 'admin', userId: null, condition: 'AmountAbove', threshold: 5000, mode: 'All', requiredApprovals: null, deadlineHours: 8,
          timeoutAction: 'Escalate' },
        { rule: 'User', roleName: null, userId: 'u9', condition: 'Always', threshold: null, mode: 'Quorum', requiredApprovals: 2, deadlineHours: null,
          timeoutAction: 'None' },
      ],
      cc: [{ moment: 'Completion', stepNumber: null, rule: 'Role', roleName: 'finance', userId: null }],
    });
    request.flush(expense);
    expect(close).toHaveBeenCalledWith(expense);
  });

  it('puts a server field error of a step (steps[0].roleName) beside that step\'s field', () => {
    const { dialog, http } = open({ flow: null, taken: [] });
    dialog['form'].patchValue({ documentType: 'offer', name: '录用' });
    dialog['steps'].at(0).patchValue({ roleName: '' });

    dialog.save();
    http.expectOne('/api/oa/approval-flows').flush(
      { status: 400, title: 'Validation failed', errors: { 'steps[0].roleName': ['Role must not be empty.'] } },
      { status: 400, statusText: 'Bad Request' });
    expect(dialog['steps'].at(0).controls.roleName.errors).toEqual({ server: 'Role must not be empty.' });
    expect(dialog['error']()).toBe('');
    expect(close).not.toHaveBeenCalled();
  });
});
