import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { Delegation } from '../oa.api';
import { DelegationsPage } from './delegations.page';

const mine: Delegation = {
  id: 'd1', userId: 'me', userName: '王经理', substituteUserId: 'u2', substituteName: '徐主管', startsAt: '2026-12-07T01:00:00Z',
  endsAt: '2026-12-09T10:00:00Z', documentTypes: [], reason: '出差', leaveRequestId: null, cancelledAt: null,
};
const forMe: Delegation = { ...mine, id: 'd2', userId: 'u3', userName: '李销售', substituteUserId: 'me', substituteName: '王经理' };

describe('DelegationsPage', () => {
  function open() {
    TestBed.configureTestingModule({ imports: [DelegationsPage], providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(Session).me.set({ id: 'me', userName: 'manager', email: '', name: '王经理', tenantId: 't', tenantName: 'demo', impersonation: null, roles: [], permissions: [] });
    const fixture = TestBed.createComponent(DelegationsPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/oa/delegations').flush([mine, forMe]);
    http.expectOne('/api/oa/approvals/people').flush([{ id: 'u2', name: '徐主管' }]);
    fixture.detectChanges();
    return { fixture, page: fixture.componentInstance, http, element: fixture.nativeElement as HTMLElement };
  }

  it('lists delegations given and received, and offers to cancel only the user\'s own', () => {
    const { element } = open();
    expect(element.querySelectorAll('[data-testid="delegations-table"] tr.mat-mdc-row').length).toBe(2);
    expect(element.querySelector('[data-testid="delegation-cancel-徐主管"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="delegation-cancel-王经理"]')).toBeNull();
  });

  it('sends the period as UTC instants for every document type, and shows the server\'s refusal beside the field', () => {
    const { page, http, fixture, element } = open();
    (page as any).form.setValue({ substituteUserId: 'u2', startsAt: '2026-12-07T09:00', endsAt: '2026-12-09T18:00', reason: ' 出差 ' });
    (page as any).create();
    const request = http.expectOne(r => r.method === 'POST' && r.url === '/api/oa/delegations');
    expect(request.request.body).toEqual({
      substituteUserId: 'u2', startsAt: new Date('2026-12-07T09:00').toISOString(), endsAt: new Date('2026-12-09T18:00').toISOString(),
      documentTypes: [], reason: '出差',
    });
    request.flush({ title: 'End must be after start', errors: { endsAt: ['结束时间须晚于开始时间'] } }, { status: 400, statusText: 'Bad Request' });
    fixture.detectChanges();
    expect((page as any).form.controls.endsAt.errors).toEqual({ server: '结束时间须晚于开始时间' });
    expect(element.querySelector('[data-testid="delegation-ends-error"]')?.textContent).toContain('结束时间须晚于开始时间');
    http.verify();
  });
});
