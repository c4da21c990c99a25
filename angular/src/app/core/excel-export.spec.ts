import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { toParams } from './api';
import { excelExportInterceptor } from './excel-export';

describe('excelExportInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([excelExportInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads a format=xlsx list call as a file named by the server, keeping the page filters', async () => {
    const answer = firstValueFrom(http.get<unknown>('/api/crm/customers', { params: { ...toParams({ skip: 0, take: 20, filter: '华东', format: 'xlsx' }), status: 'Open' } }));
    const request = backend.expectOne(r => r.url === '/api/crm/customers');
    expect(request.request.responseType).toBe('blob');
    expect(request.request.params.get('filter')).toBe('华东');
    expect(request.request.params.get('status')).toBe('Open');
    request.flush(new Blob(['xlsx']), { headers: { 'Content-Disposition': "attachment; filename=customers-20261125.xlsx; filename*=UTF-8''customers-20261125.xlsx" } });
    const file = (await answer) as File;
    expect(file.name).toBe('customers-20261125.xlsx');
  });

  it('leaves JSON list calls alone', () => {
    http.get('/api/crm/customers', { params: toParams({ skip: 0, take: 20 }) }).subscribe();
    expect(backend.expectOne(r => r.url === '/api/crm/customers').request.responseType).toBe('json');
  });
});
