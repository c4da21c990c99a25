import { Component, OnInit, inject, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { ListState } from '../core/list-state';
import { ListPage } from '../shared/list-page';
import { AutomationApi, AutomationRule, RuleRun, RuleRunResult } from './automation.api';

/** The run log of the rules (运行日志): what each run did or why it failed, exportable to Excel. */
@Component({
  selector: 'bs-automation-runs',
  imports: [ListPage, MatTableModule, MatFormFieldModule, MatSelectModule, DatePipe, TranslatePipe],
  template: `
    <div class="filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'automation.runs.rule' | translate }}</mat-label>
        <mat-select [value]="ruleId()" (selectionChange)="filterRule($event.value)" data-testid="runs-rule">
          <mat-option [value]="null">{{ 'automation.runs.all' | translate }}</mat-option>
          @for (r of rules(); track r.id) { <mat-option [value]="r.id">{{ r.name }}</mat-option> }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>{{ 'automation.runs.result' | translate }}</mat-label>
        <mat-select [value]="result()" (selectionChange)="filterResult($event.value)" data-testid="runs-result">
          <mat-option [value]="null">{{ 'automation.runs.all' | translate }}</mat-option>
          @for (r of results; track r) { <mat-option [value]="r">{{ 'automation.runs.results.' + r | translate }}</mat-option> }
        </mat-select>
      </mat-form-field>
    </div>
    <bs-list-page titleKey="automation.runs.title" [state]="list">
      <table mat-table [dataSource]="list.items()" data-testid="runs-table">
        <ng-container matColumnDef="startedAt">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.runs.time' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.startedAt | date: 'yyyy-MM-dd HH:mm:ss' }}</td>
        </ng-container>
        <ng-container matColumnDef="rule">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.runs.rule' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.ruleName }}</td>
        </ng-container>
        <ng-container matColumnDef="event">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.event' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ 'automation.events.' + r.eventType | translate }}</td>
        </ng-container>
        <ng-container matColumnDef="result">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.runs.result' | translate }}</th>
          <td mat-cell *matCellDef="let r; let i = index" [attr.data-testid]="'run-result-' + i" [class.failed]="r.result !== 'Succeeded'">
            {{ 'automation.runs.results.' + r.result | translate }}
          </td>
        </ng-container>
        <ng-container matColumnDef="error">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.runs.error' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.error ?? '' }}</td>
        </ng-container>
        <ng-container matColumnDef="duration">
          <th mat-header-cell *matHeaderCellDef>{{ 'automation.runs.duration' | translate }}</th>
          <td mat-cell *matCellDef="let r">{{ r.durationMs }} ms</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </bs-list-page>
  `,
  styles: `table { width: 100%; } .filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; } .failed { color: #b3261e; }`,
})
export class RunsPage implements OnInit {
  private readonly api = inject(AutomationApi);
  protected readonly columns = ['startedAt', 'rule', 'event', 'result', 'error', 'duration'];
  protected readonly results: RuleRunResult[] = ['Succeeded', 'Failed', 'Blocked', 'RateLimited', 'RecursionLimited'];
  protected readonly rules = signal<AutomationRule[]>([]);
  protected readonly ruleId = signal<string | null>(inject(ActivatedRoute).snapshot.queryParamMap.get('ruleId'));
  protected readonly result = signal<RuleRunResult | null>(null);
  protected readonly list = new ListState<RuleRun>(q => this.api.runs(q, this.ruleId() ?? undefined, this.result() ?? undefined));

  ngOnInit(): void {
    this.api.rules().subscribe(rules => this.rules.set(rules));
    this.list.load();
  }

  filterRule(ruleId: string | null): void { this.ruleId.set(ruleId); this.list.firstPage(); }

  filterResult(result: RuleRunResult | null): void { this.result.set(result); this.list.firstPage(); }
}
