import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, isDevMode, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { provideServiceWorker } from '@angular/service-worker';
import { provideTranslateHttpLoader } from '@ngx-translate/http-loader';
import { routes } from './app.routes';
import { AppUpdate } from './core/app-update';
import { authInterceptor } from './core/auth.interceptor';
import { excelExportInterceptor } from './core/excel-export';
import { LanguageService } from './core/language';
import { Session } from './core/session';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor, excelExportInterceptor])),
    provideTranslateService({
      // HttpBackend: translation files skip the API interceptor (which itself needs the language).
      loader: provideTranslateHttpLoader({ prefix: '/assets/i18n/', suffix: '.json', useHttpBackend: true }),
      fallbackLang: 'zh-CN',
    }),
    // The app shell only (never API data); registered once the app is stable so it does not slow the first load.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:30000' }),
    provideAppInitializer(() => {
      inject(LanguageService);
      inject(AppUpdate).watch();
      return inject(Session).restore();
    }),
  ],
};
