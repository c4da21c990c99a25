import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { authInterceptor } from '../core/auth.interceptor';
import { LoginPage } from './login';

describe('LoginPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
  });

  async function fill(tenant: string, user: string, password: string) {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    const element: HTMLElement = fixture.nativeElement;
    const set = (id: string, value: string) => {
      const input = element.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('login-tenant', tenant);
    set('login-user', user);
    set('login-password', password);
    (element.querySelector('[data-testid="login-submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    return { fixture, element };
  }

  it('does not call the API while required fields are empty', async () => {
    await fill('demo', '', '');
    TestBed.inject(HttpTestingController).expectNone('/api/account/login');
  });

  it('logs in with the tenant header and shows the server message on failure', async () => {
    const backend = TestBed.inject(HttpTestingController);
    const { fixture, element } = await fill('demo', 'admin', 'wrong');

    const request = backend.expectOne('/api/account/login');
    expect(request.request.headers.get('__tenant')).toBe('demo');
    expect(request.request.body).toEqual({ userNameOrEmail: 'admin', password: 'wrong' });
    request.flush({ title: 'The user name or password is incorrect.', detail: 'The user name or password is incorrect.', code: 'Identity:InvalidCredentials' },
      { status: 401, statusText: 'Unauthorized' });
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(element.querySelector('[data-testid="login-error"]')?.textContent).toContain('The user name or password is incorrect.');
    });
  });

  it('asks for the authenticator code after the password when the user has two-factor sign-in', async () => {
    const backend = TestBed.inject(HttpTestingController);
    const { fixture, element } = await fill('demo', 'admin', 'Demo123!');
    backend.expectOne('/api/account/login')
      .flush({ accessToken: null, refreshToken: null, expiresIn: null, twoFactorToken: 'challenge', twoFactorEnrolmentRequired: false });
    await vi.waitFor(() => {
      fixture.detectChanges();
      expect(element.querySelector('[data-testid="login-code"]')).not.toBeNull();
    });
    expect(localStorage.getItem('bs.access')).toBeNull();

    const code = element.querySelector('[data-testid="login-code"]') as HTMLInputElement;
    code.value = '123456';
    code.dispatchEvent(new Event('input'));
    (element.querySelector('[data-testid="login-code-submit"]') as HTMLButtonElement).click();
    const second = backend.expectOne('/api/account/login/two-factor');
    expect(second.request.body).toEqual({ twoFactorToken: 'challenge', code: '123456' });
  });
});
