import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { SettingsPage } from './pages/settings-page';

const shipped = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'sites', 'microfinancial.yaml'), 'utf8');

test('an invalid profile is refused with every problem by its path; a valid one is loaded', async ({ consolePage: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-site-'));
  const broken = join(dir, 'broken.yaml');
  writeFileSync(broken, shipped.replace('queue: TAPE_BACKUP', 'queue: TAPE_BACKUPP').replace(/slots: 7/, 'slots: seven'));

  await new SignInPage(page).signIn('JS');
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.loadProfile(broken);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('was refused: 2 problems');
  await expect(alert).toContainText(/jobs\[\d+\]\.queue: unknown queue "TAPE_BACKUPP"/);
  await expect(alert).toContainText('drive.slots');
  await screenshot(page, 'settings-refused-profile');
  expect(await seriousViolations(page)).toEqual([]);

  const copy = join(dir, 'copy.yaml');
  writeFileSync(copy, shipped);
  await settings.loadProfile(copy);
  await expect(page.getByRole('region', { name: 'Site profile' }).getByRole('status')).toContainText('Loaded');
  await expect(page.getByRole('definition').filter({ hasText: copy })).toBeVisible();
  // the choice is recorded under the operator's initials
  await expect(page.getByRole('row').filter({ hasText: 'settings.change' }).first()).toContainText('JS');

  // the label stock is kept, and the choice audited
  await page.getByLabel('Tape labels (the Bill Run set and DAILY tapes)').selectOption('avery-l7165');
  await expect(page.getByRole('region', { name: 'Label stock' }).getByRole('status')).toHaveText('Kept: Avery L7165 parcel labels, 99.1 × 67.7 mm, 8 per A4 sheet.');
  await expect(page.getByRole('row').filter({ hasText: 'labels.stock.set' }).first()).toContainText('JS');
  // the whole audit log as CSV, with the records just made
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

test('sign-in refuses initials that are not 2 to 4 letters', async ({ consolePage: page }) => {
  const signIn = new SignInPage(page);
  await signIn.signIn('A1');
  await expect(signIn.alert()).toHaveText('Initials are 2 to 4 letters, such as JS or MAB.');
  await screenshot(page, 'sign-in-refused');
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
