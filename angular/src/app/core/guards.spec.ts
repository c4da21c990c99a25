import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { Me } from './api';
import { permitted, signedIn } from './guards';
import { Session } from './session';

const me = (permissions: string[]): Me => ({
  id: '1', userName: 'sales', email: 'sales@demo.cn', name: '销售', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: ['sales'], permissions,
});

describe('route guards', () => {
  let session: Session;
  const state = {} as RouterStateSnapshot;
  const route = (permission: string) => ({ data: { permission } }) as unknown as ActivatedRouteSnapshot;
  const run = (guard: typeof signedIn, snapshot: ActivatedRouteSnapshot) =>
    TestBed.runInInjectionContext(() => guard(snapshot, state)) as boolean | UrlTree;
  const url = (result: boolean | UrlTree) => TestBed.inject(Router).serializeUrl(result as UrlTree);

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    session = TestBed.inject(Session);
  });

  it('send a visitor who is not signed in to the login page', () => {
    expect(url(run(signedIn, route('')))).toBe('/login');
    session.me.set(me([]));
    expect(run(signedIn, route(''))).toBe(true);
  });

  it('send a user without the page permission to the no-access page', () => {
    session.me.set(me(['Identity.Users']));
    expect(run(permitted, route('Identity.Users'))).toBe(true);
    expect(url(run(permitted, route('Identity.Roles')))).toBe('/no-access');
  });
});
