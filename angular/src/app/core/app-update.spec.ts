import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SwUpdate, VersionEvent } from '@angular/service-worker';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { AppUpdate } from './app-update';
import { LanguageService } from './language';

describe('AppUpdate', () => {
  const versionUpdates = new Subject<VersionEvent>();
  const reload = vi.fn();
  const action = new Subject<void>();
  const open = vi.fn(() => ({ onAction: () => action }));

  beforeEach(() => {
    reload.mockClear();
    open.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideTranslateService({ lang: 'en' }),
        { provide: SwUpdate, useValue: { isEnabled: true, versionUpdates } },
        { provide: MatSnackBar, useValue: { open } },
        { provide: DOCUMENT, useValue: { location: { reload } } },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('en', { update: { ready: 'A new version is available.', reload: 'Reload' } });
  });

  const ready = { type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } } as VersionEvent;

  it('offers a reload once a new version is downloaded, and reloads when the user takes it', async () => {
    TestBed.inject(AppUpdate).watch();
    versionUpdates.next({ type: 'VERSION_DETECTED', version: { hash: 'b' } });
    await new Promise(resolve => setTimeout(resolve));
    expect(open).not.toHaveBeenCalled();

    versionUpdates.next(ready);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith('A new version is available.', 'Reload'));
    expect(reload).not.toHaveBeenCalled();
    action.next();
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe('LanguageService', () => {
  it('points the page at the manifest of the chosen language, so an installed app is named in it', () => {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = 'manifest.zh-CN.webmanifest';
    document.head.appendChild(link);
    localStorage.removeItem('bs.lang');
    TestBed.configureTestingModule({ providers: [provideTranslateService({})] });

    const language = TestBed.inject(LanguageService);
    expect(link.getAttribute('href')).toBe('manifest.zh-CN.webmanifest');
    language.use('en');
    expect(link.getAttribute('href')).toBe('manifest.en.webmanifest');
    expect(document.documentElement.lang).toBe('en');
    link.remove();
    localStorage.removeItem('bs.lang');
  });
});
