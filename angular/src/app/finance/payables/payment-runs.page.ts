import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { DatePipe, DecimalPipe } from '@angular/common';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ListState } from '../../core/list-state';
import { applyProblem, problemMessage } from '../../core/problem';
import { today } from '../../shared/dates';
import { FieldError } from '../../shared/field-error';
import { ListPage } from '../../shared/list-page';
import { FinanceApi, Payable, PaymentRun } from '../finance.api';
import { SupplierPicker } from './supplier-picker';
import { MoneyColumn } from '../../shared/money-column';

/**
 * Payment runs (付款批次): choose open payables (by supplier and due date), pay them all at once under one voucher, and
 * see the runs paid before. The server pays all of them or, on any error, none.
 */
@Component({
  selector: 'bs-payment-runs',
  imports: [MoneyColumn, ReactiveFormsModule, ListPage, MatTableModule, MatCheckboxModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatIconModule,
    MatPaginatorModule, MatProgressBarModule, DatePipe, DecimalPipe, TranslatePipe, FieldError, SupplierPicker],
  template: `
    <div class="head"><h2>{{ 'finance.ap.paymentRuns' | translate }}</h2></div>
    <section class="new" data-testid="payment-run-new">
      <h3>{{ 'finance.ap.newRun' | translate }}</h3>
      <div class="filters">
        <bs-supplier-picker [supplierId]="payeeId()" (supplierIdChange)="payeeId.set($event); loadOpen()" testId="run-supplier" />
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'finance.ap.dueBy' | translate }}</mat-label>
          <input matInput type="date" [value]="dueBy()" (change)="dueBy.set($any($event.target).value); loadOpen()" data-testid="run-due-by" />
        </mat-form-field>
      </div>
      @if (loadingOpen()) { <mat-progress-bar mode="indeterminate" /> }
      <div class="scroll">
        <table mat-table [dataSource]="open()" data-testid="run-open-table">
          <ng-container matColumnDef="select">
            <th mat-header-cell *matHeaderCellDef>
              <mat-checkbox [checked]="allSelected()" [indeterminate]="selected().size > 0 && !allSelected()" (change)="toggleAll()"
                [disabled]="open().length === 0" data-testid="run-select-all" [attr.aria-label]="'finance.ap.selectAll' | translate" />
            </th>
            <td mat-cell *matCellDef="let p">
              <!-- The row's click toggles too; the box's own click must not reach it, or one click toggles twice. -->
              <mat-checkbox [checked]="selected().has(p.id)" (change)="toggle(p.id)" (click)="$event.stopPropagation()"
                [attr.data-testid]="'run-select-' + p.sourceNumber" />
            </td>
          </ng-container>
          <ng-container matColumnDef="payee">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.payables.payee' | translate }}</th>
            <td mat-cell *matCellDef="let p">{{ p.payeeName }}<br /><small>{{ p.number }} · {{ 'finance.payables.sources.' + p.sourceType | translate }} {{ p.sourceNumber }}</small></td>
          </ng-container>
          <ng-container matColumnDef="dueOn">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.dueOn' | translate }}</th>
            <td mat-cell *matCellDef="let p" [class.overdue]="p.dueOn < todayDate">{{ p.dueOn | date: 'yyyy-MM-dd' }}</td>
          </ng-container>
          <bs-money-column name="amount" label="finance.payment.amount" />
          <tr mat-header-row *matHeaderRowDef="openColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: openColumns" (click)="toggle(row.id)"></tr>
        </table>
      </div>
      @if (!loadingOpen() && open().length === 0) { <p class="empty" data-testid="run-nothing-open">{{ 'finance.ap.nothingOpen' | translate }}</p> }
      <form [formGroup]="form" (ngSubmit)="pay()" class="pay">
        <span class="sum" data-testid="run-selected-total">
          {{ 'finance.ap.selected' | translate: { count: selected().size } }} · {{ selectedTotal() | number: '1.2-2' }} {{ currency() }}
        </span>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'finance.payables.paidOn' | translate }}</mat-label>
          <input matInput type="date" formControlName="paidOn" data-testid="run-paid-on" />
          <mat-error><bs-field-error [control]="form.controls.paidOn" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'finance.payment.reference' | translate }}</mat-label>
          <input matInput formControlName="reference" data-testid="run-reference" />
          <mat-error><bs-field-error [control]="form.controls.reference" /></mat-error>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="busy() || selected().size === 0" data-testid="run-pay">
          <mat-icon>payments</mat-icon> {{ 'finance.ap.paySelected' | translate }}
        </button>
      </form>
      @if (error()) { <p class="error" role="alert" data-testid="run-error">{{ error() | translate }}</p> }
    </section>

    <bs-list-page titleKey="finance.ap.pastRuns" [state]="runs">
      <div class="scroll">
        <table mat-table [dataSource]="runs.items()" data-testid="payment-runs-table">
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.ap.runNumber' | translate }}</th>
            <td mat-cell *matCellDef="let r">{{ r.number }}</td>
          </ng-container>
          <ng-container matColumnDef="paidOn">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.payables.paidOn' | translate }}</th>
            <td mat-cell *matCellDef="let r">{{ r.paidOn | date: 'yyyy-MM-dd' }}</td>
          </ng-container>
          <ng-container matColumnDef="payees">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.payables.payee' | translate }}</th>
            <td mat-cell *matCellDef="let r">
              @for (item of r.items; track item.payableId) { <div><small>{{ item.payeeName }} · {{ item.sourceNumber }} · {{ item.amount | number: '1.2-2' }}</small></div> }
            </td>
          </ng-container>
          <ng-container matColumnDef="reference">
            <th mat-header-cell *matHeaderCellDef>{{ 'finance.payment.reference' | translate }}</th>
            <td mat-cell *matCellDef="let r">{{ r.reference }}</td>
          </ng-container>
          <bs-money-column name="total" label="finance.total" />
          <tr mat-header-row *matHeaderRowDef="runColumns"></tr>
          <tr mat-row *matRowDef="let row; columns: runColumns"></tr>
        </table>
      </div>
    </bs-list-page>
  `,
  styles: `
    .head { display: flex; align-items: center; }
    section.new { margin-bottom: 24px; }
    h3 { margin: 0 0 8px; font-weight: 500; }
    .filters, .pay { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin: 8px 0; }
    .scroll { overflow-x: auto; }
    table { width: 100%; }
    tr.mat-mdc-row { cursor: pointer; }
    .num { text-align: right; }
    .overdue { color: #b3261e; font-weight: 500; }
    .sum { font-weight: 500; margin-right: auto; }
    .mat-column-select { width: 48px; }
    .mat-column-payee, .mat-column-payees, .mat-column-dueOn, .mat-column-paidOn, .mat-column-number { white-space: nowrap; }
    .empty { color: #666; }
    .error { color: #b3261e; }
  `,
})
export class PaymentRunsPage implements OnInit {
  private readonly api = inject(FinanceApi);
  private readonly snack = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly todayDate = today();
  protected readonly openColumns = ['select', 'payee', 'dueOn', 'amount'];
  protected readonly runColumns = ['number', 'paidOn', 'payees', 'reference', 'total'];
  protected readonly payeeId = signal('');
  protected readonly dueBy = signal('');
  protected readonly open = signal<Payable[]>([]);
  protected readonly loadingOpen = signal(false);
  protected readonly selected = signal(new Set<string>());
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly runs = new ListState<PaymentRun>(q => this.api.paymentRuns(q));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    paidOn: [today(), Validators.required],
    reference: ['', Validators.maxLength(100)],
  });

  protected readonly chosen = computed(() => this.open().filter(p => this.selected().has(p.id)));
  protected readonly selectedTotal = computed(() => this.chosen().reduce((sum, p) => sum + p.amount, 0));
  protected readonly currency = computed(() => [...new Set(this.chosen().map(p => p.currency))].join('/'));
  protected readonly allSelected = computed(() => this.open().length > 0 && this.open().every(p => this.selected().has(p.id)));

  ngOnInit(): void {
    this.loadOpen();
    this.runs.load();
  }

  /** Open payables oldest due first, as a clerk pays them; the selection keeps only what is still listed. */
  loadOpen(): void {
    this.loadingOpen.set(true);
    this.api.payables({ skip: 0, take: 500, sort: 'dueOn' },
      { status: 'Open', payeeId: this.payeeId() || undefined, dueBy: this.dueBy() || undefined }).subscribe({
      next: page => {
        this.open.set(page.items);
        this.selected.set(new Set(page.items.filter(p => this.selected().has(p.id)).map(p => p.id)));
        this.loadingOpen.set(false);
      },
      error: error => { this.error.set(problemMessage(error)); this.loadingOpen.set(false); },
    });
  }

  toggle(id: string): void {
    const next = new Set(this.selected());
    if (!next.delete(id)) next.add(id);
    this.selected.set(next);
  }

  toggleAll(): void {
    this.selected.set(this.allSelected() ? new Set() : new Set(this.open().map(p => p.id)));
  }

  pay(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const { paidOn, reference } = this.form.getRawValue();
    this.api.createPaymentRun({ payableIds: this.chosen().map(p => p.id), paidOn, reference: reference.trim() || null }).subscribe({
      next: run => {
        this.snack.open(this.translate.instant('finance.ap.runPaid', { number: run.number, count: run.items.length }), undefined, { duration: 5000 });
        this.selected.set(new Set());
        this.form.controls.reference.reset('');
        this.busy.set(false);
        this.loadOpen();
        this.runs.load();
      },
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); this.loadOpen(); },
    });
  }
}
