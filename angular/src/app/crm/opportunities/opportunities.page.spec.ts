import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { OpportunitiesPage } from './opportunities.page';
import { Opportunity } from './opportunities.api';

function opportunity(name: string, stage: Opportunity['stage']): Opportunity {
  return {
    id: name, customerId: 'c1', customerName: '杭州某某', name, amount: 1000, currency: 'CNY', stage, probability: 10,
    expectedCloseDate: null, ownerId: null, lostReason: null, createdAt: '2026-11-25T00:00:00',
  };
}

describe('OpportunitiesPage (kanban)', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [OpportunitiesPage],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(Session).me.set({
      id: '1', userName: 'li', email: 'li@demo.cn', name: '李', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: [],
      permissions: ['Crm.Opportunities', 'Crm.Opportunities.Manage'],
    });
  });

  async function render(items: Opportunity[]) {
    const fixture = TestBed.createComponent(OpportunitiesPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(r => r.url === '/api/crm/opportunities').flush({ items, totalCount: items.length });
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const column = (stage: string) => element.querySelector(`[data-testid="stage-${stage}"]`)!;
    return { fixture, http, element, column };
  }

  it('puts each opportunity in its stage column and offers no move for won or lost ones', async () => {
    const { element, column } = await render([opportunity('A', 'Prospecting'), opportunity('B', 'Won')]);
    expect(column('Prospecting').textContent).toContain('A');
    expect(column('Won').textContent).toContain('B');
    expect(element.querySelector('[data-testid="move-A"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="move-B"]')).toBeNull();
  });

  it('moves a card at once and sends the move to the server', async () => {
    const { fixture, http, column } = await render([opportunity('A', 'Prospecting')]);
    (fixture.componentInstance as OpportunitiesPage).move(opportunity('A', 'Prospecting'), 'Negotiation');
    await fixture.whenStable();
    expect(column('Negotiation').textContent).toContain('A');
    const request = http.expectOne('/api/crm/opportunities/A/move');
    expect(request.request.body).toEqual({ stage: 'Negotiation', lostReason: null });
    request.flush({ ...opportunity('A', 'Negotiation'), probability: 80 });
    await fixture.whenStable();
    expect(column('Negotiation').textContent).toContain('80%');
  });
});
