import { expect, test } from '@playwright/test';
import { fillField, login, openDialog, openMenu } from './forms';

const suffix = Date.now().toString(36);


test('HR recruits a candidate through interview and an offer the manager approves in the inbox; the hire can sign in and finds the onboarding tasks', async ({ browser }) => {
  const opening = `前端工程师 ${suffix}`;
  const name = `新人${suffix}`;
  const userName = `hire${suffix}`;

  const hr = await (await browser.newContext()).newPage();
  await login(hr, 'admin');
  await openMenu(hr, 'menu-recruitment');
  await openDialog(hr, 'opening-create');
  await fillField(hr.getByTestId('opening-title'), opening);
  await hr.getByTestId('opening-department').click();
  await hr.getByTestId('department-option-SALES').click();
  await hr.getByTestId('opening-save').click();
  await expect(hr.getByTestId(`opening-${opening}`)).toBeVisible();

  await openDialog(hr, 'candidate-create');
  await fillField(hr.getByTestId('candidate-name'), name);
  await fillField(hr.getByTestId('candidate-email'), `${userName}@example.test`);
  await hr.getByTestId('candidate-save').click();
  await expect(hr.getByTestId('stage-Applied')).toContainText(name);
  await hr.getByTestId(`candidate-card-${name}`).click();

  await expect(hr.getByTestId('candidate-stage')).toContainText(/已投递|Applied/);
  await hr.getByTestId('move-Screening').click();
  await expect(hr.getByTestId('candidate-stage')).toContainText(/筛选|Screening/);
  await hr.getByTestId('move-Interview').click();
  await expect(hr.getByTestId('candidate-stage')).toContainText(/面试|Interview/);
  await fillField(hr.getByTestId('interview-at'), '2026-11-20T10:00');
  await fillField(hr.getByTestId('interview-interviewer'), '王经理');
  await fillField(hr.getByTestId('interview-notes'), '基础扎实');
  await hr.getByTestId('interview-save').click();
  await expect(hr.getByTestId('interviews')).toContainText('基础扎实');

  await openDialog(hr, 'make-offer');
  await fillField(hr.getByTestId('offer-salary'), '18000');
  await fillField(hr.getByTestId('offer-start'), '2026-12-01');
  await hr.getByTestId('offer-save').click();
  await expect(hr.getByTestId('offer-status')).toContainText(/审批中|Awaiting approval/);
  const offerNumber = (await hr.getByTestId('offer-number').textContent())!.trim();

  // The demo routes offers to the manager.
  const manager = await (await browser.newContext()).newPage();
  await login(manager, 'manager');
  await manager.getByTestId('menu-approvals').click();
  await manager.getByTestId(`approval-link-${offerNumber}`).click();
  await fillField(manager.getByTestId('approval-comment'), '同意录用');
  await manager.getByTestId('approval-approve').click();
  await expect(manager.getByTestId('approval-status')).toContainText(/已通过|已批准|Approved/);

  await hr.reload();
  await expect(hr.getByTestId('offer-status')).toContainText(/已批准|Approved/);
  await hr.getByTestId('hire').click();
  await expect(hr.getByTestId('hire-username')).toHaveText(userName);
  const password = (await hr.getByTestId('hire-password').textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(hr.getByTestId('candidate-stage')).toContainText(/已入职|Hired/);

  await hr.getByTestId('menu-employees').click();
  await hr.getByTestId('list-search').fill(name);
  await hr.getByTestId('list-search').press('Enter');
  await expect(hr.getByTestId('employees-table')).toContainText(name);
  await expect(hr.getByTestId('employees-table')).toContainText('销售部');

  const newcomer = await (await browser.newContext()).newPage();
  await login(newcomer, userName, password);
  await newcomer.getByTestId('menu-tasks').click();
  for (const title of ['签署劳动合同', '领取办公设备', '完成入职培训']) await expect(newcomer.getByTestId(`task-${title}`)).toBeVisible();
  await newcomer.getByTestId('menu-announcements').click();
  await expect(newcomer.getByText(`欢迎新同事 ${name}`)).toBeVisible();
});
