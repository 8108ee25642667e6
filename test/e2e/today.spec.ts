import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

test('a Bill Run day: five codes in slot order, the DAILY tape for tomorrow, INITIALIZE_TAPES', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('js');
  const today = new TodayPage(page);
  await today.chooseDate('2010-08-03');

  await expect(today.dayKind()).toHaveText('Bill Run day');
  expect(await today.slotCodes()).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1', null]);
  await expect(today.tapesToPull()).toHaveText([/^100803P — Prod & Devel backup/, /^100803D/, /^100803E/, /^100803F/, /^100803G/, /^DAILY 1/]);
  await expect(page.getByText('Courier today (Iron Mountain')).toBeVisible();
  const init = page.getByRole('region', { name: /initialise tapes/ });
  await expect(init.locator('pre')).toHaveText('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
  await expect(init).toContainText('100803P (tape 1) is not: initialised by its own backup job, PROD_AND_DEVEL_BACKUP');
  await expect(init).toContainText('100803D (tape 2) is not: initialised by its own backup job, CONSOLIDATED_BACKUP_TO_TAPE');
  await expect(today.jobRow('RMU_BACKUP_DOCUMENT')).toContainText('at 12:00');
  await expect(today.jobRow('CONSOLIDATED_BACKUP_TO_TAPE')).toContainText('TAPE_BACKUP');
  await screenshot(page, 'today-bill-run');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a daily day: DAILY 1 at 06:05, DAILY 2 loaded for tomorrow', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const today = new TodayPage(page);
  await today.chooseDate('2010-08-04');

  await expect(today.dayKind()).toHaveText('Daily backup day');
  await expect(today.jobRow('DAILY_BACKUP')).toContainText('at 06:05');
  await expect(today.jobRow('DAILY_BACKUP')).toContainText('DAILY 1');
  expect(await today.slotCodes()).toEqual(['DAILY 2', null, null, null, null, null, null]);
  await expect(page.getByText('Courier today')).toHaveCount(0);
  await screenshot(page, 'today-daily');
  expect(await seriousViolations(page)).toEqual([]);

  // the day before a Bill Run: nothing to load, and the screen says why
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByRole('button', { name: 'Next day' }).click();
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('[data-testid="day-plan"][data-date="2010-08-08"]')).toBeVisible();
  await expect(page.getByText('Tomorrow, 2010-08-09, is a Bill Run day')).toBeVisible();
  expect(await today.slotCodes()).toEqual([null, null, null, null, null, null, null]);
});

test('a date the plan is silent on says which profile setting decided it', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const today = new TodayPage(page);
  await today.chooseDate('2011-02-28');
  await expect(today.dayKind()).toHaveText('Bill Run day');
  await expect(page.getByRole('note').filter({ hasText: /silent/ })).toBeVisible();
  await screenshot(page, 'today-setting-decided');
});
