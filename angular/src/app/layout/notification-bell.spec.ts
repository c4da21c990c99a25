import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { Live } from '../core/live';
import { NotificationBell } from './notification-bell';

describe('NotificationBell', () => {
  const pushed = new Subject<unknown>();
  const connected = signal(false);

  beforeEach(() => {
    connected.set(false);
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [provideRouter([]), provideTranslateService(), provideHttpClient(), provideHttpClientTesting(),
        { provide: Live, useValue: { connected, on: () => pushed.asObservable() } }],
    });
  });

  it('counts a pushed notification at once and polls only while the live channel is down', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationBell);
    fixture.detectChanges();
    TestBed.tick(); // the connection state reaches the component through an effect
    await new Promise(resolve => setTimeout(resolve)); // the first poll is timer(0)
    http.expectOne('/api/oa/notifications/unread-count').flush({ count: 2 });
    await fixture.whenStable();
    const unread = () => (fixture.nativeElement as HTMLElement).querySelector('[data-testid="notification-unread"]')?.textContent;
    expect(unread()).toBe('2');

    connected.set(true);
    TestBed.tick();
    http.expectOne('/api/oa/notifications/unread-count').flush({ count: 2 }); // once, to catch up
    pushed.next({ id: 'n1', kind: 'TaskAssigned', title: '准备入职资料', link: '/oa/tasks', createdAt: '2026-12-03T10:00:00Z', readAt: null });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(unread()).toBe('3');
    http.verify();
  });
});
