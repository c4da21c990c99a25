import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { Session } from './session';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideTranslateService(),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the tenant header and the language before login', () => {
    localStorage.setItem('bs.lang', 'en');
    TestBed.inject(Session).tenant.set('demo');
    http.get('/api/anything').subscribe();
    const request = backend.expectOne('/api/anything').request;
    expect(request.headers.get('__tenant')).toBe('demo');
    expect(request.headers.get('Accept-Language')).toBe('en');
    expect(request.headers.has('Authorization')).toBe(false);
  });

  it('sends the bearer token instead of the tenant header once signed in', () => {
    localStorage.setItem('bs.access', 'token-1');
    TestBed.inject(Session).tenant.set('demo');
    http.get('/api/anything').subscribe();
    const request = backend.expectOne('/api/anything').request;
    expect(request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(request.headers.has('__tenant')).toBe(false);
  });

  it('refreshes an expired token once and retries the request', async () => {
    localStorage.setItem('bs.access', 'old');
    localStorage.setItem('bs.refresh', 'refresh-1');
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/identity/users'));

    backend.expectOne('/api/identity/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/account/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush({ accessToken: 'new', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer' });
    const retry = backend.expectOne('/api/identity/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush({ ok: true });

    expect(await result).toEqual({ ok: true });
    expect(localStorage.getItem('bs.refresh')).toBe('refresh-2');
  });

  it('ends the session when the refresh fails', async () => {
    localStorage.setItem('bs.access', 'old');
    localStorage.setItem('bs.refresh', 'stolen');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/identity/users')).catch(error => error.status);

    backend.expectOne('/api/identity/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/account/refresh').flush({ title: 'Session ended' }, { status: 401, statusText: 'Unauthorized' });

    expect(await result).toBe(401);
    expect(localStorage.getItem('bs.access')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });
});
