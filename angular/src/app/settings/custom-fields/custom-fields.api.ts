import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto } from '../../core/api';
import { CustomField } from '../../shared/custom-fields';

export type SaveCustomField = Dto<'SaveCustomFieldRequest'>;
export type CustomFieldEntity = Dto<'CustomFieldEntityDto'>;

/** Settings → Custom fields: the tenant admin's definitions, removed ones included. */
@Injectable({ providedIn: 'root' })
export class CustomFieldAdminApi {
  private readonly http = inject(HttpClient);
  entities() { return this.http.get<CustomFieldEntity[]>('/api/custom-fields'); }
  list(entityType: string) { return this.http.get<CustomField[]>(`/api/custom-fields/${entityType}`, { params: { includeRemoved: true } }); }
  create(entityType: string, field: SaveCustomField) { return this.http.post<CustomField>(`/api/custom-fields/${entityType}`, field); }
  update(entityType: string, id: string, field: SaveCustomField) { return this.http.put<CustomField>(`/api/custom-fields/${entityType}/${id}`, field); }
  remove(entityType: string, id: string) { return this.http.post<void>(`/api/custom-fields/${entityType}/${id}/remove`, {}); }
  restore(entityType: string, id: string) { return this.http.post<void>(`/api/custom-fields/${entityType}/${id}/restore`, {}); }
}
