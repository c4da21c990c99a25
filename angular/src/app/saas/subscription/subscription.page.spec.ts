import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Subscription } from './subscription.api';
import { SubscriptionPage, navigation } from './subscription.page';

const editions = [
  { name: 'Free', modules: ['Crm', 'Oa'], maxUsers: 3, maxStorageMb: 100, monthlyPrice: 0, currency: 'CNY', forSale: false },
  { name: 'Standard', modules: ['Crm', 'Oa', 'Orders', 'Finance'], maxUsers: 20, maxStorageMb: 2048, monthlyPrice: 299, currency: 'CNY', forSale: true },
  { name: 'Professional', modules: ['Crm', 'Oa', 'Orders', 'Finance', 'Hr'], maxUsers: 200, maxStorageMb: 20480, monthlyPrice: 999, currency: 'CNY', forSale: true },
];

function plan(edition: string, changes: Partial<Subscription> = {}): Subscription {
  return {
    edition, status: 'Active', currentPeriodEnd: null, graceEndsAt: null, modules: ['Crm', 'Oa'], lockedModules: ['Finance', 'Hr', 'Orders'],
    maxUsers: 3, users: 1, maxStorageMb: 100, storageBytes: 0, hasBillingAccount: false, hasSubscription: false, editions, ...changes,
  };
}

describe('SubscriptionPage', () => {
  let visited: string[];
  const go = navigation.go;

  beforeEach(() => {
    visited = [];
    navigation.go = url => visited.push(url);
    TestBed.configureTestingModule({
      imports: [SubscriptionPage],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  afterEach(() => (navigation.go = go));

  async function render(subscription: Subscription) {
    const fixture = TestBed.createComponent(SubscriptionPage);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/saas/subscription').flush(subscription);
    await fixture.whenStable();
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const find = (id: string) => element.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    return { fixture, http, find };
  }

  it('offers upgrades above the current plan only, and no billing portal before a first payment', async () => {
    const { find } = await render(plan('Standard'));
    expect(find('upgrade-Free')).toBeNull();
    expect(find('upgrade-Standard')).toBeNull();
    expect(find('upgrade-Professional')).not.toBeNull();
    expect(find('subscription-portal')).toBeNull();
  });

  it('sends the upgrade to Stripe Checkout', async () => {
    const { http, find } = await render(plan('Free'));
    find('upgrade-Standard')!.click();
    const checkout = http.expectOne('/api/saas/subscription/checkout');
    expect(checkout.request.body).toEqual({ edition: 'Standard' });
    checkout.flush({ url: 'https://checkout.stripe.test/c/pay/cs_1' });
    expect(visited).toEqual(['https://checkout.stripe.test/c/pay/cs_1']);
  });

  it('sends the upgrade of a running subscription to the billing portal, not to a second checkout', async () => {
    const { http, find } = await render(plan('Standard', { hasBillingAccount: true, hasSubscription: true }));
    find('upgrade-Professional')!.click();
    http.expectNone('/api/saas/subscription/checkout');
    http.expectOne('/api/saas/subscription/portal').flush({ url: 'https://billing.stripe.test/p/session/bps_2' });
    expect(visited).toEqual(['https://billing.stripe.test/p/session/bps_2']);
  });

  it('opens the billing portal of a tenant that has paid before', async () => {
    const { http, find } = await render(plan('Standard', { hasBillingAccount: true, currentPeriodEnd: '2026-12-25T00:00:00Z' }));
    expect(find('subscription-renewal')).not.toBeNull();
    find('subscription-portal')!.click();
    http.expectOne('/api/saas/subscription/portal').flush({ url: 'https://billing.stripe.test/p/session/bps_1' });
    expect(visited).toEqual(['https://billing.stripe.test/p/session/bps_1']);
  });

  it('shows the server message when Stripe cannot be reached', async () => {
    const { fixture, http, find } = await render(plan('Free'));
    find('upgrade-Professional')!.click();
    http.expectOne('/api/saas/subscription/checkout').flush({ title: 'x', detail: 'Online billing is not configured on this platform.' },
      { status: 503, statusText: 'Unavailable' });
    fixture.detectChanges();
    expect(find('subscription-error')!.textContent).toContain('Online billing is not configured');
    expect(visited).toEqual([]);
  });
});
