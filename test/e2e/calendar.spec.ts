import { readFile } from 'node:fs/promises';
import { test, expect } from './console-fixture';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { SignInPage } from './pages/sign-in-page';
import { CalendarPage } from './pages/calendar-page';

test('the month grid shows Bill Runs, DAILY n and courier Tuesdays, and exports .ics', async ({ consolePage: page }) => {
  await new SignInPage(page).signIn('MAB');
  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.showMonth('2010-08');

  await expect(calendar.billRunCells()).toHaveCount(6);
  const billRunDates = await calendar.billRunCells().evaluateAll((cells) => cells.map((c) => c.getAttribute('data-date')));
  expect(billRunDates).toEqual(['2010-08-03', '2010-08-09', '2010-08-14', '2010-08-19', '2010-08-24', '2010-08-29']);
  await expect(calendar.cell('2010-08-04')).toContainText('DAILY 1');
  await expect(calendar.cell('2010-08-08')).toContainText('DAILY 5');
  await expect(calendar.cell('2010-08-10')).toContainText('Courier pickup');
  await screenshot(page, 'calendar');
  expect(await seriousViolations(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Export to mail calendar/ }).click();
  const file = await (await download).path();
  const ics = await readFile(file, 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR/);
  expect(ics).toContain('DTSTART;VALUE=DATE:20100803');
  expect(ics).toMatch(/SUMMARY:Bill Run/);

  // a day of the grid opens that day's plan
  await calendar.cell('2010-08-09').getByRole('button').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bill Run day' })).toBeVisible();
  await expect(page.locator('[data-testid="day-plan"][data-date="2010-08-09"]')).toBeVisible();
});
