import { Component, OnInit, inject, input, model, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { FinanceApi, Payee } from '../finance.api';

/** Picks one of the suppliers Finance owes or owed money (those with supplier-bill payables); empty means all. */
@Component({
  selector: 'bs-supplier-picker',
  imports: [MatFormFieldModule, MatSelectModule, TranslatePipe],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'finance.ap.supplier' | translate }}</mat-label>
      <mat-select [value]="supplierId()" (selectionChange)="supplierId.set($event.value)" [attr.data-testid]="testId()">
        @if (allowAll()) { <mat-option value="">{{ 'finance.all' | translate }}</mat-option> }
        @for (s of suppliers(); track s.id) { <mat-option [value]="s.id">{{ s.name }}</mat-option> }
      </mat-select>
    </mat-form-field>
  `,
  styles: `mat-form-field { min-width: 200px; }`,
})
export class SupplierPicker implements OnInit {
  private readonly api = inject(FinanceApi);
  readonly supplierId = model('');
  readonly allowAll = input(true);
  readonly testId = input('supplier-picker');
  protected readonly suppliers = signal<Payee[]>([]);

  ngOnInit(): void { this.api.payableSuppliers().subscribe(suppliers => this.suppliers.set(suppliers)); }
}
