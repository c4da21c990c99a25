import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, toParams } from '../../core/api';

export type User = Dto<'UserDto'>;

export type SaveUser = Dto<'UpdateUserRequest'>;

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<User>>('/api/identity/users', { params: toParams(query) }); }
  create(user: SaveUser) { return this.http.post<User>('/api/identity/users', user); }
  update(id: string, user: SaveUser) { return this.http.put<User>(`/api/identity/users/${id}`, user); }
  delete(id: string) { return this.http.delete<void>(`/api/identity/users/${id}`); }
  revokeSessions(id: string) { return this.http.post<void>(`/api/identity/users/${id}/revoke-sessions`, {}); }
}
