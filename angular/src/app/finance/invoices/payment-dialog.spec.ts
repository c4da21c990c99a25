import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { today } from '../../shared/dates';
import { Invoice } from '../finance.api';
import { PaymentDialog, toRecordPayment } from './payment-dialog';

const invoice: Invoice = {
  id: 'i1', number: 'FP202600001', contractId: 'c1', contractNumber: 'HT202600001', orderId: 'o1', customerId: 'k1', customerName: '宁波某某贸易有限公司',
  currency: 'CNY', installmentNumber: 1, status: 'PartiallyPaid', issuedOn: '2026-11-01', dueOn: '2026-12-01', netTotal: 3000, vatTotal: 390,
  grossTotal: 3390, paidAmount: 1000, outstanding: 2390, lines: [], paymentUrl: null, createdAt: '2026-11-01T08:00:00', customFields: {},
};

describe('toRecordPayment', () => {
  it('leaves out an empty date and reference rather than sending empty text', () => {
    expect(toRecordPayment({ amount: 100, receivedOn: '', method: 'Cash', reference: '  ' }))
      .toEqual({ amount: 100, receivedOn: null, method: 'Cash', reference: null });
    expect(toRecordPayment({ amount: 100, receivedOn: '2026-11-20', method: 'BankTransfer', reference: ' 回单 88 ' }))
      .toEqual({ amount: 100, receivedOn: '2026-11-20', method: 'BankTransfer', reference: '回单 88' });
  });
});

describe('PaymentDialog', () => {
  function open() {
    const close = vi.fn();
    TestBed.configureTestingModule({
      imports: [PaymentDialog],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: invoice }, { provide: MatDialogRef, useValue: { close } }],
    });
    const fixture = TestBed.createComponent(PaymentDialog);
    fixture.detectChanges();
    return { fixture, dialog: fixture.componentInstance, http: TestBed.inject(HttpTestingController), close };
  }

  it('starts with what is still open, received today by bank transfer', () => {
    const { dialog } = open();
    expect(dialog['form'].getRawValue()).toEqual({ amount: 2390, receivedOn: today(), method: 'BankTransfer', reference: '' });
  });

  it('records the payment and closes with it', () => {
    const { dialog, http, close } = open();
    dialog['form'].patchValue({ amount: 1000, reference: 'B-1' });
    dialog.save();
    const request = http.expectOne({ method: 'POST', url: '/api/finance/invoices/i1/payments' });
    expect(request.request.body).toEqual({ amount: 1000, receivedOn: today(), method: 'BankTransfer', reference: 'B-1' });
    request.flush({ id: 'p1' });
    expect(close).toHaveBeenCalledWith({ id: 'p1' });
  });

  it('shows an overpayment beside the amount, not as a general error', async () => {
    const { fixture, dialog, http, close } = open();
    dialog['form'].patchValue({ amount: 5000 });
    dialog.save();
    const message = '5000 超过发票 FP202600001 的未收金额 2390。';
    http.expectOne('/api/finance/invoices/i1/payments').flush(
      { status: 422, code: 'Finance:Overpayment', errors: { amount: [message] } }, { status: 422, statusText: 'Unprocessable Entity' });
    await fixture.whenStable();

    expect(dialog['form'].controls.amount.errors).toEqual({ server: message });
    expect(dialog['error']()).toBe('');
    expect(dialog['busy']()).toBe(false);
    expect(fixture.nativeElement.querySelector('[data-testid="payment-amount-error"]')?.textContent).toContain(message);
    expect(close).not.toHaveBeenCalled();
  });

  it('shows a failure without field errors above the buttons', () => {
    const { dialog, http } = open();
    dialog.save();
    http.expectOne('/api/finance/invoices/i1/payments').flush(
      { status: 409, code: 'Finance:InvoiceNotOpen', detail: '发票 FP202600001 已红冲，不能执行此操作。' }, { status: 409, statusText: 'Conflict' });
    expect(dialog['error']()).toBe('发票 FP202600001 已红冲，不能执行此操作。');
  });

  it('does not send an amount of zero', () => {
    const { dialog, http } = open();
    dialog['form'].patchValue({ amount: 0 });
    dialog.save();
    http.expectNone('/api/finance/invoices/i1/payments');
    expect(dialog['form'].controls.amount.hasError('min')).toBe(true);
  });
});
