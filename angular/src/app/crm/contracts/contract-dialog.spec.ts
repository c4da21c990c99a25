import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { Product } from '../../orders/products/products.api';
import { ContractDialog } from './contract-dialog';

const camera: Product = {
  id: 'p1', sku: 'CAM-01', name: '网络摄像机', kind: 'Product', unit: '台', unitPrice: 1880, currency: 'CNY',
  defaultVatRate: 0.09, isActive: true, description: null, createdAt: '2026-11-01T08:00:00', customFields: {},
};

describe('ContractDialog product picker', () => {
  afterEach(() => vi.useRealTimers());

  function open(permissions: string[]) {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [ContractDialog],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: null }, { provide: MatDialogRef, useValue: { close: vi.fn() } }],
    });
    TestBed.inject(Session).me.set({ id: 'u1', userName: 'li', email: 'li@demo.cn', name: '李销售', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: [], permissions });
    const fixture = TestBed.createComponent(ContractDialog);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(r => r.url === '/api/crm/customers').flush({ items: [], totalCount: 0 });
    http.expectOne('/api/custom-fields/crm.contract').flush([]);
    const dialog = fixture.componentInstance;
    dialog['form'].patchValue({ title: '摄像机采购', customerId: 'c1' });
    return { dialog, http };
  }

  function savedLine(dialog: ContractDialog, http: HttpTestingController) {
    dialog.save();
    const request = http.expectOne('/api/crm/contracts');
    return request.request.body.lines[0];
  }

  it('searches active products and fills the line from the picked one', () => {
    const { dialog, http } = open(['Crm.Contracts.Manage', 'Orders.Products']);
    dialog['searchProducts']('摄像');
    vi.advanceTimersByTime(250);
    const search = http.expectOne(r => r.url === '/api/orders/products');
    expect(search.request.params.get('active')).toBe('true');
    expect(search.request.params.get('filter')).toBe('摄像');
    search.flush({ items: [camera], totalCount: 1 });
    expect(dialog['products']()).toEqual([camera]);

    dialog['pick'](dialog['lines'].at(0), camera);

    expect(savedLine(dialog, http)).toEqual({ productId: 'p1', description: '网络摄像机', quantity: 1, unitPrice: 1880, discountRate: 0, vatRate: 0.09 });
  });

  it('keeps free-text lines for users who may not see the catalogue', () => {
    const { dialog, http } = open(['Crm.Contracts.Manage']);
    dialog['searchProducts']('摄像');
    vi.advanceTimersByTime(250);
    http.expectNone(r => r.url === '/api/orders/products');
    dialog['lines'].at(0).patchValue({ description: '现场培训', unitPrice: 500, vatRate: 0.06 });

    expect(savedLine(dialog, http)).toEqual({ productId: null, description: '现场培训', quantity: 1, unitPrice: 500, discountRate: 0, vatRate: 0.06 });
  });
});
