import { Component, OnInit, inject, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { problemMessage } from '../core/problem';
import { ChainDocument, JournalEntry, chainDocuments, eventAmount } from './document-chain';

/** The chain a document started (contract → order → invoices → payments → vouchers), read from the event journal. */
@Component({
  selector: 'bs-document-chain',
  imports: [RouterLink, MatCardModule, MatProgressBarModule, DatePipe, DecimalPipe, TranslatePipe],
  template: `
    <h2>{{ 'chain.title' | translate }}</h2>
    @if (loading()) { <mat-progress-bar mode="indeterminate" /> }
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    @if (!loading() && documents().length === 0 && !error()) { <p>{{ 'chain.empty' | translate }}</p> }
    <div class="chain" data-testid="chain">
      @for (d of documents(); track d.id) {
        <mat-card appearance="outlined" [attr.data-testid]="'chain-' + d.type">
          <mat-card-header>
            <mat-card-title>
              {{ 'chain.type.' + d.type | translate }}
              @if (d.link) { <a [routerLink]="d.link">{{ d.number ?? d.id }}</a> } @else { {{ d.number ?? '' }} }
            </mat-card-title>
          </mat-card-header>
          <mat-card-content>
            <ul>
              @for (e of d.events; track e.id) {
                <li>
                  <span class="when">{{ e.occurredAt + 'Z' | date: 'yyyy-MM-dd HH:mm:ss' }}</span>
                  {{ 'chain.event.' + e.eventType | translate }}
                  @if (amount(e); as a) { <span class="amount">{{ a | number: '1.2-2' }}</span> }
                </li>
              }
            </ul>
          </mat-card-content>
        </mat-card>
      }
    </div>
  `,
  styles: `
    .chain { display: flex; flex-direction: column; gap: 12px; max-width: 760px; }
    .when { color: var(--mat-sys-on-surface-variant); margin-right: 8px; font-variant-numeric: tabular-nums; }
    .amount { margin-left: 8px; font-weight: 500; }
    ul { margin: 0; padding-left: 18px; }
  `,
})
export class DocumentChainPage implements OnInit {
  private readonly http = inject(HttpClient);
  readonly id = input.required<string>();
  readonly documents = signal<ChainDocument[]>([]);
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);
  readonly amount = eventAmount;

  ngOnInit(): void {
    this.http.get<JournalEntry[]>(`/api/audit/document-chain/${this.id()}`).subscribe({
      next: entries => { this.documents.set(chainDocuments(entries)); this.loading.set(false); },
      error: e => { this.error.set(problemMessage(e)); this.loading.set(false); },
    });
  }
}
