import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import en from './i18n/en.json';
import { Timeline } from './timeline';
import { TimelineItem } from './timeline.api';

const url = '/api/oa/timeline/crm.customer/c1';

function item(id: string, kind: TimelineItem['kind'], type: string, extra: Partial<TimelineItem> = {}): TimelineItem {
  return { id, at: '2026-12-03T10:00:00Z', kind, type, userId: 'u1', userName: 'Wang', text: null, notes: null, data: null, files: [], ...extra };
}

describe('Timeline', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [Timeline],
      providers: [provideTranslateService(), provideHttpClient(), provideHttpClientTesting()],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('en', en);
    translate.use('en');
  });

  async function render() {
    const fixture = TestBed.createComponent(Timeline);
    fixture.componentRef.setInput('recordType', 'crm.customer');
    fixture.componentRef.setInput('recordId', 'c1');
    fixture.detectChanges();
    TestBed.tick();
    return fixture;
  }

  const lines = (host: HTMLElement) => Array.from(host.querySelectorAll('[data-testid="timeline"] li .line')).map(l => l.textContent!.trim());

  it('words events as sentences, pages backwards with the cursor, and falls back for events it has no sentence for', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = await render();
    http.expectOne(r => r.url === url && !r.params.has('before')).flush({
      items: [item('e2', 'Event', 'ContractSigned', { data: { contractNumber: 'HT-0001' } }), item('a1', 'Activity', 'Call', { text: 'Follow-up call' })],
      next: 'cursor-1',
    });
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    expect(lines(host)[0]).toContain('Wang signed contract HT-0001');
    expect(lines(host)[1]).toContain('Wang logged a call: Follow-up call');

    (host.querySelector('[data-testid="timeline-older"]') as HTMLButtonElement).click();
    http.expectOne(r => r.url === url && r.params.get('before') === 'cursor-1').flush({
      items: [item('e1', 'Event', 'SomethingNew', { userName: null })], next: null,
    });
    fixture.detectChanges();
    expect(lines(host).length).toBe(3);
    expect(lines(host)[2]).toContain('The system changed the record');
    expect(host.querySelector('[data-testid="timeline-older"]')).toBeNull();
    http.verify();
  });

  it('posts a comment with the mentions still named in its text and shows it first', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = await render();
    http.expectOne(r => r.url === url).flush({ items: [item('e1', 'Event', 'CustomerCreated', { data: { name: 'ACME' } })], next: null });
    const timeline = fixture.componentInstance as unknown as {
      text: string; lookUp(text: string): void; mention(e: unknown): void; send(): void;
    };
    timeline.text = 'Please call @wa';
    timeline.lookUp(timeline.text);
    http.expectOne(r => r.url === '/api/oa/timeline/crm.customer/people' && r.params.get('filter') === 'wa')
      .flush([{ id: 'u2', userName: 'wang', name: 'Wang' }, { id: 'u3', userName: 'wan', name: 'Wan' }]);
    timeline.mention({ option: { value: { id: 'u2', userName: 'wang', name: 'Wang' } } });
    expect(timeline.text).toBe('Please call @Wang ');
    timeline.send();
    const post = http.expectOne(`${url}/comments`);
    expect(post.request.body).toEqual({ text: 'Please call @Wang ', mentionedUserIds: ['u2'], attachmentIds: [] });
    post.flush(item('c1', 'Comment', 'Comment', { text: 'Please call @Wang ' }));
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    expect(lines(host)[0]).toContain('Wang commented');
    expect(lines(host)[1]).toContain('Wang created customer ACME');
    expect(timeline.text).toBe('');
    http.verify();
  });
});
