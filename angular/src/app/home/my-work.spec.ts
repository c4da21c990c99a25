import { ApprovalSummary, WorkTask } from '../oa/oa.api';
import { Lead } from '../crm/leads/leads.api';
import { Invoice } from '../finance/finance.api';
import { daysSince, leadsToFollowUp, oldestFirst, overdueInvoices, tasksDue } from './my-work';

const approval = (id: string, submittedAt: string) => ({ id, submittedAt }) as ApprovalSummary;
const task = (id: string, dueOn: string | null, status: WorkTask['status'] = 'Open') => ({ id, dueOn, status }) as WorkTask;
const lead = (id: string, ownerId: string | null, status: Lead['status'], createdAt: string) => ({ id, ownerId, status, createdAt }) as Lead;
const invoice = (id: string, dueOn: string, status: Invoice['status'], outstanding: number) => ({ id, dueOn, status, outstanding }) as Invoice;

describe('my work on the home page', () => {
  it('puts the longest waiting approval first', () => {
    const rows = oldestFirst([approval('new', '2026-12-01T09:00:00Z'), approval('old', '2026-11-20T09:00:00Z'), approval('mid', '2026-11-28T09:00:00Z')]);
    expect(rows.map(a => a.id)).toEqual(['old', 'mid', 'new']);
  });

  it('lists open tasks due by the horizon, late ones first, and leaves done and undated tasks out', () => {
    const rows = tasksDue([task('later', '2026-12-20'), task('soon', '2026-12-05'), task('late', '2026-11-30'), task('done', '2026-11-29', 'Done'),
      task('undated', null), task('busy', '2026-12-03', 'InProgress')], '2026-12-09');
    expect(rows.map(t => t.id)).toEqual(['late', 'busy', 'soon']);
  });

  it('follows up only my new and contacted leads, oldest first', () => {
    const rows = leadsToFollowUp([lead('mine-new', 'me', 'New', '2026-11-02'), lead('theirs', 'other', 'New', '2026-10-01'),
      lead('mine-contacted', 'me', 'Contacted', '2026-10-15'), lead('mine-qualified', 'me', 'Qualified', '2026-09-01'), lead('nobody', null, 'New', '2026-09-01')], 'me');
    expect(rows.map(l => l.id)).toEqual(['mine-contacted', 'mine-new']);
  });

  it('counts an invoice overdue from the day after its due date while money is outstanding', () => {
    const rows = overdueInvoices([invoice('due-today', '2026-12-02', 'Open', 100), invoice('late', '2026-11-01', 'PartiallyPaid', 50),
      invoice('later', '2026-11-20', 'Open', 10), invoice('paid', '2026-10-01', 'Paid', 0), invoice('credited', '2026-10-01', 'Credited', 0)], '2026-12-02');
    expect(rows.map(i => i.id)).toEqual(['late', 'later']);
  });

  it('counts whole days and never a negative age', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    expect(daysSince('2026-11-30T12:00:00Z', now)).toBe(2);
    expect(daysSince('2026-12-05T00:00:00Z', now)).toBe(0);
  });
});
