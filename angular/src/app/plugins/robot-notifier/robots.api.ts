import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Paged } from '../../core/api';

export type RobotKind = 'WeCom' | 'DingTalk';
export type RobotEvent = 'ContractSigned' | 'InvoicePaid' | 'ApprovalWaiting' | 'KpiBreached';
export const ROBOT_EVENTS: RobotEvent[] = ['ContractSigned', 'InvoicePaid', 'ApprovalWaiting', 'KpiBreached'];

export interface Robot { id: string; name: string; kind: RobotKind; webhookUrl: string; hasSecret: boolean; events: RobotEvent[]; enabled: boolean; createdAt: string; }
/** secret: null keeps the stored one, '' removes it. */
export interface SaveRobot { name: string; kind: RobotKind; webhookUrl: string; secret: string | null; events: RobotEvent[]; enabled: boolean; }
export interface RobotMessage { id: string; robotId: string; event: string; title: string; status: 'Sent' | 'Failed'; response: string; sentAt: string; }

const BASE = '/api/plugins/robot-notifier';

@Injectable({ providedIn: 'root' })
export class RobotsApi {
  private readonly http = inject(HttpClient);
  list() { return this.http.get<Paged<Robot>>(`${BASE}/robots`); }
  create(body: SaveRobot) { return this.http.post<Robot>(`${BASE}/robots`, body); }
  update(id: string, body: SaveRobot) { return this.http.put<Robot>(`${BASE}/robots/${id}`, body); }
  delete(id: string) { return this.http.delete<void>(`${BASE}/robots/${id}`); }
  test(id: string) { return this.http.post<RobotMessage>(`${BASE}/robots/${id}/test`, {}); }
  messages(take = 20) { return this.http.get<Paged<RobotMessage>>(`${BASE}/messages`, { params: { take } }); }
}
