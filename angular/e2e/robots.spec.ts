import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

// A local stand-in for WeCom's group robot webhook: keeps what it receives, answers {"errcode":0} (the host must
// allow 127.0.0.1: RobotNotifier__AllowedHosts).
let receiver: Server;
const received: { key: string; body: any }[] = [];

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      received.push({ key: new URL(request.url!, 'http://x').searchParams.get('key') ?? '', body: JSON.parse(body) });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>(resolve => receiver.listen(0, '127.0.0.1', resolve));
});

test.afterAll(() => receiver.close());

test('the admin adds a WeCom group robot under Integrations and its test message reaches the group', async ({ page }) => {
  const name = `销售群 ${Date.now().toString(36)}`;
  const key = `e2e-${Date.now().toString(36)}`;
  const port = (receiver.address() as AddressInfo).port;
  await login(page, 'admin');
  await expect(page.getByTestId('menu-group-menu.integrations')).toBeVisible();
  await openMenu(page, 'menu-group-robots');

  await openDialog(page, 'robot-create');
  await fillField(page.getByTestId('robot-name'), name);
  await fillField(page.getByTestId('robot-webhook'), 'https://example.com/hook');
  await page.getByTestId('robot-save').click();
  await expect(page.locator('mat-error')).toContainText('qyapi.weixin.qq.com');
  await fillField(page.getByTestId('robot-webhook'), `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=${key}`);
  await page.getByTestId('robot-save').click();
  await expect(page.getByTestId('robots-table')).toContainText(name);

  await page.getByTestId(`robot-test-${name}`).click();
  await expect(page.getByTestId('robot-messages')).toContainText('BizSuite 测试消息');
  await expect(page.getByTestId('robot-message-status-0')).toContainText('已发送');
  const post = received.find(r => r.key === key)!;
  expect(post.body.msgtype).toBe('markdown');
  expect(post.body.markdown.content).toContain(name);

  await page.getByTestId(`robot-delete-${name}`).click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('robots-table')).not.toContainText(name);
});

test('a user without the robots permission sees no Integrations entry', async ({ page }) => {
  await login(page, 'sales');
  await expect(page.getByTestId('menu-contracts')).toBeVisible();
  await expect(page.getByTestId('menu-group-robots')).toHaveCount(0);
});
