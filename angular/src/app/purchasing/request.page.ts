import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Observable, Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { Notifier } from '../core/notifier';
import { applyProblem } from '../core/problem';
import { Session } from '../core/session';
import { daysFromToday } from '../shared/dates';
import { FieldError } from '../shared/field-error';
import { ProductChoice, PurchaseRequest, PurchasingApi, SaveRequest } from './purchasing.api';
import { Permissions } from '../core/api/permissions';
import { PURCHASE_VAT_RATES, STANDARD_VAT_RATE } from '../shared/vat-rates';

/** The request's estimated total as the server computes it: each line rounded to the cent (price to the cent first). */
export function requestTotal(lines: { quantity?: number | null; estimatedUnitPrice?: number | null }[]): number {
  return lines.reduce((sum, l) => sum + Math.round((Number(l.quantity) || 0) * (Math.round((Number(l.estimatedUnitPrice) || 0) * 100) / 100) * 100), 0) / 100;
}

/**
 * One purchase request: the editor while it is my draft (lines with a suggested supplier each, save, submit for approval),
 * otherwise its status with a link to the OA approval, the approver's comment and the orders the approval created.
 * A line names a catalogue product (picked from the item field, so the order and its receipt move stock) or stays free text.
 * A new request opened from a low-stock notification arrives prefilled: ?productId=&quantity=&supplierId=&price=.
 */
