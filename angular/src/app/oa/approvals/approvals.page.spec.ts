import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ApprovalSummary } from '../oa.api';
import { ApprovalsPage } from './approvals.page';

const claim: ApprovalSummary = {
  id: 'a1', documentType: 'expense-claim', documentNumber: 'BX0001', title: '出差报销', applicantUserId: 'u2', applicantName: '李销售',
  amount: 6000, currency: 'CNY', days: null, status: 'Pending', currentStep: 2, stepCount: 2, submittedAt: '2026-11-02T09:00:00', finishedAt: null, link: null,
};

describe('Approval inbox', () => {
  function render() {
    TestBed.configureTestingModule({
      imports: [ApprovalsPage],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(ApprovalsPage);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController), element: fixture.nativeElement as HTMLElement };
  }

  it('opens on what waits for me and links each row to its approval', () => {
    const { fixture, http, element } = render();
    const request = http.expectOne(r => r.url === '/api/oa/approvals');
    expect(request.request.params.get('box')).toBe('assigned');
    request.flush({ items: [claim], totalCount: 1 });
    fixture.detectChanges();

    const link = element.querySelector('[data-testid="approval-link-BX0001"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/oa/approvals/a1');
    expect(element.querySelector('[data-testid="approval-status-BX0001"]')?.textContent).toContain('oa.approvals.stepOf');
  });

  it('switching tabs asks for that box from the first page', () => {
    const { fixture, http, element } = render();
    http.expectOne(r => r.url === '/api/oa/approvals').flush({ items: [], totalCount: 0 });
    fixture.componentInstance['list'].query.update(q => ({ ...q, skip: 20 }));

    (element.querySelector('[data-testid="box-done"]') as HTMLElement).click();
    const request = http.expectOne(r => r.url === '/api/oa/approvals');
    expect(request.request.params.get('box')).toBe('done');
    expect(request.request.params.get('skip')).toBe('0');
    http.verify();
  });
  it('approves the selected items at once and reports what it left for one-by-one review', () => {
    const { fixture, http, element } = render();
    http.expectOne(r => r.url === '/api/oa/approvals').flush({ items: [claim, { ...claim, id: 'a2', documentNumber: 'BX0002' }], totalCount: 2 });
    fixture.detectChanges();

    (element.querySelector('[data-testid="select-BX0001"] input') as HTMLInputElement).click();
    (element.querySelector('[data-testid="select-BX0002"] input') as HTMLInputElement).click();
    fixture.detectChanges();
    (element.querySelector('[data-testid="batch-approve"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/oa/approvals/batch-approve');
    expect(request.request.body).toEqual({ ids: ['a1', 'a2'], comment: null });
    request.flush({ approved: ['a1'], skipped: ['a2'] });
    http.expectOne(r => r.url === '/api/oa/approvals').flush({ items: [], totalCount: 0 });
    fixture.detectChanges();
    expect(element.querySelector('[data-testid="batch-message"]')?.textContent).toContain('oa.approvals.batchDone');
  });
});
