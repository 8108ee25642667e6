import { chromium, test, expect } from '@playwright/test';
import { startConsoleProcess, stopConsoleProcess } from './console-fixture';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { ProceduresPage } from './pages/procedures-page';
import type { Page } from '@playwright/test';

const BILL_RUN = ['100803P', '100803D', '100803E', '100803F', '100803G'];

// The browser shell with its simulated site running fast (one simulated hour in 36 s), so that the
// INITIALIZE_TAPES job the procedure submits finishes within the test.
test.skip(process.env.TAPEOPS_E2E_SHELL === 'electron', 'the browser shell only: the time scale is a console option');

test('a whole Bill Run procedure: a wrong tape in slot 2 caught, INITIALIZE_TAPES seen in TAPE_BACKUP, tapes 3 to 5 initialised', async () => {
  test.setTimeout(300_000);
  // the Bill Run day itself (a procedure for another day is only a rehearsal), early: the site's
  // Bill Run starts at 07:30, after INITIALIZE_TAPES has the tape queue, and the run ends by seeing it queued
  const running = await startConsoleProcess(['--time-scale', '36'], '2010-08-03T05:30');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(running.url);
    await walkBillRun(page);
  } finally {
    await browser.close();
    await stopConsoleProcess(running);
  }
});

async function walkBillRun(page: Page): Promise<void> {
  const procedures = await ProceduresPage.readyWithBlt4(page);
  await expect(page.getByLabel('Database to back up')).toHaveValue('RMU_BACKUP_LEASE_DATA');
  await screenshot(page, 'procedures-start');
  expect(await seriousViolations(page)).toEqual([]);
  await procedures.start('Procedure for Bill Run Backups', '2010-08-03');
  await expect(procedures.stepCount()).toHaveText(/^Step 1 of 14/);
  await expect(procedures.stepHeading()).toContainText('The first task in the morning is to obtain five DLT IV tape cartridges.');
  await screenshot(page, 'procedure-step-1');
  expect(await seriousViolations(page)).toEqual([]);

  // the morning begins with yesterday's DAILY tape loaded in the drive
  await procedures.atDrive('Press Eject');
  await procedures.atDrive('Take the magazine out');
  await procedures.atDrive('Empty the magazine');
  await procedures.putTape(1, 'DAILY 5');
  await procedures.atDrive('Put the magazine in');
  await procedures.atDrive('Close the door');
  await procedures.atDrive('Press Load');

  // Enter confirms a manual step; Backspace goes back (with no field or button focused)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Enter');
  await expect(procedures.stepCount()).toHaveText(/^Step 2 of 14/);
  await page.keyboard.press('Backspace');
  await expect(procedures.stepCount()).toHaveText(/^Step 1 of 14/);
  await page.keyboard.press('Enter');
  await procedures.confirm();

  // step 3, sensed: the drive still holds a tape until Eject is pressed
  await expect(procedures.stepCount()).toHaveText(/^Step 3 of 14 · the console checks/);
  await expect(page.locator('.sense-not-yet')).toContainText('press Eject');
  await screenshot(page, 'procedure-sensed-waiting');
  await procedures.atDrive('Press Eject');
  await expect(procedures.stepCount()).toHaveText(/^Step 4 of 14/, { timeout: 10_000 });
  await procedures.atDrive('Take the magazine out');
  await procedures.confirm();
  await procedures.atDrive('Empty the magazine');
  await procedures.confirm();

  // step 6: the magazine against the slot plan, tape by tape; a wrong tape in slot 2
  await expect(procedures.stepCount()).toHaveText(/^Step 6 of 14/);
  await procedures.putTape(1, BILL_RUN[0] as string);
  await procedures.scan(1, BILL_RUN[0] as string);
  await procedures.putTape(2, '100803E');
  await procedures.scan(2, '100803E');
  await expect(page.locator('.sense-not-yet')).toContainText('Slot 2 holds 100803E; 100803D belongs there');
  await screenshot(page, 'procedure-wrong-tape');
  expect(await seriousViolations(page)).toEqual([]);
  // the card now asks for slot 2 again: the right tape goes in
  await procedures.atDrive('Empty the magazine');
  for (const [index, code] of BILL_RUN.entries()) await procedures.putTape(index + 1, code);
  for (const [index, code] of BILL_RUN.entries()) if (index > 0) await procedures.scan(index + 1, code);
  const daily = (await page.locator('.magazine-plan-list li').nth(5).textContent()) ?? '';
  const dailyCode = /DAILY \d/.exec(daily)?.[0] ?? '';
  expect(dailyCode).toMatch(/^DAILY \d$/);
  await procedures.putTape(6, dailyCode);
  await procedures.scan(6, dailyCode);

  await expect(procedures.stepCount()).toHaveText(/^Step 7 of 14/, { timeout: 10_000 });
  await procedures.confirm();
  await procedures.atDrive('Put the magazine in');
  await procedures.atDrive('Close the door');
  await procedures.confirm();
  await expect(procedures.stepCount()).toHaveText(/^Step 9 of 14/);
  // Load is seen as a change: first the drive without a tape
  await expect(page.locator('.sense-before')).toContainText('no tape loaded');
  await procedures.atDrive('Press Load');
  await expect(page.getByRole('region', { name: 'At the simulated drive' }).getByRole('status')).toContainText('loaded: 100803P.');
  await expect(procedures.stepCount()).toHaveText(/^Step 10 of 14/, { timeout: 10_000 });
  await procedures.confirm();

  // step 11: the exact command, sent once
  await expect(page.locator('.step-card pre')).toHaveText(
    /^SUBMIT\/PARAMETER=3\/QUEUE=TAPE_BACKUP\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_INITIALIZE_TAPES_[0-9A-Z]{6} SYS\$LOGIN:INITIALIZE_TAPES\.COM$/,
  );
  await screenshot(page, 'procedure-command');
  await procedures.confirm();
  // step 12: the console sees the entry in TAPE_BACKUP by itself; step 13: the Bill Run's first job,
  // which the site's scheduler holds in TIME_BLT4 from the morning on (seen at once); step 14:
  // Tuesday delivery
  await expect(procedures.stepCount()).toHaveText(/^Step 14 of 14/, { timeout: 100_000 });
  await procedures.confirm();

  const summary = page.getByRole('region', { name: /^Steps done: Procedure for Bill Run Backups/ });
  await expect(summary.getByRole('heading', { name: 'What comes next' })).toBeVisible();
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('row').filter({ hasText: 'Sent' })).toContainText('Job TAPEOPS_INITIALIZE_TAPES_');
  await expect(summary.getByRole('row').filter({ hasText: 'INITIALIZE_TAPES entry seen' })).toContainText('in TAPE_BACKUP');
  await expect(summary.getByRole('row').filter({ hasText: 'INVOICE_STATEMENT_GENERATE (the' })).toContainText('in TIME_BLT4');
  await screenshot(page, 'procedure-summary');
  expect(await seriousViolations(page)).toEqual([]);

  // the job runs while the Queues screen asks BLT4 for the queues (the simulated site's time moves
  // when its host is asked something), and ends retained on completion
  await page.getByRole('button', { name: 'Queues', exact: true }).click();
  const job = page.getByRole('row').filter({ hasText: /TAPEOPS_INITIALIZE_TAPES_/ });
  await expect(job).toContainText(/Retained on completion/i, { timeout: 90_000 });
  await screenshot(page, 'queues-initialize-tapes-done');

  // it initialised tapes 3 to 5 (the top two are initialised by their own backup jobs)
  await procedures.open();
  await page.getByRole('button', { name: 'Summary' }).first().click();
  const drive = page.getByRole('region', { name: 'At the simulated drive' });
  await drive.getByRole('button', { name: 'Look at the magazine', exact: true }).click();
  await expect(drive.getByRole('status')).toContainText(/Volume labels: slot 3 \d{5}E, slot 4 \d{5}F, slot 5 \d{5}G\./);
}
