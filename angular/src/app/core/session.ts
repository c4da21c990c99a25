import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, finalize, firstValueFrom, map, shareReplay } from 'rxjs';
import { EnrolledLogin, LoginResponse, Me, Tokens, TwoFactorSetup } from './api';
import { PermissionName } from './api/permissions';

const ACCESS = 'bs.access';
const REFRESH = 'bs.refresh';
const TENANT = 'bs.tenant';

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

  async logout(): Promise<void> {
    const refreshToken = localStorage.getItem(REFRESH);
    if (refreshToken) await firstValueFrom(this.http.post('/api/account/logout', { refreshToken })).catch(() => undefined);
    this.expire();
  }

  /** Ends the session locally and shows the login page. */
  expire(): void {
    this.clear();
    void this.router.navigate(['/login']);
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
