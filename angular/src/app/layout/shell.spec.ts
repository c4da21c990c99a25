import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
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

  async function render(permissions: string[], tenantName: string | null) {
    TestBed.inject(Session).me.set({
      id: '1', userName: 'li', email: 'li@demo.cn', name: '李雷', tenantId: tenantName ? 't1' : null, tenantName, roles: [], permissions,
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
});
