import { ApprovalSummary, WorkTask } from '../oa/oa.api';
import { Lead } from '../crm/leads/leads.api';
import { Invoice } from '../finance/finance.api';

/** How many rows each home-page section lists; the count shows the rest. */
export const SHOWN = 5;

/** The inbox lists newest first; the home page puts the longest waiting approval on top. */
export function oldestFirst(approvals: ApprovalSummary[]): ApprovalSummary[] {
  return [...approvals].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

/** Open tasks with a due date on or before `horizon` (yyyy-MM-dd), earliest first: overdue ones lead. */
export function tasksDue(tasks: WorkTask[], horizon: string): WorkTask[] {
  return tasks.filter(t => t.status !== 'Done' && t.dueOn !== null && t.dueOn <= horizon)
    .sort((a, b) => a.dueOn!.localeCompare(b.dueOn!));
}

/** New or contacted leads the user owns, the ones waiting longest first. */
export function leadsToFollowUp(leads: Lead[], userId: string): Lead[] {
  return leads.filter(l => l.ownerId === userId && (l.status === 'New' || l.status === 'Contacted'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Invoices with money outstanding past their due date (before `today`), most overdue first. */
export function overdueInvoices(invoices: Invoice[], today: string): Invoice[] {
  return invoices.filter(i => (i.status === 'Open' || i.status === 'PartiallyPaid') && i.outstanding > 0 && i.dueOn < today)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** Whole days between a date (yyyy-MM-dd or ISO time) and now; never negative. */
export function daysSince(date: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(date).getTime()) / 86_400_000));
}

/** Hours since an ISO time, for waiting approvals: under two days reads better in hours. */
export function hoursSince(date: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(date).getTime()) / 3_600_000));
}
