import { chromium, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSiteFile } from '../../src-main/site/check-site-file';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { test, expect, startConsoleProcess, stopConsoleProcess, type RunningConsole } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { SettingsPage } from './pages/settings-page';

const shipped = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'sites', 'microfinancial.yaml'), 'utf8');

/** A console whose data folder the test knows, to put profiles in as a technician would. */
const withDataDir = test.extend<{ running: RunningConsole; page: Page }>({
  running: async ({ consoleNow }, use) => {
    const running = await startConsoleProcess([], consoleNow);
    await use(running);
    await stopConsoleProcess(running);
  },
  page: async ({ running }, use) => {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(running.url);
    await use(page);
    await browser.close();
  },
});

const profileList = (page: Page) => page.getByRole('group', { name: 'Load another site profile' });

withDataDir('a refused profile shows its problems by file, line and column and is audited; a listed one is loaded', async ({ page, running }) => {
  const broken = join(running.dataDir, 'broken.yaml');
  writeFileSync(broken, shipped.replace('queue: TAPE_BACKUP', 'queue: TAPE_BACKUPP').replace(/slots: 7/, 'slots: seven'));
  const copy = join(running.dataDir, 'copy.yaml');
  writeFileSync(copy, shipped);

  await new SignInPage(page).signIn('JS');
  await new SettingsPage(page).open();
  // the data folder's profiles and the shipped one, and no field to type a path into
  await expect(profileList(page).getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Site profile' })).toContainText(`Listed from the data folder ${running.dataDir}`);

  await profileList(page)
    .getByRole('radio', { name: /broken\.yaml/ })
    .check();
  await page.getByRole('button', { name: 'Load this profile' }).click();
  const alert = page.getByRole('region', { name: 'Site profile' }).getByRole('alert');
  await expect(alert).toContainText('was refused: 2 problems');
  // each problem as `tapeops site check` prints it, FILE:LINE:COLUMN: message
  const cli = checkSiteFile(broken).lines;
  expect(cli).toHaveLength(2);
  await expect(alert.getByRole('listitem')).toHaveText(cli);
  expect(cli.some((line) => /^.*broken\.yaml:\d+:\d+: jobs\[\d+\]\.queue: unknown queue "TAPE_BACKUPP"/.test(line))).toBe(true);
  // the refusal is in the audit log, under the operator's initials
  await expect(page.getByRole('row').filter({ hasText: 'site.profile-refused' }).first()).toContainText('JS');
  await expect(page.getByRole('row').filter({ hasText: 'site.profile-refused' }).first()).toContainText(broken);
  await screenshot(page, 'settings-refused-profile');
  expect(await seriousViolations(page)).toEqual([]);

  await profileList(page)
    .getByRole('radio', { name: /copy\.yaml/ })
    .check();
  await page.getByRole('button', { name: 'Load this profile' }).click();
  await expect(page.getByRole('region', { name: 'Site profile' }).getByRole('status')).toContainText('Loaded');
  await expect(page.getByRole('definition').filter({ hasText: copy })).toBeVisible();
  await expect(profileList(page).getByRole('radio', { name: /copy\.yaml.*in use now/ })).toBeVisible();
  // the choice is recorded under the operator's initials
  await expect(page.getByRole('row').filter({ hasText: 'settings.change' }).first()).toContainText('JS');
});

test('the label stock is kept and audited, and the whole audit log exports as CSV', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  await new SettingsPage(page).open();
  await page.getByLabel('Tape labels (the Bill Run set and DAILY tapes)').selectOption('avery-l7165');
  await expect(page.getByRole('region', { name: 'Label stock' }).getByRole('status')).toHaveText('Kept: Avery L7165 parcel labels, 99.1 × 67.7 mm, 8 per A4 sheet.');
  await expect(page.getByRole('row').filter({ hasText: 'labels.stock.set' }).first()).toContainText('JS');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the whole audit log (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tapeops-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe('id,at,who,action,subject,details');
  expect(csv).toContain(',JS,settings.change,labels.stock.set,');
  await screenshot(page, 'settings');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the audit log pages beyond its latest 20 records, to the first one', async ({ consolePage: page }) => {
  test.setTimeout(120_000);
  await new SignInPage(page).signIn('JS');
  await new SettingsPage(page).open();
  // 30 records of the operator's own: each change of label stock is one
  const stock = page.getByLabel('Tape labels (the Bill Run set and DAILY tapes)');
  const kept = page.getByRole('region', { name: 'Label stock' }).getByRole('status');
  for (let i = 0; i < 30; i++) {
    const id = i % 2 === 0 ? 'avery-l7165' : 'avery-5163';
    await stock.selectOption(id);
    await expect(kept).toContainText(id === 'avery-l7165' ? 'Avery L7165' : 'Avery 5163');
  }
  const log = page.getByRole('region', { name: 'Audit log (newest first)' });
  const rows = log.locator('tbody tr');
  await expect(rows).toHaveCount(20);
  const newest = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))));
  await log.getByRole('button', { name: 'Show 20 older records' }).click();
  await expect(log).toContainText('That is the whole log.');
  const all = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-id'))));
  // newest first, each record once, the first 20 as they were, down to record 1 (the first sign-in)
  expect(all.slice(0, 20)).toEqual(newest);
  expect(all).toEqual([...all].sort((a, b) => b - a));
  expect(new Set(all).size).toBe(all.length);
  expect(all.length).toBeGreaterThanOrEqual(31);
  expect(all.at(-1)).toBe(1);
  await expect(log).toContainText(`Showing ${all.length} records.`);
  await expect(log.getByRole('button', { name: /older records/ })).toHaveCount(0);
  await expect(rows.last()).toContainText('operator.sign-in');
  await screenshot(page, 'settings-audit-paged');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the console works from the keyboard alone', async ({ consolePage: page }) => {
  await page.getByLabel('Your initials').waitFor();
  await page.keyboard.type('kb');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  // Tab to the Calendar screen button and open it with Enter
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (await page.getByRole('button', { name: 'Calendar', exact: true }).evaluate((el) => el === el.ownerDocument.activeElement)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  // the first day of the grid is reachable by Tab and opens with Enter
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('day-link') ?? false)) break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
});
