import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { CurrencyPipe } from '@angular/common';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, switchMap } from 'rxjs';
import { applyProblem } from '../../core/problem';
import { Session } from '../../core/session';
import { Product, ProductsApi } from '../../orders/products/products.api';
import { FieldError } from '../../shared/field-error';
import { Customer, CustomersApi } from '../customers/customers.api';
import { Contract, ContractsApi, InstallmentTrigger, SaveContract } from './contracts.api';
import { CustomFieldGroup, CustomFieldInputs, customFieldValues, formCustomFields } from '../../shared/custom-fields';
import { Permissions } from '../../core/api/permissions';
import { SALES_VAT_RATES, STANDARD_VAT_RATE } from '../../shared/vat-rates';

/** Drafts a contract: priced lines with VAT and the collection plan (回款计划) in percentages. */
@Component({
  selector: 'bs-contract-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatAutocompleteModule, MatButtonModule, MatIconModule,
    CurrencyPipe, TranslatePipe, FieldError, CustomFieldInputs],
  template: `
    <h2 mat-dialog-title>{{ (contract ? 'contracts.edit' : 'contracts.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content>
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'contracts.contractTitle' | translate }}</mat-label>
            <input matInput formControlName="title" data-testid="contract-title" />
            <mat-error><bs-field-error [control]="form.controls.title" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'contracts.customer' | translate }}</mat-label>
            <mat-select formControlName="customerId" data-testid="contract-customer">
              @for (c of customers(); track c.id) { <mat-option [value]="c.id" [attr.data-testid]="'customer-option-' + c.name">{{ c.name }}</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.customerId" /></mat-error>
          </mat-form-field>
        </div>

        <bs-custom-field-inputs [fields]="customFields()" [group]="form.controls.customFields" />

        <h3>{{ 'contracts.lines' | translate }}</h3>
        @for (line of lines.controls; track line; let i = $index) {
          <div class="row" [formGroup]="line">
            <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'contracts.description' | translate }}</mat-label>
              <input matInput formControlName="description" [attr.data-testid]="'line-description-' + i"
                     [matAutocomplete]="productOptions" [matAutocompleteDisabled]="!canPickProducts"
                     (focus)="searchProducts(line.controls.description.value)" (input)="searchProducts(line.controls.description.value)" />
              <mat-autocomplete #productOptions="matAutocomplete">
                @for (p of products(); track p.id) {
                  <mat-option [value]="p.name" (onSelectionChange)="$event.isUserInput && pick(line, p)" [attr.data-testid]="'product-option-' + p.sku">
                    <small>{{ p.sku }}</small> {{ p.name }} · {{ p.unitPrice | currency: p.currency : 'symbol-narrow' }} / {{ p.unit }}
                  </mat-option>
                }
              </mat-autocomplete>
              @if (line.controls.productId.value) {
                <mat-hint [attr.data-testid]="'line-product-' + i">{{ 'contracts.linkedProduct' | translate }}</mat-hint>
              }
              @if (line.controls.productId.value) {
                <button mat-icon-button matSuffix type="button" (click)="line.controls.productId.setValue(null)"
                        [attr.aria-label]="'contracts.unlinkProduct' | translate"><mat-icon>link_off</mat-icon></button>
              }
            </mat-form-field>
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.quantity' | translate }}</mat-label>
              <input matInput type="number" formControlName="quantity" [attr.data-testid]="'line-quantity-' + i" /></mat-form-field>
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.unitPrice' | translate }}</mat-label>
              <input matInput type="number" formControlName="unitPrice" [attr.data-testid]="'line-price-' + i" /></mat-form-field>
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.discount' | translate }}</mat-label>
              <input matInput type="number" formControlName="discountPercent" /></mat-form-field>
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.vatRate' | translate }}</mat-label>
              <mat-select formControlName="vatRate" [attr.data-testid]="'line-vat-' + i">
                @for (rate of vatRates; track rate) { <mat-option [value]="rate">{{ rate * 100 }}%</mat-option> }
              </mat-select></mat-form-field>
            <button mat-icon-button type="button" (click)="lines.removeAt(i)" [disabled]="lines.length === 1"><mat-icon>remove_circle</mat-icon></button>
          </div>
        }
        <button mat-button type="button" (click)="addLine()"><mat-icon>add</mat-icon> {{ 'contracts.addLine' | translate }}</button>
        <p class="total" data-testid="contract-total">{{ 'contracts.estimatedTotal' | translate }}: {{ total() | currency: 'CNY' : 'symbol-narrow' }}</p>

        <h3>{{ 'contracts.plan' | translate }}</h3>
        @for (installment of installments.controls; track installment; let i = $index) {
          <div class="row" [formGroup]="installment">
            <mat-form-field appearance="outline" class="grow"><mat-label>{{ 'contracts.trigger' | translate }}</mat-label>
              <mat-select formControlName="trigger" [attr.data-testid]="'installment-trigger-' + i">
                @for (t of triggers; track t) { <mat-option [value]="t" [attr.data-testid]="'trigger-' + t">{{ 'contracts.triggers.' + t | translate }}</mat-option> }
              </mat-select></mat-form-field>
            <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.percentage' | translate }}</mat-label>
              <input matInput type="number" formControlName="percentage" [attr.data-testid]="'installment-percentage-' + i" /></mat-form-field>
            @if (installment.controls.trigger.value === 'OnDate') {
              <mat-form-field appearance="outline" class="num"><mat-label>{{ 'contracts.dueDate' | translate }}</mat-label>
                <input matInput type="date" formControlName="dueDate" /></mat-form-field>
            }
            <button mat-icon-button type="button" (click)="installments.removeAt(i)" [disabled]="installments.length === 1"><mat-icon>remove_circle</mat-icon></button>
          </div>
        }
        <button mat-button type="button" (click)="addInstallment('OnDelivery', 0)" data-testid="add-installment"><mat-icon>add</mat-icon> {{ 'contracts.addInstallment' | translate }}</button>
        @if (error()) { <p class="error" role="alert" data-testid="contract-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="contract-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .row { display: flex; gap: 8px; align-items: center; }
    .grow { flex: 1; } .num { width: 120px; }
    .total { text-align: right; font-weight: 500; }
    .error { color: #b3261e; }
  `,
})
export class ContractDialog implements OnInit {
  protected readonly contract = inject<Contract | null>(MAT_DIALOG_DATA);
  private readonly api = inject(ContractsApi);
  private readonly customersApi = inject(CustomersApi);
  private readonly productsApi = inject(ProductsApi);
  /** The catalogue is offered only to those who may see it; free-text lines work for everyone. */
  protected readonly canPickProducts = inject(Session).isGranted(Permissions.OrdersProducts);
  protected readonly products = signal<Product[]>([]);
  private readonly productSearch = new Subject<string>();
  private readonly ref = inject(MatDialogRef<ContractDialog>);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly vatRates = SALES_VAT_RATES;
  protected readonly triggers: InstallmentTrigger[] = ['OnSigning', 'OnDelivery', 'OnDate'];
  protected readonly customers = signal<Customer[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = this.fb.group({
    title: [this.contract?.title ?? '', [Validators.required, Validators.maxLength(200)]],
    customerId: [this.contract?.customerId ?? '', Validators.required],
    lines: this.fb.array([] as ReturnType<ContractDialog['line']>[]),
    installments: this.fb.array([] as ReturnType<ContractDialog['installment']>[]),
    customFields: new FormGroup({}) as CustomFieldGroup,
  });
  /** The tenant's custom fields of contracts, rendered after title and customer. */
  protected readonly customFields = formCustomFields('crm.contract', this.contract?.customFields, group => this.form.setControl('customFields', group));
  protected readonly lines = this.form.controls.lines as FormArray<ReturnType<ContractDialog['line']>>;
  protected readonly installments = this.form.controls.installments as FormArray<ReturnType<ContractDialog['installment']>>;
  private readonly value = toSignal(this.form.valueChanges);
  /** The server computes the binding totals (rounded per line); this is the same rule, for feedback while typing. */
  protected readonly total = computed(() => {
    this.value();
    return this.lines.getRawValue().reduce((sum, l) => {
      const net = Math.round(l.quantity * l.unitPrice * (1 - l.discountPercent / 100) * 100) / 100;
      return sum + net + Math.round(net * l.vatRate * 100) / 100;
    }, 0);
  });

  ngOnInit(): void {
    for (const l of this.contract?.lines ?? [{ productId: null, description: '', quantity: 1, unitPrice: 0, discountRate: 0, vatRate: STANDARD_VAT_RATE }])
      this.lines.push(this.line(l.description, l.quantity, l.unitPrice, l.discountRate * 100, l.vatRate, l.productId ?? null));
    for (const i of this.contract?.installments ?? [{ trigger: 'OnSigning' as InstallmentTrigger, percentage: 100, dueDate: null }])
      this.installments.push(this.installment(i.trigger, i.percentage ?? 0, i.dueDate));
    this.customersApi.list({ skip: 0, take: 1000 }).subscribe(page => this.customers.set(page.items));
  }

  constructor() {
    this.productSearch.pipe(
      debounceTime(200),
      distinctUntilChanged(),
      switchMap(filter => this.productsApi.list({ skip: 0, take: 10, filter: filter.trim() || undefined }, true).pipe(
        map(page => page.items),
        catchError(() => of([] as Product[])))),
      takeUntilDestroyed(),
    ).subscribe(products => this.products.set(products));
  }

  private line(description = '', quantity = 1, unitPrice = 0, discountPercent = 0, vatRate: number = STANDARD_VAT_RATE, productId: string | null = null) {
    return this.fb.group({
      productId: [productId],
      description: [description, [Validators.required, Validators.maxLength(400)]],
      quantity: [quantity, [Validators.required, Validators.min(0.0001)]],
      unitPrice: [unitPrice, [Validators.required, Validators.min(0)]],
      discountPercent: [discountPercent, [Validators.min(0), Validators.max(100)]],
      vatRate: [vatRate],
    });
  }

  private installment(trigger: InstallmentTrigger, percentage: number, dueDate: string | null = null) {
    return this.fb.group({ trigger: [trigger], percentage: [percentage, [Validators.required, Validators.min(0.01), Validators.max(100)]], dueDate: [dueDate ?? ''] });
  }

  protected addLine(): void { this.lines.push(this.line()); }

  protected searchProducts(filter: string): void { if (this.canPickProducts) this.productSearch.next(filter); }

  /** The line takes the product's current name, price and VAT rate; the contract keeps them even if the catalogue changes later. */
  protected pick(line: ReturnType<ContractDialog['line']>, product: Product): void {
    line.patchValue({ productId: product.id, description: product.name, unitPrice: product.unitPrice, vatRate: product.defaultVatRate });
  }

  protected addInstallment(trigger: InstallmentTrigger, percentage: number): void { this.installments.push(this.installment(trigger, percentage)); }

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = {
      title: v.title,
      customerId: v.customerId,
      currency: this.contract?.currency ?? null,
      lines: v.lines.map(l => ({ productId: l.productId, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, discountRate: l.discountPercent / 100, vatRate: l.vatRate })),
      installments: v.installments.map(i => ({ trigger: i.trigger, percentage: i.percentage, amount: null, dueDate: i.dueDate || null })),
      // The API types a JSON object's values as `never` (it cannot know the tenant's fields): the server checks them.
      customFields: customFieldValues(this.form.controls.customFields) as SaveContract['customFields'],
    };
    (this.contract ? this.api.update(this.contract.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
