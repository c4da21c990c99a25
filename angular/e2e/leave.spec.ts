import { Page, expect, test } from '@playwright/test';
import { fillField, login, openDialog } from './forms';

/** My leave in `year`, once that year's balances are shown (until they arrive the page shows this year's). */
async function myLeave(page: Page, year: number) {
  await page.getByTestId('menu-leave').click();
  const balances = page.waitForResponse(r => r.url().includes('/api/hr/leave-balances') && r.url().includes(`year=${year}`) && r.ok());
  await fillField(page.getByTestId('leave-year'), String(year));
  await page.getByTestId('leave-year').press('Enter');
  await page.getByTestId('leave-year').blur();
  const remaining = ((await (await balances).json()) as { leaveTypeName: string; remaining: number }[])
    .find(b => b.leaveTypeName === '年假 Annual leave')!.remaining;
  await expect(page.getByTestId('balance-remaining-年假 Annual leave')).toHaveText(String(remaining));
}

/** A Monday in a year no other run is likely to have used, so the test can run again on the same database. */
function mondayIn(year: number): string {
  const d = new Date(Date.UTC(year, 5, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  d.setUTCDate(d.getUTCDate() + 7 * Math.floor(Math.random() * 4));
  return d.toISOString().slice(0, 10);
}

test('an employee requests leave, the department head approves it in the inbox, and the balance drops', async ({ browser }) => {
  const year = 2030 + Math.floor(Math.random() * 70);
  const day = mondayIn(year);
  const sales = await (await browser.newContext()).newPage();
  await login(sales, 'sales');
  await myLeave(sales, year);
  const remaining = sales.getByTestId('balance-remaining-年假 Annual leave');
  await expect(remaining).toHaveText(/^\d/);
  const before = Number(await remaining.innerText());

  await openDialog(sales, 'leave-new');
  await sales.getByTestId('leave-type').click();
  await sales.getByTestId('leave-type-年假 Annual leave').click();
  await fillField(sales.getByTestId('leave-from'), day);
  await fillField(sales.getByTestId('leave-to'), day);
  await expect(sales.getByTestId('leave-days')).toContainText('1');
  await fillField(sales.getByTestId('leave-reason'), '家中有事');
  await sales.getByTestId('leave-submit').click();
  await expect(sales.locator('mat-dialog-container')).toHaveCount(0);
  const row = sales.getByTestId('leave-requests').locator('tr.mat-mdc-row').first();
  await expect(row).toContainText(day);
  await expect(row).toContainText('待审批');
  const number = (await row.locator('td').first().innerText()).split('\n')[0].trim();
  expect(number).toMatch(/^QJ\d{10}$/);

  const manager = await (await browser.newContext()).newPage();
  await login(manager, 'manager');
  await manager.getByTestId('menu-approvals').click();
  await manager.getByTestId(`approval-link-${number}`).click();
  await expect(manager.getByTestId('approval-title')).toContainText(number);
  await fillField(manager.getByTestId('approval-comment'), '同意，注意交接');
  await manager.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('approval-status')).toContainText('已通过');

  await sales.reload();
  await myLeave(sales, year);
  await expect(sales.getByTestId('balance-remaining-年假 Annual leave')).toHaveText(String(before - 1));
  await expect(sales.getByTestId(`leave-status-${number}`)).toContainText('已批准');
  await expect(sales.getByTestId(`leave-status-${number}`)).toContainText('同意，注意交接');
});
