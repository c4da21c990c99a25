import { createHmac, timingSafeEqual } from 'node:crypto';
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { login, openDialog, openMenu } from './forms';

/** A partner's endpoint on this machine: keeps what it receives and answers 202. */
interface Received { headers: IncomingHttpHeaders; body: string; }
const received: Received[] = [];
let server: Server;
let url = '';

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(202, { 'Content-Type': 'text/plain' }).end('accepted');
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
});

test.afterAll(() => new Promise<void>(resolve => server.close(() => resolve())));

/** The README's check: HMAC-SHA256 of "<t>.<body>" with the secret, compared in constant time. */
function verify(secret: string, header: string, body: string): boolean {
  const parts = Object.fromEntries(header.split(',').map(p => p.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts['t']}.${body}`).digest();
  const given = Buffer.from(parts['v1'] ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

test('the admin subscribes a receiver, copies the secret shown once, and a test ping shows its response in the delivery log', async ({ page }) => {
  await login(page, 'admin');
  await openMenu(page, 'menu-webhooks');
  await openDialog(page, 'webhook-create');
  await page.getByTestId('webhook-url').fill(url);
  await page.getByTestId('webhook-description').fill('E2E 接收端');
  await page.getByTestId('webhook-type-crm.contract.signed').click();
  await page.getByTestId('webhook-save').click();
  const secret = (await page.getByTestId('webhook-secret').innerText()).trim();
  expect(secret).toMatch(/^whsec_/);
  await page.getByTestId('webhook-done').click();
  await expect(page.getByTestId('webhooks-table')).toContainText(url);
  await expect(page.locator('body')).not.toContainText(secret);

  // Newest first: the subscription just made is the first row. The host's job worker sends the ping within seconds.
  await page.getByTestId('webhook-ping-0').click();
  await expect(async () => {
    await page.getByTestId('delivery-refresh').click();
    await expect(page.getByTestId('delivery-response-0')).toHaveText('202', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('delivery-status-0')).toHaveText('已送达');

  const ping = received.find(r => r.headers['x-bizsuite-event'] === 'webhook.ping');
  expect(ping).toBeTruthy();
  expect(verify(secret, String(ping!.headers['x-bizsuite-signature']), ping!.body)).toBe(true);
  expect(JSON.parse(ping!.body).type).toBe('webhook.ping');
});
