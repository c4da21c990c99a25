import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { LanguageService } from './language';
import { Session } from './session';

/**
 * Sends the language, the bearer token (or, before login, the tenant header) and, when the access token
 * has expired, refreshes it once and retries; a failed refresh ends the session.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const language = inject(LanguageService);
  let headers = request.headers.set('Accept-Language', language.current());
  const token = session.accessToken();
  if (token) headers = headers.set('Authorization', `Bearer ${token}`);
  else if (session.tenant()) headers = headers.set('__tenant', session.tenant()!);

  return next(request.clone({ headers })).pipe(catchError((error: unknown) => {
    const expired = error instanceof HttpErrorResponse && error.status === 401 && token !== null
      && !request.url.startsWith('/api/account/');
    if (!expired) return throwError(() => error);
    return session.refresh().pipe(
      catchError(() => { session.expire(); return throwError(() => error); }),
      switchMap(tokens => next(request.clone({ headers: headers.set('Authorization', `Bearer ${tokens.accessToken}`) }))));
  }));
};
