import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { Session } from '../../core/session';
import { DeliverDialog } from './deliver-dialog';
import { SalesOrder } from './sales-orders.api';

const order = {
  id: 'o1', number: 'SO2026000001', lines: [{ id: 'l1', productId: 'p1', description: '机架式服务器', quantity: 5, deliveredQuantity: 2, unitPrice: 25000,
    discountRate: 0, vatRate: 0.13, netAmount: 125000, vatAmount: 16250 }], deliveries: [],
} as unknown as SalesOrder;
const warehouses = [
  { id: 'w1', code: 'WH-HZ', name: '杭州主仓库', address: null, isDefault: true, isActive: true, createdAt: '' },
  { id: 'w2', code: 'WH-SH', name: '上海仓', address: null, isDefault: false, isActive: true, createdAt: '' },
];

describe('DeliverDialog', () => {
  function open(permissions: string[]) {
    TestBed.configureTestingModule({
      imports: [DeliverDialog],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting(), { provide: MAT_DIALOG_DATA, useValue: order },
        { provide: MatDialogRef, useValue: { close: vi.fn() } }],
    });
    TestBed.inject(Session).me.set({ id: 'u1', userName: 'manager', email: '', name: '王经理', tenantId: 't1', tenantName: 'demo', impersonation: null, roles: [], permissions });
    const fixture = TestBed.createComponent(DeliverDialog);
    fixture.detectChanges();
    return { fixture, dialog: fixture.componentInstance, http: TestBed.inject(HttpTestingController) };
  }

  it('offers the warehouses, the default one chosen, and delivers from the one picked', () => {
    const { fixture, dialog, http } = open(['Inventory.Warehouses']);
    http.expectOne(r => r.url === '/api/inventory/warehouses').flush({ items: warehouses, totalCount: 2 });
    fixture.detectChanges();
    expect(dialog['warehouseId'].value).toBe('w1');
    expect(fixture.nativeElement.querySelector('[data-testid="deliver-warehouse"]')).not.toBeNull();
    dialog['warehouseId'].setValue('w2');
    dialog.save();
    const deliver = http.expectOne({ method: 'POST', url: '/api/orders/sales-orders/o1/deliver' });
    expect(deliver.request.body).toEqual({ lines: [{ orderLineId: 'l1', quantity: 3 }], note: null, warehouseId: 'w2' });
  });

  it('without Inventory asks for no warehouse and leaves the choice to the server', () => {
    const { fixture, dialog, http } = open([]);
    http.expectNone(r => r.url === '/api/inventory/warehouses');
    expect(fixture.nativeElement.querySelector('[data-testid="deliver-warehouse"]')).toBeNull();
    dialog.save();
    expect(http.expectOne({ method: 'POST', url: '/api/orders/sales-orders/o1/deliver' }).request.body.warehouseId).toBeNull();
  });
});
