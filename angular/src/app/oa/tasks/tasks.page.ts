import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { ListPage } from '../../shared/list-page';
import { OaApi, TaskBox, TaskStatus, WorkTask } from '../oa.api';
import { TaskDialog } from './task-dialog';
import { Permissions } from '../../core/api/permissions';

/** My tasks (待办) and the tasks I assigned, with their status. */
@Component({
  selector: 'bs-tasks',
  imports: [ListPage, MatTabsModule, MatTableModule, MatSelectModule, MatButtonModule, RouterLink, DatePipe, TranslatePipe],
  template: `
    <nav mat-tab-nav-bar [tabPanel]="panel">
      @for (b of boxes; track b) {
        <a mat-tab-link [active]="box() === b" (click)="show(b)" [attr.data-testid]="'task-box-' + b">{{ 'oa.tasks.box.' + b | translate }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <bs-list-page titleKey="oa.tasks.title" [state]="list" [canCreate]="session.isGranted(Permissions.OaTasksManage)" (create)="create()">
        <table mat-table [dataSource]="list.items()" data-testid="tasks-table">
          <ng-container matColumnDef="title">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.tasks.taskTitle' | translate }}</th>
            <td mat-cell *matCellDef="let t" [attr.data-testid]="'task-' + t.title">
              @if (t.link) { <a [routerLink]="t.link">{{ t.title }}</a> } @else { {{ t.title }} }
              @if (t.description) { <br /><small>{{ t.description }}</small> }
            </td>
          </ng-container>
          <ng-container matColumnDef="people">
            <th mat-header-cell *matHeaderCellDef>{{ (box() === 'mine' ? 'oa.tasks.assignedBy' : 'oa.tasks.assignee') | translate }}</th>
            <td mat-cell *matCellDef="let t">{{ box() === 'mine' ? (t.assignedByName ?? '—') : t.assigneeName }}</td>
          </ng-container>
          <ng-container matColumnDef="dueOn">
            <th mat-header-cell *matHeaderCellDef>{{ 'oa.tasks.dueOn' | translate }}</th>
            <td mat-cell *matCellDef="let t">{{ t.dueOn ? (t.dueOn | date: 'yyyy-MM-dd') : '—' }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef>{{ 'common.status' | translate }}</th>
            <td mat-cell *matCellDef="let t">
              <mat-select [value]="t.status" (selectionChange)="move(t, $event.value)" [attr.data-testid]="'task-status-' + t.title" class="status">
                @for (s of statuses; track s) { <mat-option [value]="s" [attr.data-testid]="'task-status-option-' + s">{{ 'oa.tasks.status.' + s | translate }}</mat-option> }
              </mat-select>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </bs-list-page>
    </mat-tab-nav-panel>
  `,
  styles: `table { width: 100%; } .status { width: 120px; } a[mat-tab-link] { cursor: pointer; }`,
})
export class TasksPage implements OnInit {
  protected readonly Permissions = Permissions;
  protected readonly session = inject(Session);
  private readonly api = inject(OaApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly boxes: TaskBox[] = ['mine', 'assigned-by-me'];
  protected readonly statuses: TaskStatus[] = ['Open', 'InProgress', 'Done'];
  protected readonly box = signal<TaskBox>('mine');
  protected readonly columns = ['title', 'people', 'dueOn', 'status'];
  protected readonly list = new ListState<WorkTask>(q => this.api.tasks(this.box(), q));

  ngOnInit(): void { this.list.load(); }

  show(box: TaskBox): void {
    this.box.set(box);
    this.list.firstPage();
  }

  move(task: WorkTask, status: TaskStatus): void {
    this.api.moveTask(task.id, status).subscribe({ next: () => this.list.load(), error: error => { this.notifier.error(error); this.list.load(); } });
  }

  create(): void {
    this.dialog.open(TaskDialog, { width: '520px' }).afterClosed().subscribe(saved => { if (saved) this.show('assigned-by-me'); });
  }
}
