import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto } from '../../core/api';

export type ApiKey = Dto<'ApiKeyDto'>;
export interface CreatedApiKey { apiKey: ApiKey; key: string; }

@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);
  list() { return this.http.get<ApiKey[]>('/api/identity/api-keys'); }
  create(name: string, permissions: string[]) { return this.http.post<CreatedApiKey>('/api/identity/api-keys', { name, permissions }); }
  revoke(id: string) { return this.http.post<ApiKey>(`/api/identity/api-keys/${id}/revoke`, {}); }
}
