import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { PageQuery, Paged, toParams } from '../../core/api';

export interface User {
  id: string; userName: string; email: string; name: string; isActive: boolean;
  roleNames: string[]; lockoutEnd: string | null; createdAt: string;
}

export interface SaveUser {
  userName?: string; email: string; name: string; isActive: boolean; roleNames: string[]; password?: string | null;
}

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<User>>('/api/identity/users', { params: toParams(query) }); }
  create(user: SaveUser) { return this.http.post<User>('/api/identity/users', user); }
  update(id: string, user: SaveUser) { return this.http.put<User>(`/api/identity/users/${id}`, user); }
  delete(id: string) { return this.http.delete<void>(`/api/identity/users/${id}`); }
}
