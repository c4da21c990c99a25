import { Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { applyProblem } from '../../core/problem';
import { FieldError } from '../../shared/field-error';
import { CustomersApi } from '../customers/customers.api';
import { Contact, ContactsApi } from './contacts.api';

/** Edits a contact, or adds one (to a given customer when opened from its page). */
export interface ContactDialogData { contact?: Contact; customerId?: string; }

@Component({
  selector: 'bs-contact-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatCheckboxModule, MatButtonModule,
    TranslatePipe, FieldError],
  template: `
    <h2 mat-dialog-title>{{ (data.contact ? 'contacts.edit' : 'contacts.create') | translate }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()">
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'contacts.customer' | translate }}</mat-label>
          <mat-select formControlName="customerId" data-testid="contact-customer">
            @for (c of customers(); track c.id) { <mat-option [value]="c.id">{{ c.name }}</mat-option> }
          </mat-select>
          <mat-error><bs-field-error [control]="form.controls.customerId" /></mat-error>
        </mat-form-field>
        @for (field of fields; track field) {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'contacts.' + field | translate }}</mat-label>
            <input matInput [formControlName]="field" [attr.data-testid]="'contact-' + field" />
            <mat-error><bs-field-error [control]="form.get(field)!" /></mat-error>
          </mat-form-field>
        }
        <mat-checkbox formControlName="isPrimary" data-testid="contact-isPrimary">{{ 'contacts.isPrimary' | translate }}</mat-checkbox>
        @if (error()) { <p class="error" role="alert">{{ error() | translate }}</p> }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="contact-save">{{ 'common.save' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `.fields { display: flex; flex-direction: column; } .error { color: #b3261e; }`,
})
export class ContactDialog {
  protected readonly data = inject<ContactDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ContactsApi);
  private readonly ref = inject(MatDialogRef<ContactDialog>);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly customers = signal<{ id: string; name: string }[]>([]);
  protected readonly fields = ['name', 'position', 'phone', 'email'] as const;
  private readonly contact = this.data.contact;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    customerId: [this.contact?.customerId ?? this.data.customerId ?? '', Validators.required],
    name: [this.contact?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    position: [this.contact?.position ?? '', Validators.maxLength(100)],
    phone: [this.contact?.phone ?? '', Validators.maxLength(32)],
    email: [this.contact?.email ?? '', [Validators.email, Validators.maxLength(200)]],
    isPrimary: [this.contact?.isPrimary ?? false],
  });

  constructor() {
    // A contact stays with its customer; only a new one without a given customer picks one.
    if (this.contact || this.data.customerId) this.form.controls.customerId.disable();
    inject(CustomersApi).list({ skip: 0, take: 1000 }).subscribe(page => this.customers.set(page.items));
  }

  save(): void {
    if (this.form.invalid) { this.form.markAllAsTouched(); return; }
    this.busy.set(true);
    const v = this.form.getRawValue();
    const body = { ...v, position: v.position || null, phone: v.phone || null, email: v.email || null };
    (this.contact ? this.api.update(this.contact.id, body) : this.api.create(body)).subscribe({
      next: saved => this.ref.close(saved),
      error: error => { this.error.set(applyProblem(this.form, error)); this.busy.set(false); },
    });
  }
}
