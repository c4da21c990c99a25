import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { SearchDialog, SearchResult } from './search-dialog';

describe('SearchDialog', () => {
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [SearchDialog],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: MatDialogRef, useValue: { close } }],
    });
  });

  async function typed(text: string, result: SearchResult) {
    const fixture = TestBed.createComponent(SearchDialog);
    fixture.detectChanges();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input')!;
    input.value = text;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await new Promise(resolve => setTimeout(resolve, 200)); // the debounce
    TestBed.inject(HttpTestingController).expectOne(r => r.url === '/api/search' && r.params.get('q') === text).flush(result);
    fixture.detectChanges();
    await fixture.whenStable();
    return { fixture, input, root: fixture.nativeElement as HTMLElement };
  }

  it('groups hits by kind, moves with the arrows across groups and opens the chosen record with Enter', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const { fixture, input, root } = await typed('星河', {
      groups: [
        { type: 'crm.customer', items: [{ id: 'c1', title: '杭州星河科技有限公司', subtitle: null }] },
        { type: 'finance.invoice', items: [{ id: 'i1', title: 'FP2026000001', subtitle: '杭州星河科技有限公司' }] },
      ],
    });
    expect(root.querySelectorAll('[data-testid="search-hit-crm.customer"]').length).toBe(1);
    expect(root.querySelector('[aria-selected="true"]')?.textContent).toContain('杭州星河科技有限公司');

    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    fixture.detectChanges();
    expect(root.querySelector('[aria-selected="true"]')?.textContent).toContain('FP2026000001');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(close).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith(['/finance/invoices', 'i1'], {});
  });

  it('says when nothing matches', async () => {
    const { root } = await typed('无此记录', { groups: [] });
    expect(root.querySelector('[data-testid="search-none"]')).not.toBeNull();
  });
});