@Component({
  selector: 'bs-purchase-request',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, MatSelectModule, RouterLink, CurrencyPipe,
    TranslatePipe, FieldError],
  template: `
    <div class="head">
      <a mat-icon-button routerLink="/purchasing/requests"><mat-icon>arrow_back</mat-icon></a>
      <h2 data-testid="request-number">{{ request()?.number ?? ('purchasing.requests.new' | translate) }}</h2>
      @if (request(); as r) {
        <span class="chip" data-testid="request-status">{{ 'purchasing.requests.status.' + r.status | translate }}</span>
        @if (r.approvalId) { <a mat-stroked-button [routerLink]="['/oa/approvals', r.approvalId]" data-testid="request-approval">{{ 'purchasing.requests.approval' | translate }}</a> }
      }
    </div>
    @if (request()?.rejectionComment; as comment) { <p class="rejected" data-testid="request-rejection">{{ 'purchasing.requests.rejected' | translate }} {{ comment }}</p> }
    @if (request()?.orderIds?.length) {
      <p data-testid="request-orders">{{ 'purchasing.requests.orders' | translate }}
        @for (id of request()!.orderIds; track id; let i = $index) {
          @if (canSeeOrders) { <a [routerLink]="['/purchasing/orders', id]">#{{ i + 1 }}</a> } @else { #{{ i + 1 }} }
        }
      </p>
    }
    <form [formGroup]="form" (ngSubmit)="save()">
      <div class="row">
        <mat-form-field appearance="outline" class="grow">
          <mat-label>{{ 'purchasing.requests.reason' | translate }}</mat-label>
          <input matInput formControlName="reason" data-testid="request-reason" />
          <mat-error><bs-field-error [control]="form.controls.reason" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'purchasing.requests.neededBy' | translate }}</mat-label>
          <input matInput type="date" formControlName="neededBy" data-testid="request-needed-by" />
          <mat-error><bs-field-error [control]="form.controls.neededBy" /></mat-error>
        </mat-form-field>
      </div>
      <div formArrayName="lines">
        @for (line of form.controls.lines.controls; track line; let i = $index) {
          <div class="line" [formGroupName]="i" [attr.data-testid]="'request-line-' + i">
            <mat-form-field appearance="outline" class="grow">
              <mat-label>{{ 'purchasing.lines.description' | translate }}</mat-label>
              <input matInput formControlName="description" [attr.data-testid]="'line-description-' + i" [matAutocomplete]="productOptions"
                     (focus)="searchProducts(line.controls.description.value)" (input)="searchProducts(line.controls.description.value)" />
              <mat-autocomplete #productOptions="matAutocomplete">
                @for (p of products(); track p.id) {
                  <mat-option [value]="p.name" (onSelectionChange)="$event.isUserInput && pick(line, p)" [attr.data-testid]="'product-option-' + p.sku">
                    <small>{{ p.sku }}</small> {{ p.name }} / {{ p.unit }}
                  </mat-option>
                }
              </mat-autocomplete>
              @if (line.controls.productId.value) {
                <mat-hint [attr.data-testid]="'line-product-' + i">{{ 'purchasing.lines.linkedProduct' | translate }}</mat-hint>
              }
              @if (line.controls.productId.value && editable()) {
                <button mat-icon-button matSuffix type="button" (click)="line.controls.productId.setValue(null)"
                        [attr.aria-label]="'purchasing.lines.unlinkProduct' | translate"><mat-icon>link_off</mat-icon></button>
              }
              <mat-error><bs-field-error [control]="line.controls.description" /></mat-error>
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ 'purchasing.lines.quantity' | translate }}</mat-label>
              <input matInput type="number" formControlName="quantity" [attr.data-testid]="'line-quantity-' + i" />
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ 'purchasing.lines.estimatedUnitPrice' | translate }}</mat-label>
              <input matInput type="number" step="0.01" formControlName="estimatedUnitPrice" [attr.data-testid]="'line-price-' + i" />
            </mat-form-field>
            <mat-form-field appearance="outline" class="narrow">
              <mat-label>{{ 'purchasing.lines.vatRate' | translate }}</mat-label>
              <mat-select formControlName="vatRate">
                @for (rate of rates; track rate) { <mat-option [value]="rate">{{ rate * 100 }}%</mat-option> }
              </mat-select>
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ 'purchasing.lines.supplier' | translate }}</mat-label>
              <mat-select formControlName="supplierId" [attr.data-testid]="'line-supplier-' + i">
                @for (s of suppliers(); track s.id) { <mat-option [value]="s.id" [attr.data-testid]="'supplier-option-' + s.name">{{ s.name }}</mat-option> }
              </mat-select>
            </mat-form-field>
            @if (editable()) {
              <button mat-icon-button type="button" (click)="form.controls.lines.removeAt(i)" [disabled]="form.controls.lines.length === 1"><mat-icon>delete</mat-icon></button>
            }
          </div>
        }
      </div>
      @if (editable()) { <button mat-button type="button" (click)="addLine()" data-testid="request-add-line"><mat-icon>add</mat-icon> {{ 'purchasing.lines.add' | translate }}</button> }
      <p class="total" data-testid="request-total">{{ 'purchasing.requests.estimatedTotal' | translate }}: {{ total() | currency: (request()?.currency ?? 'CNY') : 'symbol-narrow' }}</p>
      @if (error()) { <p class="error" role="alert" data-testid="request-error">{{ error() | translate }}</p> }
      @if (editable()) {
        <div class="actions">
          <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="request-save">{{ 'common.save' | translate }}</button>
          <button mat-flat-button type="button" (click)="submit()" [disabled]="busy()" data-testid="request-submit">{{ 'purchasing.requests.submit' | translate }}</button>
        </div>
      }
    </form>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; } .chip { background: #e8eaf6; color: #283593; padding: 2px 10px; border-radius: 12px; }
    .row, .line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; } .grow { flex: 1; min-width: 200px; } .narrow { width: 120px; }
    .total { font-weight: 500; } .error, .rejected { color: #b3261e; } .actions { display: flex; gap: 8px; }
    /* On a phone each line takes its item on a row of its own and the figures two by two, lines set apart by a rule. */
    @media (max-width: 599px) {
      .line { border-bottom: 1px solid #e0e0e0; margin-bottom: 12px; } .line .grow { min-width: 100%; } .line .narrow { width: calc(50% - 4px); }
    }
  `,
})
export class PurchaseRequestPage implements OnInit {
  readonly id = input<string>();
  /** Query parameters of a reorder suggestion (the low-stock notification's link). */
  readonly productId = input<string>();
  readonly quantity = input<string>();
  readonly supplierId = input<string>();
  readonly price = input<string>();
  private readonly api = inject(PurchasingApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(Session);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly canSeeOrders = this.session.isGranted(Permissions.PurchasingOrders);
  protected readonly rates = PURCHASE_VAT_RATES;
  protected readonly request = signal<PurchaseRequest | null>(null);
  protected readonly suppliers = signal<{ id: string; name: string }[]>([]);
  protected readonly products = signal<ProductChoice[]>([]);
  private readonly productSearch = new Subject<string>();
  protected readonly editable = signal(true);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    reason: ['', [Validators.required, Validators.maxLength(1000)]],
    neededBy: ['', Validators.required],
    lines: this.fb.array([this.line()]),
  });
  protected readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly total = computed(() => requestTotal(this.value().lines ?? []));

  constructor() {
    this.productSearch.pipe(
      debounceTime(200),
      distinctUntilChanged(),
      switchMap(filter => this.api.productChoices(filter.trim()).pipe(catchError(() => of([] as ProductChoice[])))),
      takeUntilDestroyed(),
    ).subscribe(products => this.products.set(products));
  }

  ngOnInit(): void {
    this.api.supplierChoices().subscribe({ next: list => this.suppliers.set(list), error: e => this.notifier.error(e) });
    const id = this.id();
    if (id && id !== 'new') this.api.request(id).subscribe({ next: r => this.show(r), error: e => this.notifier.error(e) });
    else if (this.productId()) this.prefill(this.productId()!);
  }

  addLine(): void { this.form.controls.lines.push(this.line()); }

  save(): void { this.persist().subscribe({ next: r => this.saved(r), error: e => this.failed(e) }); }

  /** Saves the draft first, so what is submitted is what is on the screen. */
  submit(): void {
    this.persist().subscribe({
      next: r => this.api.submitRequest(r.id).subscribe({ next: s => this.saved(s), error: e => { this.saved(r); this.failed(e); } }),
      error: e => this.failed(e),
    });
  }

  protected searchProducts(filter: string): void { this.productSearch.next(filter); }

  /** The line takes the product's name and VAT rate; the price stays the requester's estimate. */
  protected pick(line: ReturnType<PurchaseRequestPage['line']>, product: ProductChoice): void {
    line.patchValue({ productId: product.id, description: product.name, vatRate: product.defaultVatRate });
  }

  /** A reorder suggestion: the product (looked up among the choices by its id), the quantity short, the last supplier and price. */
  private prefill(productId: string): void {
    this.api.productChoices('', productId).subscribe({
      next: found => {
        const product = found.find(p => p.id === productId);
        const line = this.form.controls.lines.at(0);
        if (product) this.pick(line, product);
        line.patchValue({
          quantity: Number(this.quantity()) || 1,
          estimatedUnitPrice: Number(this.price()) || 0,
          supplierId: this.supplierId() ?? '',
        });
        if (product) this.form.controls.reason.setValue(this.translate.instant('purchasing.requests.reorderReason', { sku: product.sku, name: product.name }));
        // Restocking is wanted soon: two weeks ahead is a starting point the requester adjusts.
        this.form.controls.neededBy.setValue(daysFromToday(14));
      },
      error: e => this.notifier.error(e),
    });
  }

  private persist(): Observable<PurchaseRequest> {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return new Observable(); }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body: SaveRequest = {
      reason: v.reason, neededBy: v.neededBy,
      lines: v.lines.map(l => ({ productId: l.productId || null, description: l.description, quantity: Number(l.quantity), estimatedUnitPrice: Number(l.estimatedUnitPrice),
        vatRate: Number(l.vatRate), supplierId: l.supplierId || null })),
    };
    const id = this.request()?.id;
    return id ? this.api.updateRequest(id, body) : this.api.createRequest(body);
  }

  private saved(request: PurchaseRequest): void {
    this.busy.set(false);
    if (!this.request()) this.router.navigate(['/purchasing/requests', request.id], { replaceUrl: true });
    this.show(request);
  }

  private failed(error: unknown): void {
    this.busy.set(false);
    this.error.set(applyProblem(this.form, error));
  }

  private show(request: PurchaseRequest): void {
    this.request.set(request);
    const known = new Set(this.suppliers().map(s => s.id));
    const missing = request.lines.filter(l => l.supplierId && !known.has(l.supplierId))
      .map(l => ({ id: l.supplierId!, name: l.supplierName ?? '' }));
    if (missing.length) this.suppliers.update(list => [...list, ...missing.filter((m, i) => missing.findIndex(x => x.id === m.id) === i)]);
    this.form.controls.lines.clear();
    for (const l of request.lines) this.form.controls.lines.push(this.line(l.description, l.quantity, l.estimatedUnitPrice, l.vatRate, l.supplierId ?? '', l.productId));
    this.form.patchValue({ reason: request.reason, neededBy: request.neededBy });
    const editable = request.status === 'Draft' && request.requesterUserId === this.session.me()?.id;
    this.editable.set(editable);
    if (editable) this.form.enable(); else this.form.disable();
  }

  private line(description = '', quantity = 1, estimatedUnitPrice = 0, vatRate: number = STANDARD_VAT_RATE, supplierId = '', productId: string | null = null) {
    return this.fb.group({
      productId: [productId],
      description: [description, [Validators.required, Validators.maxLength(400)]],
      quantity: [quantity, [Validators.required, Validators.min(0.0001)]],
      estimatedUnitPrice: [estimatedUnitPrice, [Validators.required, Validators.min(0.01)]],
      vatRate: [vatRate],
      supplierId: [supplierId],
    });
  }
}
