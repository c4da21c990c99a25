import { Component, computed, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { BreakpointObserver } from '@angular/cdk/layout';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/language';
import { MENU, menuSections, visibleMenu } from '../core/menu';
import { Plugins } from '../core/plugins';
import { TranslatedPaginatorIntl } from '../core/paginator-intl';
import { Session } from '../core/session';
import { NotificationBell } from './notification-bell';
import { GlobalSearch } from './global-search';
import { ApprovalInboxBadge } from '../oa/approvals/approval-inbox';

@Component({
  selector: 'bs-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatSidenavModule, MatToolbarModule, MatListModule, MatIconModule,
    MatButtonModule, MatMenuModule, TranslatePipe, DatePipe, NotificationBell, ApprovalInboxBadge, GlobalSearch],
  // Every list page sits in the shell; provided here rather than at the root so the paginator (and the select it
  // uses) stays out of the bundle a first visit to the login page downloads.
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  template: `
    <mat-toolbar color="primary" class="toolbar" [class.phone]="phone()">
      @if (phone()) {
        <button mat-icon-button (click)="nav.toggle()" [attr.aria-label]="'app.menu' | translate" data-testid="menu-toggle"><mat-icon>menu</mat-icon></button>
      }
      <span class="brand">{{ 'app.name' | translate }}</span>
      <span class="spacer"></span>
      @if (session.me()?.tenantId) { <bs-global-search [phone]="phone()" /> }
      <span class="who" data-testid="current-user">
        {{ session.me()?.tenantName ?? ('app.host' | translate) }} · {{ session.me()?.name }}
      </span>
      @if (session.me()?.tenantId) { <bs-notification-bell /> }
      <button mat-button [matMenuTriggerFor]="languages" data-testid="language-switch" [attr.aria-label]="'app.language' | translate">
        <mat-icon>translate</mat-icon> <span class="label">{{ 'app.language' | translate }}</span>
      </button>
      <mat-menu #languages="matMenu">
        <button mat-menu-item (click)="language.use('zh-CN')" data-testid="lang-zh-CN">中文</button>
        <button mat-menu-item (click)="language.use('en')" data-testid="lang-en">English</button>
      </mat-menu>
      <a mat-icon-button routerLink="/account/security" data-testid="account-security" [attr.aria-label]="'app.accountSecurity' | translate"
        [title]="'app.accountSecurity' | translate"><mat-icon>shield</mat-icon></a>
      <button mat-button (click)="session.logout()" data-testid="logout" [attr.aria-label]="'app.logout' | translate">
        <mat-icon>logout</mat-icon> <span class="label">{{ 'app.logout' | translate }}</span>
      </button>
    </mat-toolbar>
    @if (session.me()?.impersonation; as acting) {
      <div class="acting" role="status" data-testid="impersonation-banner">
        <mat-icon>support_agent</mat-icon>
        <span>{{ 'app.actingAs' | translate: { user: session.me()?.name, host: acting.impersonatorName, until: (acting.endsAt + 'Z' | date: 'HH:mm') } }}</span>
        <button mat-stroked-button (click)="session.endImpersonation()" data-testid="impersonation-end">{{ 'app.endActing' | translate }}</button>
      </div>
    }
    <mat-sidenav-container class="container" [class.with-banner]="session.me()?.impersonation">
      <!-- On a phone the menu slides over the page and closes once an entry is chosen. -->
      <mat-sidenav #nav [mode]="phone() ? 'over' : 'side'" [opened]="!phone()" class="nav" (click)="phone() && nav.close()">
        <mat-nav-list>
          <a mat-list-item routerLink="/" [routerLinkActiveOptions]="{ exact: true }" routerLinkActive="active" data-testid="menu-home">
            <mat-icon matListItemIcon>home</mat-icon>
            <span matListItemTitle>{{ 'menu.home' | translate }}</span>
          </a>
          @for (section of menu(); track $index) {
            @if (section.groupKey) { <h3 matSubheader [attr.data-testid]="'menu-group-' + section.groupKey">{{ section.groupKey | translate }}</h3> }
            @for (item of section.items; track item.route) {
              <a mat-list-item [routerLink]="item.route" routerLinkActive="active" [attr.data-testid]="item.testId">
                <mat-icon matListItemIcon>{{ item.icon }}</mat-icon>
                <span matListItemTitle>{{ item.labelKey | translate }}</span>
                @if (item.testId === 'menu-approvals') { <bs-approval-inbox-badge matListItemMeta /> }
              </a>
            }
          }
        </mat-nav-list>
      </mat-sidenav>
      <mat-sidenav-content class="content"><router-outlet /></mat-sidenav-content>
    </mat-sidenav-container>
  `,
  styles: `
    .toolbar { position: sticky; top: 0; z-index: 2; }
    .spacer { flex: 1; }
    .who { font-size: 14px; margin-right: 12px; }
    .container { height: calc(100vh - 64px); }
    .acting { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; padding: 8px 16px; background: #b3261e; color: #fff; font-weight: 500; }
    .acting button { color: #fff; border-color: #fff; }
    .container.with-banner { height: calc(100vh - 64px - 52px); }
    .nav { width: 220px; }
    .content { padding: 24px; }
    .phone .who, .phone .label { display: none; }
    /* Without their labels the text buttons (language, sign out) need no text button's 64-px width: the bar fits 390 px. */
    .phone .mat-mdc-button { min-width: 40px; padding: 0 8px; }
    @media (max-width: 959.98px) { .content { padding: 12px; } .container { height: calc(100vh - 56px); } .container.with-banner { height: calc(100vh - 56px - 88px); } }
    .active { background: rgba(0, 0, 0, .06); }
  `,
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly language = inject(LanguageService);
  protected readonly phone = toSignal(inject(BreakpointObserver).observe('(max-width: 959.98px)').pipe(map(state => state.matches)), { initialValue: false });
  private readonly plugins = inject(Plugins);
  protected readonly menu = computed(() =>
    menuSections(visibleMenu(this.session.permissions(), MENU, this.session.lockedModules(), this.plugins.loaded())));

  constructor() { this.plugins.load(); }
}
