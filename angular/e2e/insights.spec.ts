import { Page, expect, test } from '@playwright/test';
import { login } from './forms';

const shots = 'test-results/screenshots';

async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the demo manager sees approvals waiting at home, opens the lead-to-cash dashboard and drills into the slowest contract', async ({ page }) => {
  await login(page, 'manager');
  // The demo history leaves contracts, an offer, leave and an expense claim in the manager's inbox.
  const approvals = page.getByTestId('home-approvals');
  await expect(approvals.getByTestId('home-approval').first()).toBeVisible();
  expect(Number(await page.getByTestId('home-approvals-count').innerText())).toBeGreaterThan(0);
  await expect(page.getByTestId('home-kpi').first()).toBeVisible();
  await shoot(page, 'home');

  await page.getByTestId('home-open-insights').click();
  await expect(page).toHaveURL(/\/insights\/lead-to-cash/);
  await expect(page.getByTestId('funnel-table')).toBeVisible();
  await expect(page.locator('[data-testid^=kpi-]').first()).toBeVisible();

  // The KPI whose slowest instances are contracts: try the cards until a contract (HT…) heads the drill-down.
  const contract = page.getByTestId('slowest-link').filter({ hasText: /^HT\d+/ }).first();
  for (const card of await page.locator('button[data-testid^=kpi-]').all()) {
    await card.click();
    await expect(page.getByTestId('slowest-table')).toBeVisible();
    if (await contract.isVisible()) break;
  }
  await shoot(page, 'insights-l2c');
  const number = (await contract.innerText()).trim();
  await contract.click();
  await expect(page).toHaveURL(/\/(crm\/contracts|documents)\/[0-9a-f-]{36}/);
  await expect(page.getByText(number).first()).toBeVisible();
});
