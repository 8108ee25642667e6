/**
 * Procedure runs a technician can trust, in Chromium against the browser shell and its simulated
 * site, at pinned dates: a sensed step is proof or it is not done, a run ends cleanly (Abandon,
 * audited with its reason; leaving the screen keeps it open), a day other than today is only a
 * rehearsal that sends nothing, the day before a Bill Run is information and never a red error,
 * and the courier's hand-off lists its tapes with their return dates.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { startConsoleProcess, stopConsoleProcess, type RunningConsole } from './console-fixture';
import { ProceduresPage } from './pages/procedures-page';
import { screenshot } from './screenshots';
import { chromiumArgs, chromiumPath } from '../support/chromium';

test.skip(process.env.TAPEOPS_E2E_SHELL === 'electron', 'the browser shell only: the simulated drive panel is driven here');

/** A console at `now`, signed in as JS with BLT4 connected, on the Procedures screen. */
async function consoleAt(now: string, run: (page: Page, procedures: ProceduresPage) => Promise<void>): Promise<void> {
  const running: RunningConsole = await startConsoleProcess([], now);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(running.url);
    const procedures = await ProceduresPage.readyWithBlt4(page);
    await run(page, procedures);
  } finally {
    await browser.close();
    await stopConsoleProcess(running);
  }
}

const confirmStep = (page: Page) => page.getByRole('button', { name: 'Done: next step (Enter)' }).click();

test('Eject is not marked done without its evidence; leaving the screen keeps the run open; Abandon is audited with its reason', async () => {
  test.setTimeout(120_000);
  // Friday 2026-12-04, a Bill Run day
  await consoleAt('2026-12-04T07:00', async (page, procedures) => {
    await expect(page.getByRole('button', { name: 'Procedure for Bill Run Backups', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Procedure for Bill Run Backups', exact: true }).click();
    await expect(procedures.stepCount()).toHaveText(/^Step 1 of 13/);
    // the technician pressed Eject before the step: the drive says "no tape loaded" from the start
    await procedures.atDrive('Press Eject');
    await expect(page.getByRole('region', { name: 'At the simulated drive' }).getByRole('status')).toContainText('loaded: none');
    await confirmStep(page);
    await confirmStep(page);
    await expect(procedures.stepCount()).toHaveText(/^Step 3 of 13 · the console checks/);
    await expect(page.locator('.sense-cannot')).toContainText('no tape was loaded when this step began, so the console cannot see Eject pressed');
    // not marked seen by the console: the step list has no mark for it, and the run waits for the person
    await expect(page.getByRole('navigation', { name: 'Steps' }).locator('li').nth(2)).not.toContainText('seen by the console');
    await screenshot(page, 'procedure-eject-cannot-see');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'I did it: confirm this step myself (Enter)' }).click();
    await expect(procedures.stepCount()).toHaveText(/^Step 4 of 13/);
    await expect(page.getByRole('navigation', { name: 'Steps' }).locator('li').nth(2)).toContainText('✓ done');
    // a step the host cannot see: the drive's reading beside it
    await expect(page.locator('.sense-read')).toContainText('no tape loaded');
    await screenshot(page, 'procedure-manual-with-reading');

    // leaving the Procedures screen keeps the open run open
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await procedures.open();
    await expect(procedures.stepCount()).toHaveText(/^Step 4 of 13/);

    await page.getByRole('button', { name: 'Abandon this run…' }).click();
    await page.getByLabel('Why is this run abandoned? (kept in the audit log; the run cannot be continued)').fill('the drive is being repaired');
    await page.getByRole('button', { name: 'Abandon with this reason' }).click();
    const summary = page.getByRole('region', { name: /^Abandoned: Procedure for Bill Run Backups for 2026-12-04/ });
    await expect(summary).toContainText('Abandoned: the drive is being repaired');
    await expect(summary.getByRole('row').filter({ hasText: 'Confirmed by the person; the console read:' })).toHaveCount(1);
    await screenshot(page, 'procedure-abandoned');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const audited = page.getByRole('row').filter({ hasText: 'procedure.abandoned' });
    await expect(audited).toContainText('bill-run 2026-12-04 abandoned at step 4 remove-magazine: the drive is being repaired');
    await expect(audited).toContainText('JS');
  });
});

test('the day before a Bill Run: no red error, tomorrow’s Bill Run offered as a rehearsal that sends nothing', async () => {
  test.setTimeout(120_000);
  // Thursday 2026-12-03: tomorrow is a Bill Run day, and no DAILY tape is loaded today
  await consoleAt('2026-12-03T09:00', async (page, procedures) => {
    await expect(page.getByRole('note').filter({ hasText: 'Tomorrow, Friday, Dec. 4, 2026, is a Bill Run day.' })).toContainText(
      'their labels can be printed today on the Labels screen',
    );
    await expect(page.locator('.error-box')).toHaveCount(0);
    await expect(page.locator('.not-today').filter({ hasText: 'Procedure for Daily (Non-Bill Run) Backups' })).toContainText('No DAILY tape is loaded on 2026-12-03');
    await screenshot(page, 'procedures-day-before-bill-run');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: "Rehearse tomorrow's Bill Run (Friday, Dec. 4, 2026)" }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Rehearsal: Procedure for Bill Run Backups');
    await expect(page.getByRole('note').filter({ hasText: 'Rehearsal for 2026-12-04.' })).toContainText('Nothing is sent to BLT4');
    await expect(procedures.stepCount()).toHaveText(/^Step 1 of 13 · rehearsal/);
    // Enter walks through each step; nothing is read or sent
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let step = 1; step < 11; step++) {
      await page.keyboard.press('Enter');
      await expect(procedures.stepCount()).toHaveText(new RegExp(`^Step ${step + 1} of 13`));
    }
    // step 11: the command, not sent, with each tape's volume label beside its paper label
    await expect(page.locator('.command')).toContainText('Rehearsal: the console does not send this to BLT4 (TAPE_BACKUP):');
    const volumes = page.getByRole('table', { name: 'Paper label and volume label of each tape' });
    await expect(volumes.getByRole('row').filter({ hasText: '261204E' })).toContainText('61204E');
    await expect(page.locator('.step-note').filter({ hasText: 'Volume labels it writes:' })).toHaveText(
      'Volume labels it writes: 261204E → volume 61204E, 261204F → volume 61204F, 261204G → volume 61204G.',
    );
    await expect(page.locator('.step-note').filter({ hasText: 'system manager account' })).toBeVisible();
    await screenshot(page, 'procedure-rehearsal-command');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Rehearsed: next step, not sent (Enter)' }).click();
    await page.getByRole('button', { name: 'Rehearsed: next step (Enter)' }).click();
    await page.getByRole('button', { name: 'Rehearsed: next step (Enter)' }).click();
    const summary = page.getByRole('region', { name: /^Rehearsal, Steps done: Procedure for Bill Run Backups for 2026-12-04/ });
    await expect(summary).toContainText('A rehearsal: nothing was sent and nothing checked on the host');
    await expect(summary.getByRole('row').filter({ hasText: 'Rehearsal: not sent: SUBMIT/PARAMETER=3' })).toHaveCount(1);
    await screenshot(page, 'procedure-rehearsal-summary');

    // the queue shows no new entry: nothing was sent
    await page.getByRole('button', { name: 'Queues', exact: true }).click();
    await expect(page.getByRole('heading', { name: /TAPE_BACKUP/ }).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('row').filter({ hasText: /TAPEOPS_INITIALIZE_TAPES_/ })).toHaveCount(0);
    await screenshot(page, 'queues-after-rehearsal');
  });
});

