import { Component, inject, signal } from '@angular/core';
import { FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { Product, ProductKind, ProductsApi, SaveProduct } from './products.api';
import { CustomFieldGroup, CustomFieldInputs, customFieldValues, formCustomFields } from '../../shared/custom-fields';
import { SALES_VAT_RATES, STANDARD_VAT_RATE } from '../../shared/vat-rates';

@Component({
  selector: 'bs-product-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatButtonModule, TranslatePipe, FieldError, CustomFieldInputs],
  template: `
    <h2 mat-dialog-title>{{ (product ? 'products.edit' : 'products.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'products.sku' | translate }}</mat-label>
            <input matInput formControlName="sku" data-testid="product-sku" />
            <mat-error><bs-field-error [control]="form.controls.sku" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'products.kind' | translate }}</mat-label>
            <mat-select formControlName="kind" data-testid="product-kind">
              @for (k of kinds; track k) { <mat-option [value]="k" [attr.data-testid]="'kind-' + k">{{ 'products.kinds.' + k | translate }}</mat-option> }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'products.name' | translate }}</mat-label>
          <input matInput formControlName="name" data-testid="product-name" />
          <mat-error><bs-field-error [control]="form.controls.name" /></mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'products.unit' | translate }}</mat-label>
            <input matInput formControlName="unit" data-testid="product-unit" />
            <mat-error><bs-field-error [control]="form.controls.unit" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="grow">
            <mat-label>{{ 'products.unitPrice' | translate }}</mat-label>
            <input matInput type="number" formControlName="unitPrice" data-testid="product-price" />
            <mat-error><bs-field-error [control]="form.controls.unitPrice" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="small">
            <mat-label>{{ 'products.currency' | translate }}</mat-label>
            <input matInput formControlName="currency" [placeholder]="'products.currencyDefault' | translate" data-testid="product-currency" />
            <mat-error><bs-field-error [control]="form.controls.currency" /></mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline" class="small">
            <mat-label>{{ 'products.vatRate' | translate }}</mat-label>
            <mat-select formControlName="defaultVatRate" data-testid="product-vat">
              @for (rate of vatRates; track rate) { <mat-option [value]="rate" [attr.data-testid]="'vat-' + rate * 100">{{ rate * 100 }}%</mat-option> }
            </mat-select>
            <mat-error><bs-field-error [control]="form.controls.defaultVatRate" /></mat-error>
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'products.description' | translate }}</mat-label>
          <textarea matInput formControlName="description" rows="2" data-testid="product-description"></textarea>
          <mat-error><bs-field-error [control]="form.controls.description" /></mat-error>
        </mat-form-field>
        <bs-custom-field-inputs [fields]="customFields()" [group]="form.controls.customFields" />
        @if (error()) { <p class="error" role="alert" data-testid="product-error">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="product-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields { display: flex; flex-direction: column; }
    .row { display: flex; gap: 8px; } .grow { flex: 1; } .small { width: 110px; }
    .error { color: #b3261e; }
  `,
})
export class ProductDialog {
  protected readonly product = inject<Product | null>(MAT_DIALOG_DATA);
  private readonly api = inject(ProductsApi);
  private readonly ref = inject(MatDialogRef<ProductDialog>);
  protected readonly kinds: ProductKind[] = ['Product', 'Service'];
  protected readonly vatRates = SALES_VAT_RATES;
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly form = inject(FormBuilder).nonNullable.group({
    // Lower case is accepted and upper-cased by the server; anything else is refused there too.
    sku: [this.product?.sku ?? '', [Validators.required, Validators.maxLength(40), Validators.pattern(/^[A-Za-z0-9-]+$/)]],
    kind: [this.product?.kind ?? 'Product' as ProductKind],
    name: [this.product?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    unit: [this.product?.unit ?? '', [Validators.required, Validators.maxLength(16)]],
    unitPrice: [this.product?.unitPrice ?? 0, [Validators.required, Validators.min(0)]],
    currency: [this.product?.currency ?? '', [Validators.pattern(/^[A-Za-z]{3}$/)]],
    defaultVatRate: [this.product?.defaultVatRate ?? STANDARD_VAT_RATE],
    description: [this.product?.description ?? '', Validators.maxLength(1000)],
    customFields: new FormGroup({}) as CustomFieldGroup,
  });
  /** The tenant's custom fields of products, after the description. */
  protected readonly customFields = formCustomFields('orders.product', this.product?.customFields, group => this.form.setControl('customFields', group));

  save(): void {
    this.error.set('');
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const value = this.form.getRawValue();
    const body = {
      ...value, currency: value.currency.trim().toUpperCase() || null, description: value.description.trim() || null,
      // The API types a JSON object's values as `never` (it cannot know the tenant's fields): the server checks them.
      customFields: customFieldValues(this.form.controls.customFields) as SaveProduct['customFields'],
    };
    (this.product ? this.api.update(this.product.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
