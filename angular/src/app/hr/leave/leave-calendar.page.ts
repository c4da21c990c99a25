import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { Notifier } from '../../core/notifier';
import { today } from '../../shared/dates';
import { LeaveCalendarEntry, SelfServiceApi } from '../self-service.api';

export interface CalendarRow { employeeName: string; cells: (LeaveCalendarEntry | null)[]; }

/** One row per employee with leave in the month, one cell per day; a day inside a request shows its status. */
export function calendarRows(month: string, entries: LeaveCalendarEntry[]): { days: string[]; rows: CalendarRow[] } {
  const [year, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const days = Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const byEmployee = new Map<string, CalendarRow>();
  for (const entry of entries) {
    const row = byEmployee.get(entry.employeeId) ?? { employeeName: entry.employeeName, cells: days.map(() => null) };
    days.forEach((day, i) => { if (day >= entry.from && day <= entry.to) row.cells[i] = entry; });
    byEmployee.set(entry.employeeId, row);
  }
  return { days, rows: [...byEmployee.values()].sort((a, b) => a.employeeName.localeCompare(b.employeeName)) };
}

function shift(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The team calendar (团队日历): approved and pending leave of my department, month by month. */
@Component({
  selector: 'bs-leave-calendar',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <div class="head">
      <h2>{{ 'leave.calendar.title' | translate }}</h2>
      <button mat-icon-button (click)="go(-1)" data-testid="calendar-prev"><mat-icon>chevron_left</mat-icon></button>
      <strong data-testid="calendar-month">{{ month() }}</strong>
      <button mat-icon-button (click)="go(1)" data-testid="calendar-next"><mat-icon>chevron_right</mat-icon></button>
    </div>
    <div class="grid-wrap">
      <table class="grid" data-testid="leave-calendar">
        <tr><th></th>@for (d of grid().days; track d) { <th [class.weekend]="weekend(d)">{{ d.slice(8) }}</th> }</tr>
        @for (row of grid().rows; track row.employeeName) {
          <tr>
            <th class="who">{{ row.employeeName }}</th>
            @for (cell of row.cells; track $index) {
              <td [class]="cell?.status ?? ''" [class.weekend]="weekend(grid().days[$index])" [attr.title]="cell ? cell.leaveTypeName : null"></td>
            }
          </tr>
        } @empty {
          <tr><td [attr.colspan]="grid().days.length + 1" class="empty" data-testid="calendar-empty">{{ 'leave.calendar.empty' | translate }}</td></tr>
        }
      </table>
    </div>
    <p class="legend"><span class="Approved"></span> {{ 'leave.status.Approved' | translate }} <span class="Pending"></span> {{ 'leave.status.Pending' | translate }}</p>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; } .head h2 { margin-right: 16px; }
    .grid-wrap { overflow-x: auto; } .grid { border-collapse: collapse; font-size: 12px; }
    .grid th, .grid td { border: 1px solid #e0e0e0; min-width: 22px; height: 24px; text-align: center; }
    .grid .who { text-align: left; padding: 0 8px; white-space: nowrap; } .weekend { background: #fafafa; }
    .Approved { background: #66bb6a !important; } .Pending { background: #ffb74d !important; }
    .legend span { display: inline-block; width: 12px; height: 12px; margin-left: 12px; } .empty { color: #666; padding: 12px; }
  `,
})
export class LeaveCalendarPage implements OnInit {
  private readonly api = inject(SelfServiceApi);
  private readonly notifier = inject(Notifier);
  protected readonly month = signal(today().slice(0, 7));
  private readonly entries = signal<LeaveCalendarEntry[]>([]);
  protected readonly grid = computed(() => calendarRows(this.month(), this.entries()));

  ngOnInit(): void { this.load(); }

  go(by: number): void {
    this.month.set(shift(this.month(), by));
    this.load();
  }

  weekend(day: string): boolean { return [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()); }

  private load(): void {
    this.api.calendar(this.month()).subscribe({ next: c => this.entries.set(c.entries), error: e => this.notifier.error(e) });
  }
}
