import { Component, effect, inject, input, signal } from '@angular/core';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { problemMessage } from '../../core/problem';
import { saveFile } from '../download';
import { MentionCandidate, RecordType, TimelineApi, TimelineFile, TimelineItem } from './timeline.api';

const ICONS: Record<TimelineItem['kind'], string> = { Event: 'history', Activity: 'call', Comment: 'chat_bubble_outline' };

/**
 * A record's timeline (chatter): its events in words, follow-ups, comments and files, newest first, older pages as the
 * list scrolls to its end. Comments @mention users picked from an autocomplete; the server notifies them.
 */
@Component({
  selector: 'bs-timeline',
  imports: [FormsModule, MatAutocompleteModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatIconModule, MatInputModule, DatePipe, TranslatePipe],
  template: `
    <form class="compose" (ngSubmit)="send()" data-testid="timeline-form">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="text">
        <mat-label>{{ 'timeline.comment' | translate }}</mat-label>
        <textarea matInput name="text" rows="2" [(ngModel)]="text" (ngModelChange)="lookUp($event)" [matAutocomplete]="people"
          data-testid="timeline-text"></textarea>
        <mat-hint>{{ 'timeline.mentionHint' | translate }}</mat-hint>
      </mat-form-field>
      <mat-autocomplete #people="matAutocomplete" [displayWith]="asText" (optionSelected)="mention($event)">
        @for (p of candidates(); track p.id) {
          <mat-option [value]="p" [attr.data-testid]="'mention-' + p.userName">{{ p.name }} ({{ p.userName }})</mat-option>
        }
      </mat-autocomplete>
      <div class="actions">
        <input #picker type="file" hidden multiple (change)="attach(picker)" data-testid="timeline-file" />
        <button mat-icon-button type="button" (click)="picker.click()" [attr.aria-label]="'timeline.attach' | translate"><mat-icon>attach_file</mat-icon></button>
        <button mat-flat-button type="submit" [disabled]="busy() || (!draft.trim() && !files().length)" data-testid="timeline-send">{{ 'timeline.send' | translate }}</button>
      </div>
      @if (files().length) {
        <mat-chip-set>
          @for (f of files(); track f.id) { <mat-chip (removed)="unattach(f)">{{ f.fileName }}<button matChipRemove [attr.aria-label]="'common.delete' | translate"><mat-icon>cancel</mat-icon></button></mat-chip> }
        </mat-chip-set>
      }
    </form>
    @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
    <ol class="stream" (scroll)="scrolled($event)" data-testid="timeline">
      @for (i of items(); track i.id) {
        <li [attr.data-kind]="i.kind">
          <mat-icon aria-hidden="true">{{ icon(i) }}</mat-icon>
          <div class="body">
            <div class="line">{{ sentence(i) }} <small>{{ i.at | date: 'yyyy-MM-dd HH:mm' }}</small></div>
            @if (i.text && i.kind !== 'Activity') { <div class="text">{{ i.text }}</div> }
            @if (i.notes) { <div class="text">{{ i.notes }}</div> }
            @for (f of i.files; track f.id) {
              <button mat-button type="button" class="file" (click)="download(f)"><mat-icon>description</mat-icon>{{ f.fileName }}</button>
            }
          </div>
        </li>
      } @empty {
        @if (!loading()) { <li class="empty">{{ 'timeline.empty' | translate }}</li> }
      }
      @if (next()) {
        <li class="more"><button mat-button type="button" (click)="older()" [disabled]="loading()" data-testid="timeline-older">{{ 'timeline.older' | translate }}</button></li>
      }
    </ol>
  `,
  styles: `
    .compose { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: flex-start; margin-bottom: 8px; }
    .text { flex: 1 1 260px; } .actions { display: flex; align-items: center; gap: 4px; }
    .stream { list-style: none; padding: 0; margin: 0; max-height: 560px; overflow-y: auto; }
    .stream li { display: flex; gap: 8px; padding: 6px 0; border-bottom: 1px solid #eee; }
    .stream li[data-kind='Comment'] mat-icon { color: #1565c0; }
    .body { min-width: 0; flex: 1; } .line small { color: #666; margin-left: 4px; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; color: #333; }
    .file { margin-top: 2px; } .empty { color: #666; } .more { justify-content: center; } .error { color: #b3261e; }
  `,
})
export class Timeline {
  readonly recordType = input.required<RecordType>();
  readonly recordId = input.required<string>();
  private readonly api = inject(TimelineApi);
  private readonly translate = inject(TranslateService);
  protected readonly items = signal<TimelineItem[]>([]);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly candidates = signal<MentionCandidate[]>([]);
  protected readonly files = signal<TimelineFile[]>([]);
  protected text = '';
  /** The text as typed: picking a person makes the autocomplete write the person into the model, which mention() replaces. */
  protected draft = '';
  private mentioned: MentionCandidate[] = [];

