import { HttpClient } from '@angular/common/http';
import { Component, OnInit, inject } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { TranslatePipe } from '@ngx-translate/core';
import { Paged, toParams } from '../core/api';
import { ListState } from '../core/list-state';
import { ListPage } from '../shared/list-page';

interface EntityChange { id: string; entityType: string; entityId: string; changeType: string; changes: string; userId: string | null; userName: string | null; impersonatorName: string | null; changedAt: string; }
interface JournalEvent { id: string; eventType: string; aggregateType: string; aggregateId: string; correlationId: string; causationId: string | null; occurredAt: string; payload: string; }

/** Who changed what (entity change log) and what happened (event journal) in this tenant. */
@Component({
  selector: 'bs-audit',
  imports: [MatTabsModule, MatTableModule, DatePipe, ListPage, TranslatePipe],
  template: `
    <mat-tab-group>
      <mat-tab [label]="'audit.changes' | translate">
        <bs-list-page titleKey="audit.changes" [state]="changes">
          <table mat-table [dataSource]="changes.items()" data-testid="audit-changes">
            <ng-container matColumnDef="changedAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.time' | translate }}</th>
              <td mat-cell *matCellDef="let c">{{ c.changedAt + 'Z' | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            </ng-container>
            <ng-container matColumnDef="entity">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.entity' | translate }}</th>
              <td mat-cell *matCellDef="let c">{{ c.entityType }} · {{ c.changeType }}</td>
            </ng-container>
            <ng-container matColumnDef="by">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.by' | translate }}</th>
              <td mat-cell *matCellDef="let c" [class.acting]="c.impersonatorName">
                {{ c.impersonatorName ? ('audit.actingAs' | translate: { host: c.impersonatorName, user: c.userName }) : c.userName }}
              </td>
            </ng-container>
            <ng-container matColumnDef="changes">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.details' | translate }}</th>
              <td mat-cell *matCellDef="let c"><code>{{ c.changes }}</code></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="changeColumns"></tr>
            <tr mat-row *matRowDef="let row; columns: changeColumns"></tr>
          </table>
        </bs-list-page>
      </mat-tab>
      <mat-tab [label]="'audit.events' | translate">
        <bs-list-page titleKey="audit.events" [state]="events">
          <table mat-table [dataSource]="events.items()" data-testid="audit-events">
            <ng-container matColumnDef="occurredAt">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.time' | translate }}</th>
              <td mat-cell *matCellDef="let e">{{ e.occurredAt + 'Z' | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
            </ng-container>
            <ng-container matColumnDef="eventType">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.event' | translate }}</th>
              <td mat-cell *matCellDef="let e">{{ e.eventType }} ({{ e.aggregateType }})</td>
            </ng-container>
            <ng-container matColumnDef="payload">
              <th mat-header-cell *matHeaderCellDef>{{ 'audit.details' | translate }}</th>
              <td mat-cell *matCellDef="let e"><code>{{ e.payload }}</code></td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="eventColumns"></tr>
            <tr mat-row *matRowDef="let row; columns: eventColumns"></tr>
          </table>
        </bs-list-page>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `table { width: 100%; } code { font-size: 12px; word-break: break-all; } .acting { color: #b3261e; font-weight: 500; } .mat-column-by { min-width: 160px; }`,
})
export class AuditPage implements OnInit {
  private readonly http = inject(HttpClient);
  protected readonly changeColumns = ['changedAt', 'entity', 'by', 'changes'];
  protected readonly eventColumns = ['occurredAt', 'eventType', 'payload'];
  protected readonly changes = new ListState<EntityChange>(q =>
    this.http.get<Paged<EntityChange>>('/api/audit/entity-changes', { params: toParams(q) }));
  protected readonly events = new ListState<JournalEvent>(q =>
    this.http.get<Paged<JournalEvent>>('/api/audit/events', { params: toParams(q) }));

  ngOnInit(): void {
    this.changes.load();
    this.events.load();
  }
}
