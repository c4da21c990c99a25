import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { ApprovalForm } from '../oa.api';
import { FormDesigner } from './form-designer';

const payment: ApprovalForm = {
  id: 'f1', code: 'payment', nameZh: '付款申请', nameEn: 'Payment request', description: null, status: 'Published', version: 1, versionInUse: true,
  documentType: 'form:payment', amountField: 'lines', createdAt: '2026-12-01T08:00:00',
  fields: [
    { kind: 'Value', spec: { key: 'method', type: 'SingleSelect', labelZh: '付款方式', labelEn: 'Method', required: true,
      options: [{ value: 'bank', labelZh: '银行转账', labelEn: 'Bank transfer' }] } },
    { kind: 'Table', spec: { key: 'lines', type: 'Text', labelZh: '明细', labelEn: 'Lines', required: true }, sumColumn: 'amount',
      columns: [{ key: 'amount', type: 'Money', labelZh: '金额', labelEn: 'Amount', required: true }] },
  ],
};

describe('FormDesigner', () => {
  function open(data: ApprovalForm | null) {
    TestBed.configureTestingModule({
      imports: [FormDesigner],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data }, { provide: MatDialogRef, useValue: { close: vi.fn() } }],
    });
    const fixture = TestBed.createComponent(FormDesigner);
    fixture.detectChanges();
    return { designer: fixture.componentInstance, http: TestBed.inject(HttpTestingController) };
  }

  it('reads a form back into its text lines and sends kernel specs, attachments and tables as the server takes them', () => {
    const { designer, http } = open(payment);
    expect(designer['fields'].at(0).controls.options.value).toBe('bank=银行转账/Bank transfer');
    expect(designer['fields'].at(1).controls.columns.value).toBe('amount:Money:金额/Amount:required');
    designer['fields'].at(0).patchValue({ options: 'bank=银行转账/Bank transfer\ncash' });
    designer.addField();
    designer['fields'].at(2).patchValue({ key: 'invoice', type: 'Attachment', labelZh: '发票', labelEn: 'Invoice', options: 'ignored' });

    designer.save();
    const request = http.expectOne('/api/oa/forms/f1');
    expect(request.request.method).toBe('PUT');
    const body = request.request.body;
    expect(body.code).toBe('payment');
    expect(body.fields[0].spec.options).toEqual([
      { value: 'bank', labelZh: '银行转账', labelEn: 'Bank transfer' }, { value: 'cash', labelZh: 'cash', labelEn: 'cash' }]);
    expect(body.fields[1]).toEqual({ kind: 'Table', sumColumn: 'amount', columns: [{ key: 'amount', type: 'Money', labelZh: '金额', labelEn: 'Amount', required: true }],
      spec: { key: 'lines', type: 'Text', labelZh: '明细', labelEn: 'Lines', required: true, options: [], min: null, max: null } });
    expect(body.fields[2]).toEqual({ kind: 'Attachment', columns: null, sumColumn: null,
      spec: { key: 'invoice', type: 'Text', labelZh: '发票', labelEn: 'Invoice', required: false, options: [], min: null, max: null } });
  });
});
