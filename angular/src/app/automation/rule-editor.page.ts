import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { startWith } from 'rxjs';
import { applyProblem } from '../core/problem';
import { Notifier } from '../core/notifier';
import { Role, RolesApi } from '../identity/roles/roles.api';
import { User, UsersApi } from '../identity/users/users.api';
import { FieldError } from '../shared/field-error';
import { LanguageService } from '../core/language';
import { CustomField, CustomFieldsApi, customLabel } from '../shared/custom-fields';
import {
  AutomationApi, AutomationEventType, ConditionMatch, ConditionOperator, RecipientKind, RuleActionType, RuleTestResult, SaveRule,
} from './automation.api';

type ConditionForm = FormGroup<{ field: FormControl<string>; operator: FormControl<ConditionOperator>; value: FormControl<string> }>;
type ActionForm = FormGroup<{
  type: FormControl<RuleActionType>; recipient: FormControl<RecipientKind>; userId: FormControl<string>; role: FormControl<string>;
  title: FormControl<string>; message: FormControl<string>; dueInDays: FormControl<number | null>; url: FormControl<string>;
  entityType: FormControl<string>; fieldKey: FormControl<string>; fieldValue: FormControl<string>;
}>;

/**
 * A rule's form (no code): the event, condition rows on its payload's fields, action rows — or, for a blocking rule, the message
 * that refuses the action — and a test on a sample document that shows what would happen without doing it.
 */
