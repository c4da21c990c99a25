import { components } from './api/schema';

/** Typed shapes of the BizSuite API, generated from its OpenAPI document (core/api/openapi.json). */
export type Dto<Name extends keyof components['schemas']> = components['schemas'][Name];

/**
 * A server enum's values. ASP.NET gives each enum one schema and adds `null` to it when any property or parameter of that
 * enum is nullable, so the value set leaves `null` out (the nullable properties stay nullable through their own schema).
 */
export type Enum<Name extends keyof components['schemas']> = NonNullable<components['schemas'][Name]>;

export type Tokens = Dto<'TokenResponse'>;

export type LoginResponse = Dto<'LoginResponse'>;

export type TwoFactorSetup = Dto<'TwoFactorSetupDto'>;

export type TwoFactorStatus = Dto<'TwoFactorStatusDto'>;

export type EnrolledLogin = Dto<'EnrolledLoginResponse'>;

export type RecoveryCodes = Dto<'RecoveryCodesDto'>;

export type UserSession = Dto<'SessionDto'>;

export type Me = Dto<'MeDto'>;

export type StartedImpersonation = Dto<'StartedImpersonationDto'>;

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
