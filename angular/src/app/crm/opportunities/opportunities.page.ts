import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { problemMessage } from '../../core/problem';
import { Session } from '../../core/session';
import { askReason } from '../../shared/reason-dialog';
import { OpportunitiesApi, Opportunity, OpportunityStage, STAGES, isClosed } from './opportunities.api';
import { OpportunityDialog } from './opportunity-dialog';
import { Permissions } from '../../core/api/permissions';

/**
 * The sales pipeline as a kanban (商机看板): one column per stage; dragging a card, or its "move to"
 * menu (keyboard friendly), moves the opportunity. Lost asks for the reason; won and lost cards stay put.
 */
@Component({
  selector: 'bs-opportunities',
  imports: [CdkDropListGroup, CdkDropList, CdkDrag, MatButtonModule, MatButtonToggleModule, MatIconModule, MatMenuModule, MatProgressBarModule,
    MatTableModule, RouterLink, CurrencyPipe, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'opportunities.title' | translate }}</h2>
      <span class="spacer"></span>
      <mat-button-toggle-group [value]="view()" (change)="view.set($event.value)" [attr.aria-label]="'opportunities.view' | translate">
        <mat-button-toggle value="board" data-testid="view-board"><mat-icon>view_kanban</mat-icon></mat-button-toggle>
        <mat-button-toggle value="list" data-testid="view-list"><mat-icon>list</mat-icon></mat-button-toggle>
      </mat-button-toggle-group>
      @if (canManage()) {
        <button mat-flat-button (click)="edit()" data-testid="list-create"><mat-icon>add</mat-icon> {{ 'common.create' | translate }}</button>
      }
    </div>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }

    @if (view() === 'board') {
      <div class="board" cdkDropListGroup>
        @for (stage of stages; track stage) {
          <section class="column" cdkDropList [id]="stage" [cdkDropListData]="stage" (cdkDropListDropped)="dropped($event)"
                   [attr.data-testid]="'stage-' + stage">
            <header>
              <strong>{{ 'opportunities.stages.' + stage | translate }}</strong>
              <small>{{ byStage()[stage].length }} · {{ total(stage) | currency: 'CNY' : 'symbol-narrow' : '1.0-0' }}</small>
            </header>
            @for (o of byStage()[stage]; track o.id) {
              <article class="card" cdkDrag [cdkDragData]="o" [cdkDragDisabled]="!canManage() || closed(o)" [attr.data-testid]="'opportunity-' + o.name">
                <div class="card-head">
                  <a (click)="edit(o)" class="name">{{ o.name }}</a>
                  @if (canManage() && !closed(o)) {
                    <button mat-icon-button [matMenuTriggerFor]="moveMenu" [attr.aria-label]="'opportunities.moveTo' | translate"
                            [attr.data-testid]="'move-' + o.name"><mat-icon>more_vert</mat-icon></button>
                    <mat-menu #moveMenu="matMenu">
                      @for (target of stages; track target) {
                        @if (target !== o.stage) {
                          <button mat-menu-item (click)="move(o, target)" [attr.data-testid]="'move-' + o.name + '-' + target">
                            {{ 'opportunities.moveTo' | translate }} {{ 'opportunities.stages.' + target | translate }}
                          </button>
                        }
                      }
                    </mat-menu>
                  }
                </div>
                <a [routerLink]="['/crm/customers', o.customerId]" class="customer">{{ o.customerName }}</a>
                <div class="meta">{{ o.amount | currency: o.currency : 'symbol-narrow' }} · {{ o.probability }}%</div>
                @if (o.expectedCloseDate) { <div class="meta">{{ o.expectedCloseDate }}</div> }
                @if (o.lostReason) { <div class="meta lost">{{ o.lostReason }}</div> }
              </article>
            }
          </section>
        }
      </div>
    } @else {
      <table mat-table [dataSource]="items()" data-testid="opportunities-table">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>{{ 'opportunities.name' | translate }}</th>
          <td mat-cell *matCellDef="let o"><a (click)="edit(o)" class="name">{{ o.name }}</a><br /><small>{{ o.customerName }}</small></td>
        </ng-container>
        <ng-container matColumnDef="amount">
          <th mat-header-cell *matHeaderCellDef>{{ 'opportunities.amount' | translate }}</th>
          <td mat-cell *matCellDef="let o">{{ o.amount | currency: o.currency : 'symbol-narrow' }}</td>
        </ng-container>
        <ng-container matColumnDef="stage">
          <th mat-header-cell *matHeaderCellDef>{{ 'opportunities.stage' | translate }}</th>
          <td mat-cell *matCellDef="let o">{{ 'opportunities.stages.' + o.stage | translate }} · {{ o.probability }}%</td>
        </ng-container>
        <ng-container matColumnDef="expectedCloseDate">
          <th mat-header-cell *matHeaderCellDef>{{ 'opportunities.expectedCloseDate' | translate }}</th>
          <td mat-cell *matCellDef="let o">{{ o.expectedCloseDate }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    }
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; } .spacer { flex: 1; }
    .board { display: grid; grid-template-columns: repeat(6, minmax(170px, 1fr)); gap: 8px; overflow-x: auto; }
    .column { background: #f3f4f6; border-radius: 8px; padding: 8px; min-height: 240px; }
    .column header { display: flex; flex-direction: column; margin-bottom: 8px; }
    .card { background: white; border-radius: 6px; padding: 8px; margin-bottom: 8px; box-shadow: 0 1px 2px rgba(0,0,0,.15); cursor: grab; }
    .card-head { display: flex; align-items: center; justify-content: space-between; }
    .name { cursor: pointer; font-weight: 500; } .customer { font-size: 12px; } .meta { font-size: 12px; color: #555; } .lost { color: #b3261e; }
    .cdk-drag-preview { box-shadow: 0 4px 12px rgba(0,0,0,.3); } .cdk-drag-placeholder { opacity: .3; }
    table { width: 100%; } .error { color: #b3261e; }
  `,
})
export class OpportunitiesPage implements OnInit {
  protected readonly session = inject(Session);
  private readonly api = inject(OpportunitiesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly stages = STAGES;
  protected readonly columns = ['name', 'amount', 'stage', 'expectedCloseDate'];
  protected readonly view = signal<'board' | 'list'>('board');
  protected readonly items = signal<Opportunity[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal('');
  protected readonly byStage = computed(() => {
    const columns = Object.fromEntries(STAGES.map(s => [s, [] as Opportunity[]])) as Record<OpportunityStage, Opportunity[]>;
    for (const o of this.items()) columns[o.stage].push(o);
    return columns;
  });

  ngOnInit(): void { this.load(); }

  protected canManage(): boolean { return this.session.isGranted(Permissions.CrmOpportunitiesManage); }
  protected closed(o: Opportunity): boolean { return isClosed(o.stage); }
  protected total(stage: OpportunityStage): number { return this.byStage()[stage].reduce((sum, o) => sum + o.amount, 0); }

  load(): void {
    this.loading.set(true);
    // The board shows the whole pipeline; a tenant with more than this needs filters, not paging.
    this.api.list({ skip: 0, take: 500 }).subscribe({
      next: page => { this.items.set(page.items); this.loading.set(false); },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  dropped(event: CdkDragDrop<OpportunityStage, OpportunityStage, Opportunity>): void {
    if (event.previousContainer === event.container) return;
    this.move(event.item.data, event.container.data);
  }

  move(opportunity: Opportunity, stage: OpportunityStage): void {
    if (stage !== 'Lost') { this.send(opportunity, stage); return; }
    askReason(this.dialog, { titleKey: 'opportunities.lostTitle', params: { name: opportunity.name }, labelKey: 'opportunities.lostReason', submitKey: 'opportunities.markLost' })
      .subscribe(reason => { if (reason) this.send(opportunity, stage, reason); });
  }

  private send(opportunity: Opportunity, stage: OpportunityStage, lostReason?: string): void {
    // Show the move at once; the server's answer (or a reload after a refusal) settles it.
    this.items.update(items => items.map(o => (o.id === opportunity.id ? { ...o, stage } : o)));
    this.api.move(opportunity.id, stage, lostReason).subscribe({
      next: moved => this.items.update(items => items.map(o => (o.id === moved.id ? moved : o))),
      error: error => { this.notifier.error(error); this.load(); },
    });
  }

  edit(opportunity?: Opportunity): void {
    this.dialog.open(OpportunityDialog, { data: { opportunity }, width: '640px', maxWidth: '95vw' }).afterClosed()
      .subscribe(saved => { if (saved) this.load(); });
  }
}