test('the courier hand-off lists the Bill Run tapes since the last pickup with their return dates, and takes a receipt', async () => {
  test.setTimeout(120_000);
  // Tuesday 2026-12-15: the Bill Runs of the 9th and the 14th since Tuesday the 8th
  await consoleAt('2026-12-15T09:00', async (page) => {
    await page.getByRole('button', { name: 'Storing Backups Offsite (Iron Mountain courier)', exact: true }).click();
    const list = page.getByRole('table', { name: '10 tapes for the courier' });
    await expect(list.getByRole('row').filter({ hasText: '261209P' })).toContainText('Return after June 9, 2027');
    await expect(list.getByRole('row').filter({ hasText: '261214G' })).toContainText('Return after June 14, 2027');
    await screenshot(page, 'procedure-courier-list');
    expect(await seriousViolations(page)).toEqual([]);
    await confirmStep(page);
    await confirmStep(page);
    // the receipt: who took them and when, typed by the operator
    const done = page.getByRole('button', { name: 'Done: next step (Enter)' });
    await expect(done).toBeDisabled();
    await page.getByLabel('Taken by').fill('R. Diaz, Iron Mountain');
    await page.getByLabel('When').fill('15:20');
    await screenshot(page, 'procedure-courier-receipt');
    await done.click();
    const summary = page.getByRole('region', { name: /^Steps done: Storing Backups Offsite/ });
    await expect(summary.getByRole('row').filter({ hasText: 'Receipt: taken by R. Diaz, Iron Mountain, 15:20' })).toHaveCount(1);
  });
});
