import { Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The UI language: remembered in the browser and sent to the API as Accept-Language. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  readonly current = signal<Language>(LanguageService.saved());

  constructor() {
    this.translate.use(this.current());
  }

  use(language: Language): void {
    localStorage.setItem('bs.lang', language);
    this.current.set(language);
    this.translate.use(language);
  }

  private static saved(): Language {
    const saved = localStorage.getItem('bs.lang');
    return LANGUAGES.find(l => l === saved) ?? 'zh-CN';
  }
}
