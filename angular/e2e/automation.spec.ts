import { Page, expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

/** Picks an option; a select whose options are still loading does not open, so it is opened again until the option shows. */
async function choose(page: Page, select: string, option: string): Promise<void> {
  await expect(async () => {
    await page.getByTestId(select).click();
    await expect(page.getByTestId(option)).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.getByTestId(option).click();
}

test('the admin builds a rule in the form, tests it on a sample, and the task appears when the opportunity moves in the app', async ({ page }) => {
  const stamp = Date.now().toString().slice(-6);
  const deal = `自动化商机 ${stamp}`;
  await login(page, 'admin');
  await openMenu(page, 'menu-automation');
  await expect(page.getByTestId('automation-rules')).toContainText('大额发票提醒财务跟进');
  await page.screenshot({ path: 'test-results/automation-rules-desktop.png', fullPage: true });

  await page.getByTestId('automation-create').click();
  await fillField(page.getByTestId('rule-name'), `大单进入谈判 ${stamp}`);
  await choose(page, 'rule-event', 'rule-event-crm.opportunity.stage_changed');
  await page.getByTestId('condition-add').click();
  await choose(page, 'condition-field-0', 'field-amount');
  await choose(page, 'condition-operator-0', 'operator-GreaterOrEqual');
  await fillField(page.getByTestId('condition-value-0'), '50000');
  await page.getByTestId('condition-add').click();
  await choose(page, 'condition-field-1', 'field-to');
  await fillField(page.getByTestId('condition-value-1'), 'Negotiation');
  await page.getByTestId('action-add').click();
  await choose(page, 'action-user-0', 'user-admin');
  await fillField(page.getByTestId('action-title-0'), `跟进 {amount} 的商机 ${stamp}`);
  await fillField(page.getByTestId('action-due-0'), '2');

  // The sample document: the event's payload with the admin's values; testing does nothing.
  await fillField(page.getByTestId('rule-sample'), '{ "amount": 80000, "to": "Negotiation", "from": "Prospecting" }');
  await page.getByTestId('rule-test').click();
  await expect(page.getByTestId('rule-test-result')).toContainText('规则会运行');
  await expect(page.getByTestId('test-action-0')).toContainText(`跟进 80000 的商机 ${stamp}`);
  await page.screenshot({ path: 'test-results/automation-editor-desktop.png', fullPage: true });
  await page.getByTestId('rule-save').click();
  await expect(page.getByTestId(`rule-大单进入谈判 ${stamp}`)).toBeVisible();

  // The business action, through the app: a new opportunity moved to negotiation.
  await openMenu(page, 'menu-opportunities');
  await openDialog(page, 'list-create');
  await page.getByTestId('opportunity-customer').click();
  await page.getByRole('option').first().click();
  await fillField(page.getByTestId('opportunity-name'), deal);
  await fillField(page.getByTestId('opportunity-amount'), '90000');
  await page.getByTestId('opportunity-save').click();
  await page.getByTestId(`move-${deal}`).click();
  // The board moves the card at once; the rule has run when the server has answered (the move and its task commit together).
  const moved = page.waitForResponse(r => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.getByTestId(`move-${deal}-Negotiation`).click();
  expect((await moved).ok()).toBe(true);
  await expect(page.getByTestId('stage-Negotiation').getByTestId(`opportunity-${deal}`)).toBeVisible();

  await openMenu(page, 'menu-tasks');
  await expect(page.getByTestId(`task-跟进 90000.00 的商机 ${stamp}`)).toBeVisible();

  await openMenu(page, 'menu-automation');
  await page.getByTestId(`rule-log-大单进入谈判 ${stamp}`).click();
  await expect(page.getByTestId('run-result-0')).toHaveText('成功');
  await page.screenshot({ path: 'test-results/automation-runs-desktop.png', fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/automation-runs-phone.png', fullPage: true });
  await page.goto('/automation/rules');
  await expect(page.getByTestId('automation-rules')).toContainText(`大单进入谈判 ${stamp}`);
  await page.screenshot({ path: 'test-results/automation-rules-phone.png', fullPage: true });
  await page.getByTestId(`rule-大单进入谈判 ${stamp}`).click();
  await expect(page.getByTestId('rule-name')).toHaveValue(`大单进入谈判 ${stamp}`);
  await page.screenshot({ path: 'test-results/automation-editor-phone.png', fullPage: true });
});
