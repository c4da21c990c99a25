import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import { login } from './forms';

// axe-core over the pages staff use most, at desktop and phone size: no serious or critical violation
// (unlabelled controls, contrast below AA, missing names, broken ARIA).
const pages = ['/', '/crm/customers', '/crm/contracts', '/orders/sales-orders', '/finance/invoices', '/oa/approvals',
  '/hr/employees', '/hr/leave', '/purchasing/orders', '/inventory/stock', '/insights'];

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // An experimental rule that reads Material's icon ligatures ("edit", "notifications") as the button's visible label
    // and so flags every named icon button; the names themselves are checked by button-name.
    .disableRules(['label-content-name-mismatch'])
    .analyze();
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${page.url()} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
}

for (const size of [{ name: 'desktop', width: 1280, height: 800 }, { name: 'phone', width: 390, height: 844 }]) {
  test(`the main pages have no serious accessibility violations (${size.name})`, async ({ page }) => {
    // Twelve pages, each loaded to network idle and analysed: a minute is what one test gets, not twelve.
    test.setTimeout(pages.length * 20_000);
    await page.setViewportSize(size);
    await page.goto('/login');
    await expect(page.getByTestId('login-submit')).toBeVisible();
    const found = await seriousViolations(page);
    await login(page, 'admin');
    for (const path of pages) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      found.push(...await seriousViolations(page));
    }
    expect(found).toEqual([]);
  });
}
