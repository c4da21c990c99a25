import { Locator, Page, expect } from '@playwright/test';

/**
 * Fills a field that may sit in a dialog still opening: waits until the field can be typed into, then
 * checks the value stuck, filling again if the form re-rendered meanwhile (no fixed sleeps).
 */
export async function fillField(field: Locator, value: string): Promise<void> {
  await expect(field).toBeEditable();
  await expect(async () => {
    await field.fill(value);
    await expect(field).toHaveValue(value, { timeout: 1_000 });
  }).toPass();
}

/**
 * Opens a dialog and waits until it has moved focus into itself: Material traps focus only after the
 * open animation, and text typed before that can land in the dialog's first field.
 */
export async function openDialog(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await expect(page.locator('mat-dialog-container :focus')).toHaveCount(1);
}

/**
 * Opens a page from the side menu and waits until the router has shown it: the previous page's buttons (its own
 * "new" button) must not be clicked by mistake while the next page still loads.
 */
export async function openMenu(page: Page, testId: string): Promise<void> {
  const entry = page.getByTestId(testId);
  const path = await entry.getAttribute('href');
  await entry.click();
  if (path) await page.waitForURL(url => url.pathname === path);
}

/**
 * Picks an option of a mat-select. A panel opened while the previous one still closes can close again at once, taking the
 * option with it: the pick starts once no panel is open, and opens the select again if its option went away.
 */
export async function pickOption(page: Page, select: Locator, optionTestId: string): Promise<void> {
  await expect(async () => {
    if (await page.getByRole('listbox').count()) await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox')).toHaveCount(0, { timeout: 2_000 });
    await select.click();
    await page.getByTestId(optionTestId).click({ timeout: 2_000 });
  }).toPass();
  await expect(page.getByRole('listbox')).toHaveCount(0);
}

/** Picks the demo tenant's required custom field 客户等级 (customer level) in an open customer dialog. */
export async function pickCustomerLevel(page: Page, level: 'A' | 'B' | 'C'): Promise<void> {
  await pickOption(page, page.getByRole('dialog').getByTestId('custom-level'), `custom-level-${level}`);
}

/**
 * Signs `user` in and waits until the bell's live connection is open and the bell shows the server's unread count (it
 * shows 0 until that first answer); returns the count, the baseline a live update is measured from.
 */
export async function loginWithLiveBell(page: Page, user: string): Promise<number> {
  const live = page.waitForEvent('websocket', socket => socket.url().includes('/hubs/user'));
  const counted = page.waitForResponse(r => r.url().includes('/api/oa/notifications/unread-count') && r.ok());
  await login(page, user);
  await live;
  const { count } = await (await counted).json() as { count: number };
  await expect(page.getByTestId('notification-unread')).toHaveText(String(count));
  return count;
}

/** The signed-in user (a manager) gives sales a new task from the tasks page. */
export async function assignTaskToSales(page: Page, title: string): Promise<void> {
  await openMenu(page, 'menu-tasks');
  await openDialog(page, 'list-create');
  await fillField(page.getByTestId('task-title'), title);
  await page.getByTestId('task-assignee').click();
  await page.getByTestId('assignee-sales').click();
  await page.getByTestId('task-save').click();
}

/** Signs a user in (by default a demo tenant user) and waits for the home page. */
export async function login(page: Page, user: string, password = 'Demo123!', tenant = 'demo'): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-tenant').fill(tenant);
  await page.getByTestId('login-user').fill(user);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('home-title')).toBeVisible();
}

/**
 * What scrolls sideways: the page, the shell's content pane or an open dialog wider than its box, each with the elements
 * that reach past its right edge (for the failure message); [] when all fit. The shell scrolls a page inside
 * mat-sidenav-content, so the document's own width alone never shows a page that is too wide.
 */
export async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>(
      'mat-sidenav-content, .mat-mdc-dialog-surface, .mat-mdc-dialog-content'))];
    return boxes.filter(box => box.scrollWidth > box.clientWidth + 1).map(box => {
      const right = box.getBoundingClientRect().left + box.clientWidth;
      // The deepest elements that reach past the box's right edge name the culprit in the failure message.
      const culprits = Array.from(box.querySelectorAll<HTMLElement>('*'))
        .filter(e => e.getBoundingClientRect().right > right + 1 && !Array.from(e.children).some(c => c.getBoundingClientRect().right > right + 1))
        .slice(0, 3).map(e => `${e.tagName.toLowerCase()}.${Array.from(e.classList).filter(c => !/^(mdc|cdk)-/.test(c)).slice(0, 3).join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
      return `${box.tagName.toLowerCase()} ${box.scrollWidth} > ${box.clientWidth}: ${culprits.join(', ')}`;
    });
  });
}
