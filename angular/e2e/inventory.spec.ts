import { Page, expect, test } from '@playwright/test';
import { login, openMenu } from './forms';

const shots = 'test-results/screenshots';

/** Both sizes the pages are checked at: a laptop and a phone. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, size] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/inventory-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the warehouse keeper sees the demo stock, its ledger and settings, and posts a stocktake with a loss', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await login(page, 'warehouse', 'Demo123!', 'demo');

  await openMenu(page, 'menu-stock');
  await expect(page.getByTestId('stock-table')).toContainText('SRV-R750');
  await expect(page.getByTestId('on-hand-LIC-ERP-STD')).toBeVisible();
  await shoot(page, 'stock');

  await openMenu(page, 'menu-movements');
  await expect(page.getByTestId('movements-table')).toContainText('TZ');
  await shoot(page, 'movements');

  await openMenu(page, 'menu-stock-items');
  await expect(page.getByTestId('stock-items-table')).toContainText('SRV-R750');
  await expect(page.getByTestId('stock-items-table')).not.toContainText('SVC-IMPL');
  await shoot(page, 'settings');

  await openMenu(page, 'menu-warehouses');
  await expect(page.getByTestId('default-warehouse')).toBeVisible();
  await shoot(page, 'warehouses');

  await openMenu(page, 'menu-stocktakes');
  await page.getByTestId('stocktake-start').click();
  await expect(page.getByTestId('stocktake-status')).toContainText('盘点中');
  // The demo history has delivered some of the opening stock: count what the sheet says, one server short.
  const servers = Number(await page.getByTestId('system-SRV-R750').textContent());
  const licences = Number(await page.getByTestId('system-LIC-ERP-STD').textContent());
  await page.getByTestId('count-SRV-R750').fill(String(servers - 1));
  await page.getByTestId('count-LIC-ERP-STD').fill(String(licences));
  await shoot(page, 'stocktake');
  await page.getByTestId('stocktake-post').click();
  await expect(page.getByTestId('stocktake-status')).toContainText('已过账');

  await openMenu(page, 'menu-stock');
  await expect(page.getByTestId('on-hand-SRV-R750')).toContainText(`${servers - 1} `);
  await openMenu(page, 'menu-stocktakes');
  await shoot(page, 'stocktakes');
});
