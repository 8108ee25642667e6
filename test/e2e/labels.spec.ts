import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { LabelsPage } from './pages/labels-page';

const PX_PER_MM = 96 / 25.4;

test('the Labels screen shows the five labels of 2010-08-03 in order at true size, prints them and reprints one', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const labels = new LabelsPage(page);
  await labels.open();
  await labels.chooseDate('2010-08-03');
  await expect(labels.tapeLabels()).toHaveCount(6);
  expect(await labels.codes(labels.tapeLabels())).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1']);
  await expect(labels.tapeLabels().nth(1)).toContainText('CONSOLIDATED_BACKUP_TO_TAPE #1');
  await expect(labels.tapeLabels().first()).toContainText('No return date');
  // the preview is the Avery 5163 label at its size: 4 × 2 in
  const box = await labels.tapeLabels().first().getByRole('img').boundingBox();
  expect(Math.abs((box?.width ?? 0) - 101.6 * PX_PER_MM)).toBeLessThan(2);
  expect(Math.abs((box?.height ?? 0) - 50.8 * PX_PER_MM)).toBeLessThan(2);
  await screenshot(page, 'labels-bill-run');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Print all 6 labels' }).click();
  await expect(labels.status('Tape labels')).toHaveText(
    "Printed 100803P, 100803D, 100803E, 100803F, 100803G, DAILY 1 to the browser's print dialog; recorded in the audit log.",
  );
  // what went to the printer: one Letter sheet of ten 4 × 2 in labels, six of them used
  const sheet = page.locator('#print-sheet');
  await expect(sheet.locator('.print-page')).toHaveCount(1);
  await expect(sheet.locator('img')).toHaveCount(6);
  // the printer's view, as at the moment of printing
  await page.evaluate(() => document.body.classList.add('printing-labels'));
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'labels-print-sheet');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('printing-labels'));

  await page.getByRole('button', { name: 'Reprint 100803E' }).click();
  await expect(labels.status('Tape labels')).toHaveText("Reprinted 100803E to the browser's print dialog; recorded in the audit log.");
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: 'labels.reprinted' }).first()).toContainText('100803E');
  await expect(page.getByRole('row').filter({ hasText: 'labels.printed' }).first()).toContainText('100803P 100803D 100803E 100803F 100803G DAILY 1');
});

test("a day without a Bill Run says so in the plan's words; cartridge labels for new stock", async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  const labels = new LabelsPage(page);
  await labels.open();
  await labels.chooseDate('2010-08-05');
  await page.getByLabel('Bill Run set only').check();
  await expect(page.getByText('2010-08-05 is not a Bill Run day; the next Bill Run is Monday, Aug. 9, 2010.')).toBeVisible();

  await page.getByLabel('First serial').fill('MF0001');
  await page.getByLabel('Last serial').fill('mf0003');
  await page.getByLabel('Last serial').press('Enter');
  await expect(labels.cartridgeLabels()).toHaveCount(3);
  expect(await labels.codes(labels.cartridgeLabels())).toEqual(['MF0001D', 'MF0002D', 'MF0003D']);
  await screenshot(page, 'labels-cartridges');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel('Last serial').fill('MF0001');
  await page.getByLabel('First serial').fill('MF0009');
  await page.getByRole('button', { name: 'Show cartridge labels' }).click();
  await expect(page.getByRole('region', { name: 'Cartridge labels for new stock' })).toContainText('MF0001 comes before MF0009: give the lower serial first.');
});

test("the morning's labels print in two clicks, from the keyboard too", async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('JS');
  await page.getByRole('button', { name: 'Labels', exact: true }).click();
  const print = page.getByRole('button', { name: /^Print all \d+ labels$/ });
  await print.focus();
  await page.keyboard.press('Enter');
  await expect(new LabelsPage(page).status('Tape labels')).toContainText("to the browser's print dialog; recorded in the audit log.");
});
