import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The UI language: remembered in the browser and sent to the API as Accept-Language. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly document = inject(DOCUMENT);
  readonly current = signal<Language>(LanguageService.saved());

  constructor() {
    this.apply(this.current());
  }

  use(language: Language): void {
    localStorage.setItem('bs.lang', language);
    this.current.set(language);
    this.apply(language);
  }

  /** Translations, the page's lang, and the manifest an installed app takes its name from. */
  private apply(language: Language): void {
    this.translate.use(language);
    this.document.documentElement.lang = language;
    this.document.querySelector('link[rel="manifest"]')?.setAttribute('href', `manifest.${language}.webmanifest`);
  }

  private static saved(): Language {
    const saved = localStorage.getItem('bs.lang');
    return LANGUAGES.find(l => l === saved) ?? 'zh-CN';
  }
}
