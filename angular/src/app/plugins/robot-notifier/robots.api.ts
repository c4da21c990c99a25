import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged } from '../../core/api';

export type RobotKind = Enum<'RobotKind'>;
export type RobotEvent = Enum<'RobotEvent'>;
export const ROBOT_EVENTS: RobotEvent[] = ['ContractSigned', 'InvoicePaid', 'ApprovalWaiting', 'KpiBreached'];

export type Robot = Dto<'RobotDto'>;
/** secret: null keeps the stored one, '' removes it. */
export type SaveRobot = Dto<'SaveRobotRequest'>;
export type RobotMessage = Dto<'RobotMessageDto'>;

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
