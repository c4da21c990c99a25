import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { Session } from '../../core/session';
import { CANDIDATE_STAGES, Candidate, HrApi, JobOpening } from '../hr.api';
import { CandidateDialog, OpeningDialog } from './recruitment-dialogs';
import { Permissions } from '../../core/api/permissions';

/** Openings on the left; the chosen opening's candidates in one column per stage. */
@Component({
  selector: 'bs-recruitment',
  imports: [MatButtonModule, MatIconModule, MatListModule, RouterLink, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'hr.openings.title' | translate }}</h2>
      <span class="spacer"></span>
      @if (canManage) {
        <button mat-flat-button (click)="newOpening()" data-testid="opening-create"><mat-icon>add</mat-icon> {{ 'hr.openings.create' | translate }}</button>
      }
    </div>
    <div class="layout">
      <mat-nav-list class="openings" data-testid="openings-list">
        @for (o of openings(); track o.id) {
          <a mat-list-item [class.selected]="o.id === selectedId()" (click)="select(o.id)" [attr.data-testid]="'opening-' + o.title">
            <span matListItemTitle>{{ o.title }}</span>
            <span matListItemLine>{{ o.departmentName ?? '—' }} · {{ 'hr.openings.headcountShort' | translate: { count: o.headcount } }} · {{ o.candidateCount }} {{ 'hr.candidates.title' | translate }}</span>
          </a>
        } @empty { <p class="muted">{{ 'common.empty' | translate }}</p> }
      </mat-nav-list>
      @if (selectedId()) {
        <section class="board">
          @if (canManage) {
            <button mat-stroked-button (click)="newCandidate()" data-testid="candidate-create"><mat-icon>person_add</mat-icon> {{ 'hr.candidates.create' | translate }}</button>
          }
          <div class="columns">
            @for (stage of stages; track stage) {
              <div class="column" [attr.data-testid]="'stage-' + stage">
                <h3>{{ 'hr.stage.' + stage | translate }} <span class="muted">{{ byStage()[stage].length }}</span></h3>
                @for (c of byStage()[stage]; track c.id) {
                  <a class="card" [routerLink]="['/hr/candidates', c.id]" [attr.data-testid]="'candidate-card-' + c.name">
                    <strong>{{ c.name }}</strong><span class="muted">{{ c.email }}</span>
                  </a>
                }
              </div>
            }
          </div>
        </section>
      }
    </div>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; }
    .spacer { flex: 1; }
    .layout { display: flex; gap: 16px; align-items: flex-start; }
    .openings { width: 280px; flex: none; }
    .selected { background: #e8f0fe; }
    .board { flex: 1; overflow: auto; }
    .columns { display: flex; gap: 8px; margin-top: 8px; }
    .column { flex: 1; min-width: 140px; background: #f5f5f5; border-radius: 8px; padding: 8px; }
    .column h3 { font-size: 14px; margin: 0 0 8px; }
    .card { display: flex; flex-direction: column; background: #fff; border-radius: 6px; padding: 8px; margin-bottom: 6px; text-decoration: none; color: inherit; }
    .muted { color: #666; font-size: 12px; }
  `,
})
export class RecruitmentPage implements OnInit {
  private readonly api = inject(HrApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly canManage = inject(Session).isGranted(Permissions.HrRecruitmentManage);
  protected readonly stages = CANDIDATE_STAGES;
  protected readonly openings = signal<JobOpening[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  private readonly candidates = signal<Candidate[]>([]);
  protected readonly byStage = computed(() =>
    Object.fromEntries(CANDIDATE_STAGES.map(s => [s, this.candidates().filter(c => c.stage === s)])) as Record<string, Candidate[]>);

  ngOnInit(): void { this.loadOpenings(); }

  select(id: string): void {
    this.selectedId.set(id);
    this.api.candidates({ skip: 0, take: 1000 }, id).subscribe({ next: p => this.candidates.set(p.items), error: e => this.notifier.error(e) });
  }

  newOpening(): void {
    this.api.departments().subscribe(departments =>
      this.dialog.open(OpeningDialog, { data: departments, width: '440px' }).afterClosed().subscribe((saved?: JobOpening) => {
        if (!saved) return;
        this.loadOpenings();
        this.select(saved.id);
      }));
  }

  newCandidate(): void {
    this.dialog.open(CandidateDialog, { data: this.selectedId(), width: '440px' }).afterClosed().subscribe(saved => {
      if (saved) { this.select(this.selectedId()!); this.loadOpenings(); }
    });
  }

  private loadOpenings(): void {
    this.api.openings().subscribe({ next: o => this.openings.set(o), error: e => this.notifier.error(e) });
  }
}
