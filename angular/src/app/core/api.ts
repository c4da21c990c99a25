/** Typed shapes of the BizSuite API (see /openapi/v1.json). */
export interface Tokens { accessToken: string; refreshToken: string; expiresIn: number; tokenType: string; }

export interface Me {
  id: string; userName: string; email: string; name: string;
  tenantId: string | null; tenantName: string | null; roles: string[]; permissions: string[];
}

export interface Paged<T> { items: T[]; totalCount: number; }

/** `format: 'xlsx'` asks a list for all its matching rows as a spreadsheet (see excelExportInterceptor). */
export interface PageQuery { skip: number; take: number; filter?: string; sort?: string; format?: 'xlsx'; }

/** RFC 9457 problem details as the API sends them; `errors` maps camelCase field names to messages. */
export interface Problem {
  status?: number; title?: string; detail?: string; code?: string;
  errors?: Record<string, string[]>;
}

export function toParams(query: PageQuery): Record<string, string | number> {
  const params: Record<string, string | number> = { skip: query.skip, take: query.take };
  if (query.filter) params['filter'] = query.filter;
  if (query.sort) params['sort'] = query.sort;
  if (query.format) params['format'] = query.format;
  return params;
}
