import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';

export interface Plugin { name: string; version: string; description: string; }

/** The plugins the server loaded: a plugin's pages are offered only when it is there. */
@Injectable({ providedIn: 'root' })
export class Plugins {
  private readonly http = inject(HttpClient);
  readonly loaded = signal<ReadonlySet<string>>(new Set());

  load(): void {
    this.http.get<Plugin[]>('/api/plugins').subscribe({ next: plugins => this.loaded.set(new Set(plugins.map(p => p.name))), error: () => undefined });
  }
}
