import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';

export type AutomationRule = Dto<'RuleDto'>;
export type SaveRule = Dto<'SaveRuleRequest'>;
export type RuleCondition = Dto<'RuleCondition'>;
export type RuleAction = Dto<'RuleAction'>;
export type AutomationEventType = Dto<'AutomationEventTypeDto'>;
export type RuleTestResult = Dto<'RuleTestResultDto'>;
export type RuleRun = Dto<'RuleRunDto'>;
export type ConditionOperator = Enum<'ConditionOperator'>;
export type ConditionMatch = Enum<'ConditionMatch'>;
export type RuleActionType = Enum<'RuleActionType'>;
export type RecipientKind = Enum<'RecipientKind'>;
export type RuleRunResult = Enum<'RuleRunResult'>;

@Injectable({ providedIn: 'root' })
export class AutomationApi {
  private readonly http = inject(HttpClient);
  private readonly base = '/api/automation';
  eventTypes() { return this.http.get<AutomationEventType[]>(`${this.base}/event-types`); }
  rules() { return this.http.get<AutomationRule[]>(`${this.base}/rules`); }
  rule(id: string) { return this.http.get<AutomationRule>(`${this.base}/rules/${id}`); }
  create(request: SaveRule) { return this.http.post<AutomationRule>(`${this.base}/rules`, request); }
  update(id: string, request: SaveRule) { return this.http.put<AutomationRule>(`${this.base}/rules/${id}`, request); }
  setEnabled(id: string, isEnabled: boolean) { return this.http.post<AutomationRule>(`${this.base}/rules/${id}/enabled`, { isEnabled }); }
  delete(id: string) { return this.http.delete<void>(`${this.base}/rules/${id}`); }
  secret(id: string) { return this.http.get<Dto<'RuleSecretDto'>>(`${this.base}/rules/${id}/secret`); }
  test(rule: SaveRule, sample: unknown) { return this.http.post<RuleTestResult>(`${this.base}/rules/test`, { rule, sample }); }
  runs(query: PageQuery, ruleId?: string, result?: RuleRunResult) {
    const params: Record<string, string | number> = toParams(query);
    if (ruleId) params['ruleId'] = ruleId;
    if (result) params['result'] = result;
    return this.http.get<Paged<RuleRun>>(`${this.base}/runs`, { params });
  }
}
