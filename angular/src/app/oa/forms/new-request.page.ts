import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/language';
import { ApprovalForm, OaApi, SubmissionSummary } from '../oa.api';

/** 发起申请: the published forms to fill in, and my requests with their status. */
@Component({
  selector: 'bs-new-request',
  imports: [MatCardModule, MatIconModule, MatTableModule, RouterLink, TranslatePipe, DatePipe],
  template: `
    <h2>{{ 'oa.requests.title' | translate }}</h2>
    <div class="cards" data-testid="published-forms">
      @for (f of forms(); track f.id) {
        <a class="card" [routerLink]="['/oa/requests/new', f.id]" [attr.data-testid]="'new-request-' + f.code">
          <mat-card appearance="outlined"><mat-card-header><mat-icon mat-card-avatar>description</mat-icon>
            <mat-card-title>{{ zh() ? f.nameZh : f.nameEn }}</mat-card-title>
            @if (f.description) { <mat-card-subtitle>{{ f.description }}</mat-card-subtitle> }
          </mat-card-header></mat-card>
        </a>
      } @empty { <p>{{ 'oa.requests.noForms' | translate }}</p> }
    </div>
    <h3>{{ 'oa.requests.mine' | translate }}</h3>
    <table mat-table [dataSource]="mine()" data-testid="my-requests">
      <ng-container matColumnDef="number">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.requests.number' | translate }}</th>
        <td mat-cell *matCellDef="let s"><a [routerLink]="['/oa/requests', s.id]">{{ s.number }}</a></td>
      </ng-container>
      <ng-container matColumnDef="title">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.requests.form' | translate }}</th>
        <td mat-cell *matCellDef="let s">{{ s.title }}</td>
      </ng-container>
      <ng-container matColumnDef="status">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.requests.status' | translate }}</th>
        <td mat-cell *matCellDef="let s" [attr.data-testid]="'request-status-' + s.number">{{ 'oa.requests.statuses.' + s.status | translate }}</td>
      </ng-container>
      <ng-container matColumnDef="submittedAt">
        <th mat-header-cell *matHeaderCellDef>{{ 'oa.requests.submittedAt' | translate }}</th>
        <td mat-cell *matCellDef="let s">{{ s.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
    </table>
    @if (loaded() && mine().length === 0) { <p class="muted" data-testid="my-requests-empty">{{ 'oa.requests.noneMine' | translate }}</p> }
  `,
  styles: `.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; margin-bottom: 24px; }
    .card { text-decoration: none; color: inherit; } .card mat-card { height: 100%; } table { width: 100%; } .muted { color: #666; }`,
})
export class NewRequestPage implements OnInit {
  private readonly api = inject(OaApi);
  private readonly language = inject(LanguageService);
  protected readonly zh = () => this.language.current() === 'zh-CN';
  protected readonly forms = signal<ApprovalForm[]>([]);
  protected readonly mine = signal<SubmissionSummary[]>([]);
  /** The empty-state text waits for the answer, so it does not flash before the list. */
  protected readonly loaded = signal(false);
  protected readonly columns = ['number', 'title', 'status', 'submittedAt'];

  ngOnInit(): void {
    this.api.publishedForms().subscribe(forms => this.forms.set(forms));
    this.api.mySubmissions({ skip: 0, take: 50 }).subscribe(page => { this.mine.set(page.items); this.loaded.set(true); });
  }
}
