import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { problemMessage } from '../core/problem';
import { InsightsApi, KpiTarget } from './insights.api';

interface Row extends KpiTarget { draftTarget: string; draftOwner: string; saving: boolean; error: string; }

/** KPI targets (Insights.Manage): a breach notifies the owner role once per period. */
@Component({
  selector: 'bs-insights-targets',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2>{{ 'insights.targetsTitle' | translate }}</h2>
    <p class="hint">{{ 'insights.targetsHint' | translate }}</p>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <table class="data phone-cards" data-testid="targets-table">
      <caption>{{ 'insights.targetsTitle' | translate }}</caption>
      <thead><tr>
        <th scope="col">{{ 'insights.kpi' | translate }}</th><th scope="col">{{ 'insights.target' | translate }}</th>
        <th scope="col">{{ 'insights.ownerRole' | translate }}</th><th scope="col"></th>
      </tr></thead>
      <tbody>
        @for (row of rows(); track row.key) {
          <tr>
            <td [attr.data-label]="'insights.kpi' | translate">{{ kpiName(row.key) }} @if (row.unit) { <small>({{ 'insights.unitNames.' + row.unit | translate }})</small> }</td>
            <td [attr.data-label]="'insights.target' | translate">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <input matInput type="number" [value]="row.draftTarget" (input)="row.draftTarget = $any($event.target).value" [attr.aria-label]="'insights.target' | translate"
                       [attr.data-testid]="'target-' + row.key" />
              </mat-form-field>
            </td>
            <td [attr.data-label]="'insights.ownerRole' | translate">
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <input matInput [value]="row.draftOwner" (input)="row.draftOwner = $any($event.target).value" [attr.aria-label]="'insights.ownerRole' | translate" [attr.data-testid]="'owner-' + row.key" />
              </mat-form-field>
            </td>
            <td>
              <button mat-stroked-button (click)="save(row)" [disabled]="row.saving" [attr.data-testid]="'save-' + row.key">{{ 'common.save' | translate }}</button>
              @if (row.error) { <span class="error" role="alert">{{ row.error | translate }}</span> }
            </td>
          </tr>
        } @empty {
          @if (!loading()) { <tr><td colspan="4" class="empty">{{ 'insights.noTargets' | translate }}</td></tr> }
        }
      </tbody>
    </table>
  `,
  styles: `
    .hint, .empty { color: #666; }
    .error { color: #b3261e; margin-left: 8px; }
    table.data { width: 100%; border-collapse: collapse; }
    table.data caption { position: absolute; left: -10000px; }
    table.data th, table.data td { padding: 6px 8px; border-bottom: 1px solid #eee; text-align: left; }
    td small { color: #666; }
  `,
})
export class TargetsPage implements OnInit {
  private readonly api = inject(InsightsApi);
  private readonly snack = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly rows = signal<Row[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal('');

  ngOnInit(): void {
    this.api.targets().subscribe({
      next: targets => {
        this.rows.set(targets.map(t => ({ ...t, draftTarget: t.target === null ? '' : String(t.target), draftOwner: t.ownerRole ?? '', saving: false, error: '' })));
        this.loading.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  protected kpiName(key: string): string {
    const id = `insights.kpis.${key}`;
    const name = this.translate.instant(id);
    return name === id ? key : name;
  }

  protected save(row: Row): void {
    const target = String(row.draftTarget ?? '').trim() === '' ? null : Number(row.draftTarget);
    this.patch(row, { saving: true, error: '' });
    this.api.saveTarget(row.key, target, row.draftOwner.trim()).subscribe({
      next: saved => {
        this.patch(row, { ...saved, saving: false, draftTarget: saved.target === null ? '' : String(saved.target), draftOwner: saved.ownerRole ?? '' });
        this.snack.open(this.translate.instant('insights.targetSaved'), undefined, { duration: 3000 });
      },
      error: error => this.patch(row, { saving: false, error: problemMessage(error) }),
    });
  }

  private patch(row: Row, changes: Partial<Row>): void {
    this.rows.update(rows => rows.map(r => (r.key === row.key ? { ...r, ...changes } : r)));
  }
}
