import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, finalize, firstValueFrom, map, shareReplay } from 'rxjs';
import { EnrolledLogin, LoginResponse, Me, StartedImpersonation, Tokens, TwoFactorSetup } from './api';
import { PermissionName } from './api/permissions';

const ACCESS = 'bs.access';
const REFRESH = 'bs.refresh';
const TENANT = 'bs.tenant';
/** The host admin's own session, kept aside while they act as a tenant's user in this tab. */
const HOST_SESSION = 'bs.host-session';

export interface TwoFactorChallenge { token: string; enrolmentRequired: boolean; }

/** Who is signed in: tokens in local storage, the user and their permissions in signals. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private refreshing: Observable<Tokens> | null = null;

  readonly me = signal<Me | null>(null);
  readonly tenant = signal<string | null>(localStorage.getItem(TENANT));
  readonly permissions = computed(() => new Set(this.me()?.permissions ?? []));
  /** Modules the tenant's plan leaves out: the menu hides them. */
  readonly lockedModules = signal<ReadonlySet<string>>(new Set());

  accessToken(): string | null { return localStorage.getItem(ACCESS); }

  isGranted(permission: PermissionName): boolean { return this.permissions().has(permission); }

  /** The password step: signed in, or a challenge for the code step (and whether the user must enrol first). */
  async login(tenant: string | null, userNameOrEmail: string, password: string): Promise<TwoFactorChallenge | null> {
    this.clear();
    this.setTenant(tenant?.trim() || null);
    const answer = await firstValueFrom(this.http.post<LoginResponse>('/api/account/login', { userNameOrEmail, password }));
    if (answer.twoFactorToken) return { token: answer.twoFactorToken, enrolmentRequired: answer.twoFactorEnrolmentRequired };
    this.store({ accessToken: answer.accessToken!, refreshToken: answer.refreshToken!, expiresIn: answer.expiresIn!, tokenType: 'Bearer' });
    await this.loadMe();
    return null;
  }

  /** The code step: a code from the authenticator app, or a recovery code. */
  async loginWithCode(challenge: TwoFactorChallenge, code: { code?: string; recoveryCode?: string }): Promise<void> {
    this.store(await firstValueFrom(this.http.post<Tokens>('/api/account/login/two-factor', { twoFactorToken: challenge.token, ...code })));
    await this.loadMe();
  }

  beginEnrolment(challenge: TwoFactorChallenge): Promise<TwoFactorSetup> {
    return firstValueFrom(this.http.post<TwoFactorSetup>('/api/account/login/two-factor/setup', { twoFactorToken: challenge.token }));
  }

  /** Enrolment the tenant requires at login: signs in and returns the recovery codes to show once. */
  async enrol(challenge: TwoFactorChallenge, code: string): Promise<string[]> {
    const enrolled = await firstValueFrom(this.http.post<EnrolledLogin>('/api/account/login/two-factor/enable', { twoFactorToken: challenge.token, code }));
    this.store(enrolled.tokens);
    await this.loadMe();
    return enrolled.recoveryCodes;
  }

  /** Loads the user behind a stored token (on start); a dead session is cleared. */
  async restore(): Promise<void> {
    if (!this.accessToken()) return;
    try { await this.loadMe(); } catch { this.clear(); }
  }

  async loadMe(): Promise<void> {
    const me = await firstValueFrom(this.http.get<Me>('/api/account/me'));
    // Without the plan the menu shows every permitted entry; the API still refuses what the plan leaves out.
    const plan = me.tenantId
      ? await firstValueFrom(this.http.get<{ lockedModules: string[] }>('/api/saas/subscription')).catch(() => null)
      : null;
    this.lockedModules.set(new Set(plan?.lockedModules ?? []));
    this.me.set(me);
  }

  /** One refresh at a time: concurrent 401s wait for the same new token. */
  refresh(): Observable<Tokens> {
    this.refreshing ??= this.http.post<Tokens>('/api/account/refresh', { refreshToken: localStorage.getItem(REFRESH) ?? '' }).pipe(
      map(tokens => { this.store(tokens); return tokens; }),
      finalize(() => (this.refreshing = null)),
      shareReplay(1));
    return this.refreshing;
  }

  /**
   * Acting as a tenant's user happens in this tab: tokens live in local storage, which every tab of the origin
   * shares, so a second tab could not hold the host's session and the tenant user's at once. The host's tokens are
   * kept aside and come back when the impersonation ends (or runs out).
   */
  async impersonate(started: StartedImpersonation): Promise<void> {
    localStorage.setItem(HOST_SESSION, JSON.stringify({ access: this.accessToken(), refresh: localStorage.getItem(REFRESH) }));
    this.store(started.tokens);
    this.setTenant(started.impersonation.tenantName);
    await this.loadMe();
    await this.router.navigateByUrl('/');
  }

  /** Ends the impersonation on the server (its session is revoked) and returns to the host's own session. */
  async endImpersonation(): Promise<void> {
    await firstValueFrom(this.http.post('/api/identity/impersonations/end', {})).catch(() => undefined);
    await this.restoreHost();
  }

  async logout(): Promise<void> {
    if (this.me()?.impersonation) return this.endImpersonation();
    const refreshToken = localStorage.getItem(REFRESH);
    if (refreshToken) await firstValueFrom(this.http.post('/api/account/logout', { refreshToken })).catch(() => undefined);
    this.expire();
  }

  /** Ends the session locally and shows the login page (or, after an impersonation ran out, the host's session). */
  expire(): void {
    if (localStorage.getItem(HOST_SESSION)) { void this.restoreHost(); return; }
    this.clear();
    void this.router.navigate(['/login']);
  }

  private async restoreHost(): Promise<void> {
    const host = JSON.parse(localStorage.getItem(HOST_SESSION) ?? '{}') as { access?: string; refresh?: string };
    localStorage.removeItem(HOST_SESSION);
    this.clear();
    this.setTenant(null);
    if (!host.access || !host.refresh) { await this.router.navigate(['/login']); return; }
    this.store({ accessToken: host.access, refreshToken: host.refresh, expiresIn: 0, tokenType: 'Bearer' });
    await this.restore();
    await this.router.navigate([this.me() ? '/saas/tenants' : '/login']);
  }

  private store(tokens: Tokens): void {
    localStorage.setItem(ACCESS, tokens.accessToken);
    localStorage.setItem(REFRESH, tokens.refreshToken);
  }

  private setTenant(tenant: string | null): void {
    if (tenant) localStorage.setItem(TENANT, tenant); else localStorage.removeItem(TENANT);
    this.tenant.set(tenant);
  }

  private clear(): void {
    localStorage.removeItem(ACCESS);
    localStorage.removeItem(REFRESH);
    this.me.set(null);
  }
}
