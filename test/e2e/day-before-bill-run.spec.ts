import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';
import { LabelsPage } from './pages/labels-page';
import { CalendarPage } from './pages/calendar-page';

const TOMORROWS_SET = ['261204P', '261204D', '261204E', '261204F', '261204G', 'DAILY 1'];

test.describe('the day before a Bill Run: 2026-12-03', () => {
  test.use({ consoleNow: '2026-12-03T09:00' });

  test("Today offers tomorrow's Bill Run set in a plain note, and Labels prints it now", async ({ consolePage: page }) => {
    await new SignInPage(page).signIn('JS');
    const today = new TodayPage(page);
    await expect(page.locator('[data-testid="day-plan"][data-date="2026-12-03"]')).toBeVisible();
    await expect(today.dayKind()).toHaveText('Daily backup day');
    expect(await today.slotCodes()).toEqual([null, null, null, null, null, null, null]);
    await expect(page.getByRole('region', { name: 'Magazine slot plan' }).locator('.slots-nothing')).toHaveText(
      "Nothing goes into the magazine today. Tomorrow's tapes and their slots are listed above.",
    );

    const offer = page.getByRole('region', { name: "Tomorrow's Bill Run: labels to print today" });
    await expect(offer.getByRole('note')).toHaveText(
      'Tomorrow, Friday, Dec. 4, 2026, is a Bill Run day. Its 5 Bill Run tapes (261204P, 261204D, 261204E, 261204F, 261204G) and the daily tape loaded with them (DAILY 1) can be pulled and labelled today, ready for the morning.',
    );
    expect(await offer.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual(TOMORROWS_SET);
    await expect(offer.getByRole('listitem').first()).toContainText('261204P — Prod & Devel backup (PROD_AND_DEVEL_BACKUP, runs 2026-12-04), new label, slot 1');
    // information, not a problem: no red box anywhere
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.error-box')).toHaveCount(0);
    await screenshot(page, 'today-day-before-bill-run');
    expect(await seriousViolations(page)).toEqual([]);

    // from the keyboard: the offer's button opens Labels on the same day
    await offer.getByRole('button', { name: "Print tomorrow's labels" }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('2026-12-03');
    await expect(page.getByRole('region', { name: 'Tape labels' }).locator('.notice')).toHaveText(
      'No daily tape is loaded on 2026-12-03: the next day, Friday, Dec. 4, 2026, is a Bill Run day, when the daily backup job does not run. Its Bill Run labels can be printed today: they are the labels of 2026-12-04.',
    );
    const tomorrow = page.getByRole('region', { name: "Tomorrow's Bill Run labels" });
    const cards = tomorrow.getByRole('list', { name: 'Labels, in magazine order' }).locator(':scope > li');
    await expect(cards).toHaveCount(6);
    expect(await new LabelsPage(page).codes(cards)).toEqual(TOMORROWS_SET);
    await expect(cards.first()).toContainText('Dec. 4, 2026');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await screenshot(page, 'labels-day-before-bill-run');
    expect(await seriousViolations(page)).toEqual([]);

    await tomorrow.getByRole('button', { name: 'Print all 6 labels' }).click();
    await expect(tomorrow.getByRole('status')).toHaveText(
      "Printed 261204P, 261204D, 261204E, 261204F, 261204G, DAILY 1 to the browser's print dialog; recorded in the audit log.",
    );
    await expect(page.locator('#print-sheet img')).toHaveCount(6);

    // one label alone reads in plain English, and the morning after sees it was printed
    await page.getByLabel('Daily tape only').check();
    await expect(tomorrow.getByRole('button', { name: 'Print 1 label', exact: true })).toBeVisible();
    await page.getByLabel('Day', { exact: true }).fill('2026-12-04');
    await expect(page.getByRole('region', { name: "Tomorrow's Bill Run labels" })).toHaveCount(0);
    await page.getByLabel('Bill Run set only').check();
    await expect(page.getByRole('region', { name: 'Tape labels' }).getByRole('button', { name: 'Reprint 261204P' })).toBeVisible();
  });
});

test.describe('the Bill Run day itself: 2026-12-04', () => {
  test.use({ consoleNow: '2026-12-04T07:00' });

  test('loads the set it was offered the day before, and offers nothing for tomorrow', async ({ consolePage: page }) => {
    await new SignInPage(page).signIn('JS');
    const today = new TodayPage(page);
    await expect(page.locator('[data-testid="day-plan"][data-date="2026-12-04"]')).toBeVisible();
    await expect(today.dayKind()).toHaveText('Bill Run day');
    await expect(page.getByText('Full backups today: 5 Bill Run tapes go in the magazine.', { exact: false })).toBeVisible();
    expect(await today.slotCodes()).toEqual([...TOMORROWS_SET, null]);
    await expect(page.getByRole('region', { name: /Tomorrow's Bill Run/ })).toHaveCount(0);

    const labels = new LabelsPage(page);
    await labels.open();
    await expect(labels.tapeLabels()).toHaveCount(6);
    expect(await labels.codes(labels.tapeLabels())).toEqual(TOMORROWS_SET);
    await expect(page.getByRole('button', { name: 'Print all 6 labels' })).toBeVisible();
    await expect(page.getByRole('region', { name: "Tomorrow's Bill Run labels" })).toHaveCount(0);
  });
});

test.describe("the plan's own Bill Run: 2010-08-03", () => {
  test('no offer on the Bill Run day; the day before 2010-08-09 offers its set', async ({ consolePage: page }) => {
    await new SignInPage(page).signIn('JS');
    const today = new TodayPage(page);
    await today.chooseDate('2010-08-03');
    await expect(today.dayKind()).toHaveText('Bill Run day');
    await expect(page.getByRole('region', { name: /Tomorrow's Bill Run/ })).toHaveCount(0);

    await page.getByLabel('Day', { exact: true }).fill('2010-08-08');
    await expect(page.locator('[data-testid="day-plan"][data-date="2010-08-08"]')).toBeVisible();
    const offer = page.getByRole('region', { name: "Tomorrow's Bill Run: labels to print today" });
    expect(await offer.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')))).toEqual([
      '100809P',
      '100809D',
      '100809E',
      '100809F',
      '100809G',
      'DAILY 1',
    ]);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('a Sunday Bill Run: 2026-11-29', () => {
  test.use({ consoleNow: '2026-11-29T07:00' });

  test('is flagged as a weekend Bill Run on Today, the day before and the Calendar, and in the export', async ({ consolePage: page }) => {
    await new SignInPage(page).signIn('JS');
    const today = new TodayPage(page);
    await expect(page.locator('[data-testid="day-plan"][data-date="2026-11-29"]')).toBeVisible();
    await expect(today.dayKind()).toHaveText('Bill Run day');
    const flag =
      'Weekend Bill Run (Sunday): it runs on its date, so someone loads the magazine that day (site profile setting weekendBillRuns: on-the-day; the plan is silent on weekends).';
    await expect(page.getByRole('note').filter({ hasText: flag })).toBeVisible();

    await page.getByRole('button', { name: 'Previous day' }).click();
    await expect(page.locator('[data-testid="day-plan"][data-date="2026-11-28"]')).toBeVisible();
    const offer = page.getByRole('region', { name: "Tomorrow's Bill Run: labels to print today" });
    await expect(offer.getByRole('note').filter({ hasText: flag })).toBeVisible();

    const calendar = new CalendarPage(page);
    await calendar.open();
    await calendar.showMonth('2026-11');
    await expect(calendar.cell('2026-11-29')).toContainText('Weekend Bill Run');
    await expect(calendar.cell('2026-11-14')).toContainText('Weekend Bill Run');
    await expect(calendar.cell('2026-11-19')).not.toContainText('Weekend Bill Run');
    await expect(page.getByTestId('weekend-rule')).toContainText('The plan does not say whether bills run on Saturdays and Sundays');
    await expect(page.getByTestId('weekend-rule')).toContainText('This month: Saturday, November 14, 2026; Sunday, November 29, 2026.');
    await screenshot(page, 'calendar-weekend-bill-runs');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Months to export').selectOption('1');
    const plain = await exportedEvents(page);
    expect(plain.filter((e) => e.uid.startsWith('daily-'))).toEqual([]);
    expect(plain.filter((e) => e.uid.startsWith('billrun-')).map((e) => e.start)).toEqual([
      '2026-11-03',
      '2026-11-09',
      '2026-11-14',
      '2026-11-19',
      '2026-11-24',
      '2026-11-29',
    ]);
    expect(plain.find((e) => e.uid.startsWith('billrun-2026-11-29'))?.summary).toBe('Bill Run (weekend: Sunday) — tapes 261129P, D, E, F, G');

    await page.getByLabel('An event for each daily backup day too').check();
    const withDaily = await exportedEvents(page);
    expect(withDaily.filter((e) => e.uid.startsWith('daily-'))).toHaveLength(30 - 6);
  });
});

async function exportedEvents(page: Page): Promise<{ uid: string; start: string; summary: string }[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export to mail calendar/ }).click();
  const ics = await readFile(await (await download).path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, start: event.startDate.toString(), summary: event.summary };
  });
}
