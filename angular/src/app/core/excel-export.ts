import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { map } from 'rxjs';

/**
 * A list request with `format=xlsx` (see ListState.export) answers a spreadsheet, not JSON: read it as a blob and
 * hand it on as a File named by the server, so every typed list client exports without a method of its own.
 */
export const excelExportInterceptor: HttpInterceptorFn = (request, next) => {
  if (request.method !== 'GET' || request.params.get('format') !== 'xlsx') return next(request);
  return next(request.clone({ responseType: 'blob' })).pipe(map(event => {
    if (!(event instanceof HttpResponse) || !(event.body instanceof Blob)) return event;
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(event.headers.get('Content-Disposition') ?? '')?.[1];
    return event.clone({ body: new File([event.body], name ? decodeURIComponent(name) : 'export.xlsx', { type: event.body.type }) });
  }));
};