@Component({
  selector: 'bs-rule-editor',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule, MatButtonModule, MatIconModule, MatCardModule,
    RouterLink, FieldError, TranslatePipe],
  template: `
    <h2>{{ (id() ? 'automation.edit' : 'automation.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <div class="row">
        <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'automation.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="rule-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error></mat-form-field>
        <mat-slide-toggle formControlName="isEnabled" data-testid="rule-is-enabled">{{ 'automation.enabled' | translate }}</mat-slide-toggle>
      </div>
      <div class="row">
        <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'automation.when' | translate }}</mat-label>
          <mat-select formControlName="eventType" data-testid="rule-event">
            @for (e of eventTypes(); track e.name) {
              <mat-option [value]="e.name" [attr.data-testid]="'rule-event-' + e.name">{{ 'automation.events.' + e.name | translate }}</mat-option>
            }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.eventType" /></mat-error></mat-form-field>
      </div>

      <h3>{{ 'automation.if' | translate }}
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="match">
          <mat-select formControlName="match" data-testid="rule-match">
            @for (m of matches; track m) { <mat-option [value]="m">{{ 'automation.match.' + m | translate }}</mat-option> }
          </mat-select>
        </mat-form-field>
      </h3>
      <div formArrayName="conditions">
        @for (c of form.controls.conditions.controls; track c; let i = $index) {
          <div class="row condition" [formGroupName]="i">
            <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.field' | translate }}</mat-label>
              <mat-select formControlName="field" [attr.data-testid]="'condition-field-' + i">
                @for (f of fields(); track f) { <mat-option [value]="f" [attr.data-testid]="'field-' + f">{{ f }}</mat-option> }
                @for (f of payloadCustomFields(); track f.path) {
                  <mat-option [value]="f.path" [attr.data-testid]="'field-' + f.path">{{ 'automation.records.' + f.entityType | translate }} · {{ label(f.field) }}</mat-option>
                }
              </mat-select></mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.operator' | translate }}</mat-label>
              <mat-select formControlName="operator" [attr.data-testid]="'condition-operator-' + i">
                @for (o of operators; track o) { <mat-option [value]="o" [attr.data-testid]="'operator-' + o">{{ 'automation.operators.' + o | translate }}</mat-option> }
              </mat-select></mat-form-field>
            @if (c.controls.operator.value !== 'IsEmpty') {
              @let options = conditionOptions(c.controls.field.value);
              <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.value' | translate }}</mat-label>
                @if (options.length) {
                  <mat-select formControlName="value" [attr.data-testid]="'condition-value-' + i">
                    @for (o of options; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="'condition-option-' + o.value">{{ label(o) }}</mat-option> }
                  </mat-select>
                } @else { <input matInput formControlName="value" [attr.data-testid]="'condition-value-' + i" /> }
              </mat-form-field>
            }
            <button mat-icon-button type="button" (click)="form.controls.conditions.removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>close</mat-icon></button>
          </div>
        }
      </div>
      <button mat-button type="button" (click)="addCondition()" data-testid="condition-add"><mat-icon>add</mat-icon> {{ 'automation.addCondition' | translate }}</button>

      <h3>{{ 'automation.then' | translate }}</h3>
      <mat-slide-toggle formControlName="isBlocking" data-testid="rule-blocking">{{ 'automation.blockingHint' | translate }}</mat-slide-toggle>
      @if (form.controls.isBlocking.value) {
        <mat-form-field appearance="outline" class="full"><mat-label>{{ 'automation.blockingMessage' | translate }}</mat-label>
          <input matInput formControlName="blockingMessage" data-testid="rule-blocking-message" />
          <mat-error><bs-field-error [control]="form.controls.blockingMessage" /></mat-error></mat-form-field>
      } @else {
        <div formArrayName="actions">
          @for (a of form.controls.actions.controls; track a; let i = $index) {
            <mat-card appearance="outlined" class="action" [formGroupName]="i">
              <div class="row">
                <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.action' | translate }}</mat-label>
                  <mat-select formControlName="type" [attr.data-testid]="'action-type-' + i">
                    @for (t of actionTypes; track t) { <mat-option [value]="t" [attr.data-testid]="'action-' + t">{{ 'automation.actions.' + t | translate }}</mat-option> }
                  </mat-select></mat-form-field>
                @if (hasRecipient(a.controls.type.value)) {
                  <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.recipient' | translate }}</mat-label>
                    <mat-select formControlName="recipient" [attr.data-testid]="'action-recipient-' + i">
                      @for (k of recipientKinds; track k) { <mat-option [value]="k" [attr.data-testid]="'recipient-' + k">{{ 'automation.recipients.' + k | translate }}</mat-option> }
                    </mat-select></mat-form-field>
                  @if (a.controls.recipient.value === 'User') {
                    <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.user' | translate }}</mat-label>
                      <mat-select formControlName="userId" [attr.data-testid]="'action-user-' + i">
                        @for (u of users(); track u.id) { <mat-option [value]="u.id" [attr.data-testid]="'user-' + u.userName">{{ u.name }} ({{ u.userName }})</mat-option> }
                      </mat-select></mat-form-field>
                  }
                  @if (a.controls.recipient.value === 'Role') {
                    <mat-form-field appearance="outline" subscriptSizing="dynamic"><mat-label>{{ 'automation.role' | translate }}</mat-label>
                      <mat-select formControlName="role" [attr.data-testid]="'action-role-' + i">
                        @for (r of roles(); track r.id) { <mat-option [value]="r.name" [attr.data-testid]="'role-' + r.name">{{ r.name }}</mat-option> }
                      </mat-select></mat-form-field>
                  }
                }
                <button mat-icon-button type="button" (click)="form.controls.actions.removeAt(i)" [attr.aria-label]="'common.delete' | translate"><mat-icon>close</mat-icon></button>
              </div>
              @switch (a.controls.type.value) {
                @case ('CreateTask') {
                  <div class="row">
                    <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'automation.taskTitle' | translate }}</mat-label>
                      <input matInput formControlName="title" [attr.data-testid]="'action-title-' + i" />
                      <mat-hint>{{ 'automation.placeholderHint' | translate }}</mat-hint></mat-form-field>
                    <mat-form-field appearance="outline" class="days"><mat-label>{{ 'automation.dueInDays' | translate }}</mat-label>
                      <input matInput type="number" min="0" formControlName="dueInDays" [attr.data-testid]="'action-due-' + i" /></mat-form-field>
                  </div>
                }
                @case ('Notify') {
                  <mat-form-field appearance="outline" class="full"><mat-label>{{ 'automation.message' | translate }}</mat-label>
                    <input matInput formControlName="message" [attr.data-testid]="'action-message-' + i" />
                    <mat-hint>{{ 'automation.placeholderHint' | translate }}</mat-hint></mat-form-field>
                }
                @case ('CallWebhook') {
                  <mat-form-field appearance="outline" class="full"><mat-label>URL</mat-label>
                    <input matInput formControlName="url" [attr.data-testid]="'action-url-' + i" />
                    <mat-hint>{{ 'automation.urlHint' | translate }}</mat-hint></mat-form-field>
                }
                @case ('SetCustomField') {
                  <div class="row">
                    <mat-form-field appearance="outline"><mat-label>{{ 'automation.record' | translate }}</mat-label>
                      <mat-select formControlName="entityType" [attr.data-testid]="'action-entity-' + i">
                        @for (k of recordKinds; track k) { <mat-option [value]="k">{{ 'automation.records.' + k | translate }}</mat-option> }
                      </mat-select></mat-form-field>
                    @let kindFields = fieldsOf(a.controls.entityType.value);
                    <mat-form-field appearance="outline"><mat-label>{{ 'automation.field' | translate }}</mat-label>
                      <mat-select formControlName="fieldKey" [attr.data-testid]="'action-field-' + i">
                        @for (f of kindFields; track f.key) { <mat-option [value]="f.key" [attr.data-testid]="'action-field-option-' + f.key">{{ label(f) }}</mat-option> }
                      </mat-select>
                      @if (!kindFields.length) { <mat-hint>{{ 'automation.noCustomFields' | translate }}</mat-hint> }</mat-form-field>
                    @let valueOptions = optionsOf(kindFields, a.controls.fieldKey.value);
                    <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'automation.fieldValue' | translate }}</mat-label>
                      @if (valueOptions.length) {
                        <mat-select formControlName="fieldValue" [attr.data-testid]="'action-value-' + i">
                          @for (o of valueOptions; track o.value) { <mat-option [value]="o.value" [attr.data-testid]="'action-option-' + o.value">{{ label(o) }}</mat-option> }
                        </mat-select>
                      } @else { <input matInput formControlName="fieldValue" [attr.data-testid]="'action-value-' + i" /> }
                      @if (!valueOptions.length) { <mat-hint>{{ 'automation.placeholderHint' | translate }}</mat-hint> }</mat-form-field>
                  </div>
                }
              }
            </mat-card>
          }
        </div>
        <button mat-button type="button" (click)="addAction()" data-testid="action-add"><mat-icon>add</mat-icon> {{ 'automation.addAction' | translate }}</button>
      }

      @if (error()) { <p class="error" role="alert" data-testid="rule-error">{{ error() }}</p> }
      <div class="buttons">
        <a mat-button routerLink="/automation/rules">{{ 'common.cancel' | translate }}</a>
        <button mat-flat-button type="submit" data-testid="rule-save">{{ 'common.save' | translate }}</button>
      </div>
    </form>

    <h3>{{ 'automation.test.title' | translate }}</h3>
    <p class="hint">{{ 'automation.test.hint' | translate }}</p>
    <mat-form-field appearance="outline" class="full"><mat-label>{{ 'automation.test.sample' | translate }}</mat-label>
      <textarea matInput rows="6" [formControl]="sample" data-testid="rule-sample" class="mono"></textarea></mat-form-field>
    <button mat-stroked-button type="button" (click)="test()" data-testid="rule-test"><mat-icon>science</mat-icon> {{ 'automation.test.run' | translate }}</button>
    @if (result(); as r) {
      <div class="result" data-testid="rule-test-result">
        <p><strong>{{ (r.matched ? 'automation.test.matched' : 'automation.test.notMatched') | translate }}</strong></p>
        <ul>
          @for (c of r.conditions; track $index) {
            <li [class.no]="!c.matched">{{ c.matched ? '✓' : '✗' }} {{ c.field }} {{ 'automation.operators.' + c.operator | translate }} {{ c.value ?? '' }}
              — {{ 'automation.test.actual' | translate }}: {{ c.actual ?? '∅' }}</li>
          }
        </ul>
        @if (r.blocks) { <p class="error">{{ 'automation.test.blocks' | translate: { message: r.blocks } }}</p> }
        <ul>
          @for (a of r.actions; track $index) {
            <li [attr.data-testid]="'test-action-' + $index">
              {{ 'automation.actions.' + a.type | translate }}:
              @if (a.error) { <span class="error">{{ 'automation.test.errors.' + a.error | translate }}</span> }
              @else {
                @if (a.recipients.length) { {{ a.recipients.join(', ') }} · }
                @if (a.text) { “{{ a.text }}” }
                @if (a.dueOn) { · {{ 'automation.test.due' | translate: { date: a.dueOn } }} }
                @if (a.url) { {{ a.url }} }
              }
            </li>
          }
        </ul>
      </div>
    }
  `,
  styles: `.row { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 8px; } .grow { flex: 1 1 240px; } .full { width: 100%; }
    .days { width: 140px; } .match { width: 140px; margin-left: 8px; font-size: 14px; } .action { padding: 12px; margin-bottom: 8px; }
    @media (max-width: 599.98px) { .condition { border-bottom: 1px solid #ddd; padding-bottom: 8px; } }
    .buttons { display: flex; justify-content: flex-end; gap: 8px; margin: 16px 0; } .error { color: #b3261e; } .hint { color: #666; }
    .mono { font-family: monospace; } .result { background: #f7f7f9; padding: 8px 16px; border-radius: 8px; margin-top: 12px; } .no { color: #777; }`,
})
export class RuleEditorPage implements OnInit {
  /** The rule's id from the route; none for a new rule. */
  readonly id = input<string>();
  private readonly api = inject(AutomationApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly usersApi = inject(UsersApi);
  private readonly rolesApi = inject(RolesApi);
  private readonly translate = inject(TranslateService);
  protected readonly matches: ConditionMatch[] = ['All', 'Any'];
  protected readonly operators: ConditionOperator[] = ['Equals', 'NotEquals', 'GreaterThan', 'GreaterOrEqual', 'LessThan', 'LessOrEqual', 'Contains', 'IsEmpty'];
  protected readonly actionTypes: RuleActionType[] = ['CreateTask', 'Notify', 'CallWebhook', 'SetCustomField'];
  /** The kinds of record with custom fields that an event's payload names by id (`customerId`, `contractId`, `invoiceId`, a sales order's or purchase order's `orderId`, `employeeId`). */
  protected readonly recordKinds = ['crm.customer', 'crm.contract', 'purchasing.supplier', 'orders.sales-order', 'finance.invoice', 'purchasing.purchase-order', 'hr.employee'];
  protected readonly recipientKinds: RecipientKind[] = ['User', 'Role', 'Owner'];
  protected readonly eventTypes = signal<AutomationEventType[]>([]);
  protected readonly users = signal<User[]>([]);
  protected readonly roles = signal<Role[]>([]);
  protected readonly error = signal('');
  protected readonly result = signal<RuleTestResult | null>(null);
  protected readonly sample = new FormControl('{}', { nonNullable: true });

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    isEnabled: [true],
    eventType: ['', Validators.required],
    match: ['All' as ConditionMatch],
    conditions: this.fb.array<ConditionForm>([]),
    actions: this.fb.array<ActionForm>([]),
    isBlocking: [false],
    blockingMessage: [''],
  });

  private readonly eventType = toSignal(this.form.controls.eventType.valueChanges.pipe(startWith('')));
  protected readonly fields = computed(() => this.eventTypes().find(e => e.name === this.eventType())?.fields ?? []);
  private readonly customFieldsApi = inject(CustomFieldsApi);
  private readonly language = inject(LanguageService).current;
  /** The tenant's active custom fields per kind of record, for the pickers of conditions and of "set a custom field". */
  private readonly kindFields = signal<Record<string, CustomField[]>>({});
  /** The custom fields the chosen event's payload carries (`customer.customFields.level`), which conditions may test. */
  protected readonly payloadCustomFields = computed(() =>
    (this.eventTypes().find(e => e.name === this.eventType())?.customFields ?? [])
      .flatMap(set => this.fieldsOf(set.entityType).map(field => ({ path: `${set.path}.${field.key}`, entityType: set.entityType, field }))));

  ngOnInit(): void {
    this.usersApi.list({ skip: 0, take: 1000 }).subscribe(page => this.users.set(page.items.filter(u => u.isActive)));
    this.rolesApi.list({ skip: 0, take: 1000 }).subscribe(page => this.roles.set(page.items));
    this.api.eventTypes().subscribe(types => {
      this.eventTypes.set(types);
      this.form.controls.eventType.updateValueAndValidity();
      const kinds = new Set([...this.recordKinds, ...types.flatMap(t => t.customFields.map(c => c.entityType))]);
      for (const kind of kinds)
        this.customFieldsApi.active(kind).subscribe(fields => this.kindFields.update(all => ({ ...all, [kind]: fields })));
    });
    // A new event brings its sample document to test with.
    this.form.controls.eventType.valueChanges.subscribe(name => {
      const type = this.eventTypes().find(e => e.name === name);
      if (type) this.sample.setValue(JSON.stringify(type.sample, null, 2));
    });
    const id = this.id();
    if (id) this.api.rule(id).subscribe({
      next: rule => {
        rule.conditions.forEach(() => this.addCondition());
        rule.actions.forEach(() => this.addAction());
        this.form.patchValue({
          ...rule, blockingMessage: rule.blockingMessage ?? '',
          conditions: rule.conditions.map(c => ({ ...c, value: c.value ?? '' })),
          actions: rule.actions.map(a => ({ type: a.type, recipient: a.recipient ?? 'User', userId: a.userId ?? '', role: a.role ?? '', title: a.title ?? '',
            message: a.message ?? '', dueInDays: a.dueInDays ?? null, url: a.url ?? '', entityType: a.entityType ?? 'crm.customer',
            fieldKey: a.fieldKey ?? '', fieldValue: a.fieldValue ?? '' })),
        });
      },
      error: error => this.notifier.error(error),
    });
  }

  protected label(item: { labelZh: string; labelEn: string }): string { return customLabel(item, this.language()); }

  protected fieldsOf(entityType: string): CustomField[] { return this.kindFields()[entityType] ?? []; }

  protected optionsOf(fields: CustomField[], key: string) { return fields.find(f => f.key === key)?.options ?? []; }

  /** A condition on a custom select field picks one of its options; any other field takes typed text. */
  protected conditionOptions(path: string) { return this.payloadCustomFields().find(f => f.path === path)?.field.options ?? []; }

  protected hasRecipient(type: RuleActionType): boolean { return type === 'CreateTask' || type === 'Notify'; }

  addCondition(): void {
    this.form.controls.conditions.push(this.fb.group({ field: [''], operator: ['Equals' as ConditionOperator], value: [''] }));
  }

  addAction(): void {
    this.form.controls.actions.push(this.fb.group({
      type: ['CreateTask' as RuleActionType], recipient: ['User' as RecipientKind], userId: [''], role: [''], title: [''], message: [''],
      dueInDays: [null as number | null], url: [''], entityType: ['crm.customer'], fieldKey: [''], fieldValue: [''],
    }));
  }

  private request(): SaveRule {
    const v = this.form.getRawValue();
    return {
      name: v.name.trim(), isEnabled: v.isEnabled, eventType: v.eventType, match: v.match, isBlocking: v.isBlocking,
      blockingMessage: v.isBlocking ? v.blockingMessage.trim() : null,
      conditions: v.conditions.map(c => ({ field: c.field, operator: c.operator, value: c.operator === 'IsEmpty' ? null : c.value })),
      actions: v.isBlocking ? [] : v.actions.map(a => ({
        type: a.type,
        recipient: this.hasRecipient(a.type) ? a.recipient : null,
        userId: this.hasRecipient(a.type) && a.recipient === 'User' ? a.userId || null : null,
        role: this.hasRecipient(a.type) && a.recipient === 'Role' ? a.role || null : null,
        title: a.type === 'CreateTask' ? a.title : null,
        message: a.type === 'Notify' ? a.message : null,
        dueInDays: a.type === 'CreateTask' ? a.dueInDays : null,
        url: a.type === 'CallWebhook' ? a.url : null,
        entityType: a.type === 'SetCustomField' ? a.entityType : null,
        fieldKey: a.type === 'SetCustomField' ? a.fieldKey : null,
        fieldValue: a.type === 'SetCustomField' ? a.fieldValue : null,
      })),
    };
  }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    const id = this.id();
    (id ? this.api.update(id, this.request()) : this.api.create(this.request())).subscribe({
      next: () => this.router.navigate(['/automation/rules']),
      error: error => this.error.set(applyProblem(this.form, error)),
    });
  }

  test(): void {
    this.error.set('');
    let sample: unknown;
    try { sample = JSON.parse(this.sample.value); } catch { this.error.set(this.translate.instant('automation.test.badJson')); return; }
    this.api.test(this.request(), sample).subscribe({
      next: result => this.result.set(result),
      error: error => { this.result.set(null); this.error.set(applyProblem(this.form, error)); },
    });
  }
}
