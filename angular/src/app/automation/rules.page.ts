import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../core/notifier';
import { confirm } from '../shared/confirm';
import { AutomationApi, AutomationRule } from './automation.api';

/** The tenant's automation rules (自动化规则), each switched on or off here; editing opens the rule's form. */
@Component({
  selector: 'bs-automation-rules',
  imports: [MatTableModule, MatButtonModule, MatIconModule, MatSlideToggleModule, RouterLink, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'automation.title' | translate }}</h2>
      <span class="spacer"></span>
      <a mat-stroked-button routerLink="/automation/runs" data-testid="automation-runs"><mat-icon>history</mat-icon> {{ 'automation.runs.title' | translate }}</a>
      <a mat-flat-button routerLink="/automation/rules/new" data-testid="automation-create"><mat-icon>add</mat-icon> {{ 'automation.create' | translate }}</a>
    </div>
    <p class="hint">{{ 'automation.hint' | translate }}</p>
    <table mat-table [dataSource]="rules()" class="phone-cards" data-testid="automation-rules">
      <ng-container matColumnDef="name">
        <th mat-header-cell *matHeaderCellDef>{{ 'automation.name' | translate }}</th>
        <td mat-cell *matCellDef="let r" [attr.data-label]="'automation.name' | translate">
          <a [routerLink]="['/automation/rules', r.id]" [attr.data-testid]="'rule-' + r.name">{{ r.name }}</a>
          @if (r.isBlocking) { <small class="blocking">{{ 'automation.blocking' | translate }}</small> }
        </td>
      </ng-container>
      <ng-container matColumnDef="event">
        <th mat-header-cell *matHeaderCellDef>{{ 'automation.event' | translate }}</th>
        <td mat-cell *matCellDef="let r" [attr.data-label]="'automation.event' | translate">{{ 'automation.events.' + r.eventType | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="summary">
        <th mat-header-cell *matHeaderCellDef>{{ 'automation.summary' | translate }}</th>
        <td mat-cell *matCellDef="let r" [attr.data-label]="'automation.summary' | translate">
          {{ 'automation.summaryText' | translate: { conditions: r.conditions.length, actions: r.actions.length } }}
        </td>
      </ng-container>
      <ng-container matColumnDef="enabled">
        <th mat-header-cell *matHeaderCellDef>{{ 'automation.enabled' | translate }}</th>
        <td mat-cell *matCellDef="let r" [attr.data-label]="'automation.enabled' | translate">
          <mat-slide-toggle [checked]="r.isEnabled" (change)="toggle(r, $event.checked)" [attr.data-testid]="'rule-enabled-' + r.name"
                            [attr.aria-label]="'automation.enabled' | translate" />
        </td>
      </ng-container>
      <ng-container matColumnDef="actions">
        <th mat-header-cell *matHeaderCellDef></th>
        <td mat-cell *matCellDef="let r" class="actions" data-label="">
          <button mat-button (click)="log(r)" [attr.data-testid]="'rule-log-' + r.name">{{ 'automation.runs.title' | translate }}</button>
          <button mat-button (click)="remove(r)" [attr.data-testid]="'rule-delete-' + r.name">{{ 'common.delete' | translate }}</button>
        </td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    @if (rules().length === 0) { <p class="empty" data-testid="automation-empty">{{ 'automation.empty' | translate }}</p> }
  `,
  styles: `.head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; } .spacer { flex: 1; } table { width: 100%; }
    .actions { text-align: right; white-space: nowrap; } .hint, .empty { color: #666; } .blocking { margin-left: 8px; color: #b3261e; }
    @media (max-width: 599.98px) { .mat-column-summary { display: none; } }`,
})
export class RulesPage implements OnInit {
  private readonly api = inject(AutomationApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly columns = ['name', 'event', 'summary', 'enabled', 'actions'];
  protected readonly rules = signal<AutomationRule[]>([]);

  ngOnInit(): void { this.load(); }

  load(): void { this.api.rules().subscribe({ next: rules => this.rules.set(rules), error: error => this.notifier.error(error) }); }

  toggle(rule: AutomationRule, isEnabled: boolean): void {
    this.api.setEnabled(rule.id, isEnabled).subscribe({ next: () => this.load(), error: error => { this.notifier.error(error); this.load(); } });
  }

  log(rule: AutomationRule): void { this.router.navigate(['/automation/runs'], { queryParams: { ruleId: rule.id } }); }

  remove(rule: AutomationRule): void {
    confirm(this.dialog, 'automation.confirmDelete', { name: rule.name }).subscribe(yes => {
      if (yes) this.api.delete(rule.id).subscribe({ next: () => this.load(), error: error => this.notifier.error(error) });
    });
  }
}
