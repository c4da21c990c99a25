import { Browser, expect, test } from '@playwright/test';
import { login, overflow } from './forms';

/** The customer's timeline: a comment @mentioning a colleague shows in the stream, and the colleague's bell leads back to the customer. */
async function mentionOnACustomer(browser: Browser, size: { width: number; height: number }, label: string): Promise<void> {
  const text = `请跟进报价 ${label} ${Date.now().toString(36)}`;
  const admin = await browser.newPage({ viewport: size });
  await login(admin, 'admin');
  await admin.goto('/crm/customers');
  await admin.getByTestId('list-search').fill('远景');
  await admin.getByTestId('list-search').press('Enter');
  await admin.locator('[data-testid^="customer-link-"]').first().click();
  await expect(admin).toHaveURL(/\/crm\/customers\/[0-9a-f-]{36}$/);
  const customerPath = new URL(admin.url()).pathname;
  await expect(admin.getByTestId('customer-figures')).toBeVisible();
  await admin.screenshot({ path: `test-results/customer-360-${size.width}.png`, fullPage: true });
  expect(await overflow(admin)).toEqual([]);

  await admin.getByTestId('customer-tab-timeline').click();
  await expect(admin.getByTestId('timeline')).toContainText(/创建了客户|更新了客户资料|修改了记录|记录了一次/);
  const box = admin.getByTestId('timeline-text');
  await box.click();
  await box.pressSequentially('@sal');
  await admin.getByTestId('mention-sales').click();
  await box.pressSequentially(text);
  await admin.getByTestId('timeline-send').click();
  const first = admin.locator('[data-testid="timeline"] li').first();
  await expect(first).toContainText('发表了评论');
  await expect(first).toContainText(text);
  await admin.screenshot({ path: `test-results/customer-timeline-${size.width}.png`, fullPage: true });

  const sales = await browser.newPage({ viewport: size });
  await login(sales, 'sales');
  await sales.getByTestId('notification-bell').click();
  await sales.getByTestId('notification-Mentioned').filter({ hasText: text }).click();
  await expect(sales).toHaveURL(new RegExp(`${customerPath}$`));
  await sales.getByTestId('customer-tab-timeline').click();
  await expect(sales.getByTestId('timeline')).toContainText(text);
  await admin.close();
  await sales.close();
}

test('on a desktop, a comment with a mention on a customer shows in its timeline and notifies the colleague', async ({ browser }) => {
  await mentionOnACustomer(browser, { width: 1280, height: 800 }, 'desktop');
});

test('on a phone, a comment with a mention on a customer shows in its timeline and notifies the colleague', async ({ browser }) => {
  await mentionOnACustomer(browser, { width: 390, height: 844 }, 'phone');
});