  constructor() {
    effect(() => this.load(this.recordType(), this.recordId()));
  }

  private load(type: RecordType, id: string): void {
    this.items.set([]);
    this.next.set(null);
    this.fetch(type, id, null);
  }

  private fetch(type: RecordType, id: string, before: string | null): void {
    this.loading.set(true);
    this.api.page(type, id, before).subscribe({
      next: page => {
        this.items.update(items => [...items, ...page.items]);
        this.next.set(page.next ?? null);
        this.loading.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.loading.set(false); },
    });
  }

  /** The next (older) page, once. */
  older(): void {
    const before = this.next();
    if (before && !this.loading()) this.fetch(this.recordType(), this.recordId(), before);
  }

  protected scrolled(event: Event): void {
    const list = event.target as HTMLElement;
    if (list.scrollTop + list.clientHeight >= list.scrollHeight - 40) this.older();
  }

  /** Suggests users while the text ends in "@name". */
  protected lookUp(text: unknown): void {
    if (typeof text !== 'string') return;
    this.draft = text;
    const typed = /@([^\s@]{1,30})$/.exec(text)?.[1];
    if (!typed) { this.candidates.set([]); return; }
    this.api.people(this.recordType(), typed).subscribe(people => this.candidates.set(people));
  }

  protected mention(event: MatAutocompleteSelectedEvent): void {
    const person = event.option.value as MentionCandidate;
    this.text = this.draft = this.draft.replace(/@([^\s@]{1,30})$/, `@${person.name} `);
    if (!this.mentioned.some(m => m.id === person.id)) this.mentioned.push(person);
    this.candidates.set([]);
  }

  protected attach(picker: HTMLInputElement): void {
    for (const file of Array.from(picker.files ?? [])) {
      this.api.upload(file).subscribe({
        next: uploaded => this.files.update(files => [...files, uploaded]),
        error: error => this.error.set(problemMessage(error)),
      });
    }
    picker.value = '';
  }

  protected unattach(file: TimelineFile): void { this.files.update(files => files.filter(f => f.id !== file.id)); }

  send(): void {
    this.busy.set(true);
    this.error.set('');
    // Only those still named in the text are notified: deleting "@Name" takes the mention back.
    const mentionedUserIds = this.mentioned.filter(m => this.text.includes(`@${m.name}`)).map(m => m.id);
    this.api.comment(this.recordType(), this.recordId(), { text: this.text, mentionedUserIds, attachmentIds: this.files().map(f => f.id) }).subscribe({
      next: comment => {
        this.items.update(items => [comment, ...items]);
        this.text = this.draft = '';
        this.mentioned = [];
        this.files.set([]);
        this.busy.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.busy.set(false); },
    });
  }

  protected download(file: TimelineFile): void {
    this.api.download(file.id).subscribe(blob => saveFile(blob, file.fileName));
  }

  protected readonly asText = (value: unknown) => (typeof value === 'string' ? value : this.draft);

  protected icon(item: TimelineItem): string { return ICONS[item.kind]; }

  /** An event in words ("王经理 signed contract HT-0001"); an event without its own sentence still reads as a change. */
  protected sentence(item: TimelineItem): string {
    const user = item.userName ?? this.translate.instant('timeline.system');
    if (item.kind === 'Comment') return this.translate.instant('timeline.commented', { user });
    if (item.kind === 'Activity')
      return this.translate.instant('timeline.activity', { user, type: this.translate.instant('timeline.activityTypes.' + item.type), subject: item.text });
    const key = 'timeline.events.' + item.type;
    const data = { ...(item.data as Record<string, unknown> | null ?? {}) };
    // Opportunity stages are enum names in the payload: say them in the reader's language.
    for (const stage of ['from', 'to'] as const)
      if (item.type === 'OpportunityStageChanged') data[stage] = this.translate.instant('opportunities.stages.' + data[stage]);
    const params = { user, ...data };
    const said = this.translate.instant(key, params);
    return said === key ? this.translate.instant('timeline.events.other', params) : said;
  }
}
