import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTableModule } from '@angular/material/table';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { confirm } from '../../shared/confirm';
import { RobotDialog } from './robot-dialog';
import { Robot, RobotMessage, RobotsApi } from './robots.api';

/** The robot notifier plugin's page (群机器人): the tenant's WeCom/DingTalk robots and what was posted to them. */
@Component({
  selector: 'bs-robots',
  imports: [MatTableModule, MatButtonModule, DatePipe, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'robots.title' | translate }}</h2>
      <button mat-flat-button (click)="edit(null)" data-testid="robot-create">{{ 'robots.create' | translate }}</button>
    </div>
    <p class="hint">{{ 'robots.hint' | translate }}</p>
    <table mat-table [dataSource]="robots()" data-testid="robots-table">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.name' | translate }}</th>
        <td mat-cell *matCellDef="let r">{{ r.name }}<br /><small>{{ 'robots.kinds.' + r.kind | translate }}</small></td>
      </ng-container>
      <ng-container matColumnDef="events">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.events' | translate }}</th>
        <td mat-cell *matCellDef="let r"><small>@for (e of r.events; track e) { {{ 'robots.eventNames.' + e | translate }}{{ $last ? '' : '、' }} }</small></td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
        <td mat-cell *matCellDef="let r">{{ (r.enabled ? 'robots.enabled' : 'robots.disabled') | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let r" class="actions">
          <button mat-button (click)="test(r)" [attr.data-testid]="'robot-test-' + r.name">{{ 'robots.test' | translate }}</button>
          <button mat-button (click)="edit(r)" [attr.data-testid]="'robot-edit-' + r.name">{{ 'common.edit' | translate }}</button>
          <button mat-button (click)="remove(r)" [attr.data-testid]="'robot-delete-' + r.name">{{ 'common.delete' | translate }}</button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    @if (robots().length === 0) { <p class="hint">{{ 'common.empty' | translate }}</p> }

    <h3>{{ 'robots.log' | translate }}</h3>
    <table mat-table [dataSource]="messages()" data-testid="robot-messages">
      <ng-container matColumnDef="sentAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.sentAt' | translate }}</th>
        <td mat-cell *matCellDef="let m">{{ m.sentAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
      </ng-container>
      <ng-container matColumnDef="robot">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.robot' | translate }}</th>
        <td mat-cell *matCellDef="let m">{{ robotName(m.robotId) }}</td>
      </ng-container>
      <ng-container matColumnDef="title">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.message' | translate }}</th>
        <td mat-cell *matCellDef="let m">{{ m.title }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
        <td mat-cell *matCellDef="let m; let i = index" [class.failed]="m.status === 'Failed'" [attr.data-testid]="'robot-message-status-' + i">
          {{ 'robots.statuses.' + m.status | translate }}
        </td>
      </ng-container>
      <ng-container matColumnDef="response">
        <th mat-header-cell *matHeaderCellDef>{{ 'robots.response' | translate }}</th>
        <td mat-cell *matCellDef="let m"><small><code>{{ m.response }}</code></small></td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="logColumns"></tr>
      <tr mat-row *matRowDef="let row; columns: logColumns"></tr>
    </table>
    @if (messages().length === 0) { <p class="hint">{{ 'common.empty' | translate }}</p> }
  `,
  styles: `.head { display: flex; align-items: center; justify-content: space-between; } table { width: 100%; } .actions { text-align: right; }
    .hint { color: #666; } h3 { margin-top: 32px; } .failed { color: #b3261e; }`,
})
export class RobotsPage implements OnInit {
  private readonly api = inject(RobotsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly columns = ['name', 'events', 'status', 'actions'];
  protected readonly logColumns = ['sentAt', 'robot', 'title', 'status', 'response'];
  protected readonly robots = signal<Robot[]>([]);
  protected readonly messages = signal<RobotMessage[]>([]);

  ngOnInit(): void { this.load(); }

  load(): void {
    this.api.list().subscribe({ next: page => this.robots.set(page.items), error: error => this.notifier.error(error) });
    this.api.messages().subscribe({ next: page => this.messages.set(page.items), error: error => this.notifier.error(error) });
  }

  protected robotName(id: string): string { return this.robots().find(r => r.id === id)?.name ?? ''; }

  edit(robot: Robot | null): void {
    this.dialog.open(RobotDialog, { data: robot, width: '560px' }).afterClosed().subscribe(saved => { if (saved) this.load(); });
  }

  test(robot: Robot): void {
    this.api.test(robot.id).subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
  }

  remove(robot: Robot): void {
    confirm(this.dialog, 'robots.confirmDelete', { name: robot.name }).subscribe(yes => {
      if (yes) this.api.delete(robot.id).subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
    });
  }
}
