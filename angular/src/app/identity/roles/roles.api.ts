import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Paged, PageQuery, toParams } from '../../core/api';

export type Role = Dto<'RoleDto'>;
export type PermissionGrant = Dto<'PermissionGrantDto'>;
export type PermissionGroup = Dto<'PermissionGroupDto'>;

@Injectable({ providedIn: 'root' })
export class RolesApi {
  private readonly http = inject(HttpClient);
  list(query: PageQuery) { return this.http.get<Paged<Role>>('/api/identity/roles', { params: toParams(query) }); }
  create(name: string) { return this.http.post<Role>('/api/identity/roles', { name }); }
  update(id: string, name: string) { return this.http.put<Role>(`/api/identity/roles/${id}`, { name }); }
  delete(id: string) { return this.http.delete<void>(`/api/identity/roles/${id}`); }
  permissions(id: string) { return this.http.get<{ groups: PermissionGroup[] }>(`/api/identity/roles/${id}/permissions`); }
  savePermissions(id: string, grantedPermissions: string[]) {
    return this.http.put<void>(`/api/identity/roles/${id}/permissions`, { grantedPermissions });
  }
}
