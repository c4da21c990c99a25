import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Me } from '../core/api';
import { Session } from '../core/session';
import { Shell } from './shell';

describe('Shell', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [Shell],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  async function render(permissions: string[], tenantName: string | null, impersonation: Me['impersonation'] = null) {
    TestBed.inject(Session).me.set({
      id: '1', userName: 'li', email: 'li@demo.cn', name: '李雷', tenantId: tenantName ? 't1' : null, tenantName, impersonation, roles: [], permissions,
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    const shown = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) !== null;
    return { element, shown };
  }

  it('lists only the modules the signed-in user may open', async () => {
    const { shown } = await render(['Identity.Users', 'Identity.Users.Create'], 'demo');
    expect(shown('menu-users')).toBe(true);
    expect(shown('menu-roles')).toBe(false);
    expect(shown('menu-tenants')).toBe(false);
  });

  it('shows the tenant and the user in the toolbar', async () => {
    const { element, shown } = await render(['Saas.Tenants'], 'demo');
    expect(element.querySelector('[data-testid="current-user"]')?.textContent).toContain('demo · 李雷');
    expect(shown('menu-tenants')).toBe(true);
  });

  it('groups the finance pages the user may open under a finance heading', async () => {
    const { shown } = await render(['Finance.Invoices', 'Finance.Reports'], 'demo');
    expect(shown('menu-group-menu.finance')).toBe(true);
    expect(shown('menu-invoices')).toBe(true);
    expect(shown('menu-trial-balance')).toBe(true);
    expect(shown('menu-vouchers')).toBe(false);
  });

  it('shows who acts as the user and the way to end it while a host admin acts as them', async () => {
    const { shown } = await render([], 'demo', { id: 'i1', impersonatorName: 'ops', endsAt: '2026-12-03T08:30:00' });
    expect(shown('impersonation-banner')).toBe(true);
    expect(shown('impersonation-end')).toBe(true);
  });

  it('shows no such banner to a user signed in themselves', async () => {
    expect((await render([], 'demo')).shown('impersonation-banner')).toBe(false);
  });
});
