import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { ExpenseClaim } from '../self-service.api';
import { ExpenseClaimPage, claimTotal } from './expense-claim.page';

const submitted: ExpenseClaim = {
  id: 'c1', number: 'BX2026000001', employeeId: 'e1', employeeName: '李销售', departmentId: 'd1', title: '上海出差', currency: 'CNY', total: 380.5,
  status: 'Submitted', approvalId: 'a1', rejectionComment: null, paidOn: null, createdAt: '2026-12-01T08:00:00',
  lines: [{ lineNumber: 1, category: 'Travel', description: '高铁', amount: 300.5, attachmentId: 'f1', attachmentName: '车票.pdf' },
    { lineNumber: 2, category: 'Meals', description: '午餐', amount: 80, attachmentId: null, attachmentName: null }],
};

describe('claimTotal', () => {
  it('adds the lines to the cent without floating point drift', () => {
    expect(claimTotal([0.1, 0.2])).toBe(0.3);
    expect(claimTotal([300.5, 80, null, undefined])).toBe(380.5);
  });
});

describe('ExpenseClaimPage', () => {
  function open(id?: string) {
    TestBed.configureTestingModule({
      imports: [ExpenseClaimPage],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(ExpenseClaimPage);
    if (id) fixture.componentRef.setInput('id', id);
    fixture.detectChanges();
    return { fixture, page: fixture.componentInstance, http: TestBed.inject(HttpTestingController) };
  }

  it('creates the draft with its lines, then submits it', () => {
    const { page, http } = open('new');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    page['form'].patchValue({ title: '客户拜访', lines: [{ category: 'Transport', description: '出租车', amount: 45.5 }] });
    page.addLine();
    page['lines'].at(1).patchValue({ category: 'Meals', description: '午餐', amount: 30, attachmentId: 'f9', attachmentName: 'r.jpg' });
    expect(page['total']()).toBe(75.5);

    page.submit();
    const create = http.expectOne({ method: 'POST', url: '/api/hr/expense-claims' });
    expect(create.request.body).toEqual({
      title: '客户拜访',
      lines: [{ category: 'Transport', description: '出租车', amount: 45.5, attachmentId: null }, { category: 'Meals', description: '午餐', amount: 30, attachmentId: 'f9' }],
    });
    create.flush({ ...submitted, id: 'c2', status: 'Draft' });
    http.expectOne({ method: 'POST', url: '/api/hr/expense-claims/c2/submit' }).flush({ ...submitted, id: 'c2' });
    expect(navigate).toHaveBeenCalledWith(['/hr/expenses', 'c2'], { replaceUrl: true });
    expect(page['editable']()).toBe(false);
  });

  it('shows a submitted claim read-only with its lines and receipts', () => {
    const { fixture, page, http } = open('c1');
    http.expectOne('/api/hr/employees/me').flush({ id: 'e1', name: '李销售', departmentId: 'd1' });
    http.expectOne('/api/hr/expense-claims/c1').flush(submitted);
    fixture.detectChanges();
    expect(page['editable']()).toBe(false);
    expect(page['form'].disabled).toBe(true);
    expect(page['lines'].length).toBe(2);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="line-receipt-0"]')?.textContent).toContain('车票.pdf');
    expect(el.querySelector('[data-testid="claim-submit"]')).toBeNull();
  });

  it('opens a returned draft for editing with the approver comment, but not a team member draft', () => {
    const mine = open('c1');
    mine.http.expectOne('/api/hr/employees/me').flush({ id: 'e1', name: '李销售', departmentId: 'd1' });
    mine.http.expectOne('/api/hr/expense-claims/c1').flush({ ...submitted, status: 'Draft', rejectionComment: '缺少发票' });
    mine.fixture.detectChanges();
    expect(mine.page['editable']()).toBe(true);
    expect(mine.fixture.nativeElement.querySelector('[data-testid="claim-rejection"]')?.textContent).toContain('缺少发票');

    TestBed.resetTestingModule();
    const head = open('c1');
    head.http.expectOne('/api/hr/employees/me').flush({ id: 'e7', name: '王经理', departmentId: 'd1' });
    head.http.expectOne('/api/hr/expense-claims/c1').flush({ ...submitted, status: 'Draft' });
    expect(head.page['editable']()).toBe(false);
  });
});
