import { Page, expect, test } from '@playwright/test';
import { login, overflow } from './forms';

// Every page of the menu and one detail page of each kind of record, at phone size, for three demo users with different
// menus: none may scroll sideways, nor may what its "new" button opens (see overflow() in forms.ts).
test.describe.configure({ timeout: 900_000 });

/** Detail pages: a record link shown in page content ('/kind/<id>'). */
const DETAIL = /^(\/[a-z-]+(?:\/[a-z-]+)*)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Calls the API as the signed-in user of `page`. */
async function api<T>(page: Page, method: string, url: string, data?: unknown): Promise<T> {
  const token = await page.evaluate(() => localStorage.getItem('bs.access'));
  const answer = await page.request.fetch(url, { method, data, headers: { Authorization: `Bearer ${token}` } });
  expect(answer.ok(), `${method} ${url}: ${answer.status()} ${await answer.text()}`).toBe(true);
  return answer.json() as Promise<T>;
}

/**
 * The demo tenant has no purchase request, stocktake nor candidate of its own: one of each, so their pages are walked too.
 * Returns the candidate's page (the recruitment board shows the candidates of one opening at a time).
 */
async function recordsWithoutDemoData(page: Page): Promise<string> {
  await api(page, 'POST', '/api/purchasing/requests', { neededBy: '2027-01-15', reason: `手机检查 ${Date.now()}`,
    lines: [{ productId: null, description: '打印纸 A4', quantity: 10, estimatedUnitPrice: 25, supplierId: null }] });
  const warehouses = await api<{ items: { id: string }[] }>(page, 'GET', '/api/inventory/warehouses?active=true');
  // Only when there is none: a draft would stop another spec from starting a stocktake in that warehouse.
  const stocktakes = await api<{ items: unknown[] }>(page, 'GET', '/api/inventory/stocktakes');
  if (stocktakes.items.length === 0) {
    await api(page, 'POST', '/api/inventory/stocktakes', { warehouseId: warehouses.items[0].id, countedOn: null });
  }
  const opening = await api<{ id: string }>(page, 'POST', '/api/hr/job-openings',
    { title: '移动端测试工程师', departmentId: null, headcount: 1, description: null, status: 'Open' });
  const candidate = await api<{ id: string }>(page, 'POST', '/api/hr/candidates', { name: `候选人 ${Date.now()}`, email: `phone-${Date.now()}@example.test`, phone: null, openingId: opening.id });
  return `/hr/candidates/${candidate.id}`;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
}

async function checkPage(page: Page, path: string, details: Map<string, string>): Promise<void> {
  await page.goto(path);
  await settle(page);
  expect.soft(await overflow(page), `${path} at 390 px`).toEqual([]);
  for (const href of await page.locator('mat-sidenav-content a[href]').evaluateAll(links => links.map(a => a.getAttribute('href')!))) {
    const kind = DETAIL.exec(href)?.[1];
    if (kind && !details.has(kind)) details.set(kind, href);
  }
  // The "new" button opens a dialog, or on some lists a page of its own.
  const create = page.getByTestId('list-create');
  if (await create.isVisible()) {
    await create.click();
    const dialog = page.locator('mat-dialog-container');
    await expect.poll(async () => await dialog.count() > 0 || new URL(page.url()).pathname !== path).toBe(true);
    await settle(page);
    expect.soft(await overflow(page), `${path}: what "new" opens, at 390 px`).toEqual([]);
    if (await dialog.count()) {
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
  }
}

async function menuRoutes(page: Page): Promise<string[]> {
  await page.getByTestId('menu-toggle').click();
  const routes = await page.locator('mat-sidenav a[mat-list-item]').evaluateAll(links => links.map(a => a.getAttribute('href')!));
  await page.keyboard.press('Escape');
  return routes;
}

test('at 390 x 844 no page of the menu nor a record of any kind scrolls sideways, for admin, manager and finance', async ({ browser }) => {
  const seen = new Set<string>();
  for (const user of ['admin', 'manager', 'finance']) {
    await test.step(user, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await login(page, user);
      const details = new Map<string, string>();
      if (user === 'admin') details.set('/hr/candidates', await recordsWithoutDemoData(page));
      expect.soft(await overflow(page), `${user}: home at 390 px`).toEqual([]);
      const routes = await menuRoutes(page);
      expect(routes.length).toBeGreaterThan(5);
      for (const route of routes) await checkPage(page, route, details);
      for (const [kind, href] of details) {
        seen.add(kind);
        await checkPage(page, href, new Map());
      }
      await context.close();
    });
  }
  // Opportunities, contacts, suppliers and supplier bills have no page of their own (they open in dialogs or lists).
  for (const kind of ['/crm/customers', '/crm/contracts', '/orders/sales-orders', '/finance/invoices', '/purchasing/requests',
    '/purchasing/orders', '/hr/employees', '/hr/candidates', '/oa/approvals', '/hr/expenses', '/inventory/stocktakes']) {
    expect.soft([...seen], `a detail page of ${kind} was visited`).toContain(kind);
  }
});
