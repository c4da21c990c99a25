import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../../core/language';
import { customLabel, customText } from '../../shared/custom-fields';
import { saveFile } from '../../shared/download';
import { FieldSpec, FormField, FormSubmission, OaApi } from '../oa.api';

type Values = Record<string, unknown>;

/** A submitted request (申请单) as its applicant and its approvers read it: the values in the form version it was made with. */
@Component({
  selector: 'bs-request',
  imports: [MatButtonModule, RouterLink, TranslatePipe, DatePipe],
  template: `
    @if (s(); as s) {
      <h2>{{ zh() ? s.formNameZh : s.formNameEn }} <small>{{ s.summary.number }}</small></h2>
      <dl class="meta">
        <dt>{{ 'oa.requests.status' | translate }}</dt><dd data-testid="request-status">{{ 'oa.requests.statuses.' + s.summary.status | translate }}</dd>
        <dt>{{ 'oa.approvals.applicant' | translate }}</dt><dd>{{ s.applicantName }}</dd>
        <dt>{{ 'oa.requests.submittedAt' | translate }}</dt><dd>{{ s.summary.submittedAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
        <dt>{{ 'oa.forms.version' | translate }}</dt><dd>v{{ s.summary.version }}</dd>
      </dl>
      <dl class="values" data-testid="request-values">
        @for (f of s.fields; track f.spec.key) {
          <dt>{{ label(f.spec) }}</dt>
          <dd [attr.data-testid]="'value-' + f.spec.key">
            @if (f.kind === 'Table') {
              <table class="lines">
                <tr>@for (c of f.columns ?? []; track c.key) { <th>{{ label(c) }}</th> }</tr>
                @for (line of tableLines(f); track $index) { <tr>@for (c of f.columns ?? []; track c.key) { <td>{{ show(c, line[c.key]) }}</td> }</tr> }
                @if (f.sumColumn) { <tr class="sum"><td [attr.colspan]="(f.columns ?? []).length">{{ 'oa.requests.sum' | translate }}: {{ tableSum(f) }}</td></tr> }
              </table>
            } @else if (f.kind === 'Attachment') {
              @if (attachment(f); as a) { <button mat-button (click)="download(a.id, a.fileName)">{{ a.fileName }}</button> } @else { — }
            } @else { {{ show(f.spec, values()[f.spec.key]) }} }
          </dd>
        }
      </dl>
      @if (s.summary.approvalId) { <a mat-stroked-button [routerLink]="['/oa/approvals', s.summary.approvalId]" data-testid="request-approval">{{ 'oa.requests.openApproval' | translate }}</a> }
    }
  `,
  styles: `dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; } dt { color: #5f6368; } dd { margin: 0; white-space: pre-wrap; }
    .lines { border-collapse: collapse; } .lines th, .lines td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; } .sum td { font-weight: 500; }`,
})
export class RequestPage implements OnInit {
  readonly id = input.required<string>();
  private readonly api = inject(OaApi);
  private readonly language = inject(LanguageService);
  protected readonly zh = () => this.language.current() === 'zh-CN';
  protected readonly s = signal<FormSubmission | null>(null);
  protected readonly values = () => (this.s()?.values ?? {}) as Values;

  ngOnInit(): void { this.api.submission(this.id()).subscribe(s => this.s.set(s)); }

  protected label(spec: FieldSpec): string { return customLabel(spec, this.language.current()); }

  protected show(spec: FieldSpec, value: unknown): string { return customText(spec, value, this.language.current()); }

  protected tableLines(f: FormField): Values[] { return ((this.values()[f.spec.key] as { lines?: Values[] } | undefined)?.lines) ?? []; }

  protected tableSum(f: FormField): unknown { return (this.values()[f.spec.key] as { sum?: number } | undefined)?.sum ?? 0; }

  protected attachment(f: FormField) { return this.s()?.attachments.find(a => a.id === this.values()[f.spec.key]); }

  download(id: string, fileName: string): void { this.api.formAttachment(id).subscribe(blob => saveFile(blob, fileName)); }
}
