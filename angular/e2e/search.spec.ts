import { Page, expect, test } from '@playwright/test';
import { login, overflow } from './forms';

/** A demo customer's full Chinese name, read from the customer list (the demo's names come from its seeded history). */
async function demoCustomerName(page: Page): Promise<string> {
  await page.goto('/crm/customers');
  await page.getByTestId('list-search').fill('远景');
  await page.getByTestId('list-search').press('Enter');
  const link = page.locator('[data-testid^="customer-link-"]').first();
  await expect(link).toContainText('远景');
  return (await link.textContent())!.trim();
}

test('Ctrl+K searches the whole suite; Enter opens the customer typed by its Chinese name', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, 'admin');
  const name = await demoCustomerName(page);
  await page.goto('/');
  await expect(page.getByTestId('search-open')).toBeVisible(); // the shell listens for the shortcut once it is there

  await page.keyboard.press('Control+k');
  const box = page.getByTestId('search-input');
  await expect(box).toBeFocused();
  await box.fill(name);
  await expect(page.getByTestId('search-hit-crm.customer').first()).toContainText(name);
  await page.screenshot({ path: 'test-results/search-1280.png' });
  await box.press('Enter');
  await expect(page).toHaveURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('customer-title')).toHaveText(name);

  // Arrows move through the groups; a query nothing matches says so.
  await page.keyboard.press('Control+k');
  await page.getByTestId('search-input').fill('远景');
  await expect(page.getByTestId('search-hit-crm.customer').first()).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('search-input').press('ArrowDown');
  await expect(page.getByTestId('search-hit-crm.customer').first()).toHaveAttribute('aria-selected', 'false');
  await page.getByTestId('search-input').fill('无此记录xyz');
  await expect(page.getByTestId('search-none')).toBeVisible();
});

test('On a phone the search icon opens the search full-screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'admin');
  const name = await demoCustomerName(page);

  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill(name.slice(0, 4));
  await expect(page.getByTestId('search-hit-crm.customer').first()).toBeVisible();
  const panel = await page.locator('.mat-mdc-dialog-surface').boundingBox();
  expect(panel!.width).toBeGreaterThanOrEqual(389);
  await page.screenshot({ path: 'test-results/search-390.png' });
  await page.getByTestId('search-hit-crm.customer').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('customer-title')).toHaveText(name);
  expect(await overflow(page)).toEqual([]);
});
