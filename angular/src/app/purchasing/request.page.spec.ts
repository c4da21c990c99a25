import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { daysFromToday } from '../shared/dates';
import { PurchaseRequest } from './purchasing.api';
import { PurchaseRequestPage, requestTotal } from './request.page';

const rail = { id: 'p1', sku: 'RAIL-01', name: '机柜导轨', unit: '套', defaultVatRate: 0.09 };
const draft: PurchaseRequest = {
  id: 'r1', number: 'QG202600001', requesterUserId: 'u1', requesterName: '李销售', departmentId: null, neededBy: '2026-12-20', reason: '机房扩容',
  currency: 'CNY', estimatedTotal: 260, status: 'Draft', approvalId: null, rejectionComment: null, orderIds: [], createdAt: '2026-12-01T08:00:00',
  lines: [{ lineNumber: 1, productId: 'p1', description: '机柜导轨', quantity: 2, estimatedUnitPrice: 130, vatRate: 0.09, supplierId: 's1',
    supplierName: '杭州精工', amount: 260 }],
};

describe('requestTotal', () => {
  it('rounds each line to the cent as the server does', () => {
    expect(requestTotal([{ quantity: 3, estimatedUnitPrice: 0.333 }, { quantity: 1, estimatedUnitPrice: 0.1 }])).toBe(1.09);
  });
});

describe('PurchaseRequestPage', () => {
  function open(inputs: Record<string, string>) {
    TestBed.configureTestingModule({
      imports: [PurchaseRequestPage],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    const fixture = TestBed.createComponent(PurchaseRequestPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/purchasing/requests/supplier-choices').flush([{ id: 's1', name: '杭州精工' }]);
    return { fixture, page: fixture.componentInstance, http };
  }

  it('sends the picked catalogue product with its line and a free-text line without one', () => {
    const { page, http } = open({ id: 'new' });
    vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    page['form'].patchValue({ reason: '机房扩容', neededBy: '2026-12-20' });
    const first = page['form'].controls.lines.at(0);
    page['pick'](first, rail);
    first.patchValue({ quantity: 2, estimatedUnitPrice: 130, supplierId: 's1' });
    page.addLine();
    page['form'].controls.lines.at(1).patchValue({ description: '安装服务', quantity: 5, estimatedUnitPrice: 40, supplierId: 's1' });

    page.save();
    const create = http.expectOne({ method: 'POST', url: '/api/purchasing/requests' });
    expect(create.request.body.lines).toEqual([
      { productId: 'p1', description: '机柜导轨', quantity: 2, estimatedUnitPrice: 130, vatRate: 0.09, supplierId: 's1' },
      { productId: null, description: '安装服务', quantity: 5, estimatedUnitPrice: 40, vatRate: 0.13, supplierId: 's1' },
    ]);
    create.flush(draft);
  });

  it('searches the catalogue as the item is typed', () => {
    vi.useFakeTimers();
    try {
      const { page, http } = open({ id: 'new' });
      page['searchProducts']('导轨');
      vi.advanceTimersByTime(250);
      http.expectOne('/api/purchasing/requests/product-choices?filter=%E5%AF%BC%E8%BD%A8').flush([rail]);
      expect(page['products']()).toEqual([rail]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the product of a saved line', () => {
    const { page, http } = open({ id: 'r1' });
    http.expectOne('/api/purchasing/requests/r1').flush(draft);
    expect(page['form'].controls.lines.at(0).controls.productId.value).toBe('p1');
  });

  it('opens a reorder suggestion prefilled with the product, the quantity short, the last supplier and price', () => {
    const { fixture, page, http } = open({ id: 'new', productId: 'p1', quantity: '1.5', supplierId: 's1', price: '130' });
    http.expectOne('/api/purchasing/requests/product-choices?id=p1').flush([rail]);
    fixture.detectChanges();
    expect(page['form'].controls.lines.at(0).getRawValue()).toEqual({
      productId: 'p1', description: '机柜导轨', quantity: 1.5, estimatedUnitPrice: 130, vatRate: 0.09, supplierId: 's1',
    });
    expect(page['form'].controls.reason.value).toBe('purchasing.requests.reorderReason');
    expect(page['form'].controls.neededBy.value).toBe(daysFromToday(14));
    expect(fixture.nativeElement.querySelector('[data-testid="line-product-0"]')).not.toBeNull();
  });
});
