/**
 * The Jobs screen through the simulated Bill Run morning, in Chromium against the browser shell:
 * the console starts at 07:00 on the plan's Bill Run day (2010-08-03) with its simulated site run
 * fast, so that the Bill Run submitted for 07:30 starts within seconds. The day's chain is shown
 * with the plan's arrows, a job executing shows its progress, Today says the chain in one line,
 * and all of it is reached from the keyboard.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './accessibility';
import { PINNED_NOW, startConsoleProcess, stopConsoleProcess } from './console-fixture';
import { HostsPage } from './pages/hosts-page';
import { JobsPage } from './pages/jobs-page';
import { SignInPage } from './pages/sign-in-page';
import { screenshot } from './screenshots';
import { chromiumArgs, chromiumPath } from '../support/chromium';

test.skip(process.env.TAPEOPS_E2E_SHELL === 'electron', 'the browser shell only: the simulated site is run fast here');

/** Real seconds per simulated hour: 07:30 comes 15 s after the start. */
const TIME_SCALE = '30';

const BILL_RUN_CHAIN = ['INVOICE_STATEMENT_GENERATE', 'RMU_BACKUP_DATA', 'PROD_AND_DEVEL_BACKUP', 'RMU_BACKUP_DOCUMENT', 'CONSOLIDATED_BACKUP_TO_TAPE'];

async function billRunMorning(run: (page: Page, jobs: JobsPage) => Promise<void>): Promise<void> {
  const running = await startConsoleProcess(['--time-scale', TIME_SCALE], PINNED_NOW);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(running.url);
    await new SignInPage(page).signIn('JS');
    const hosts = new HostsPage(page);
    await hosts.open();
    await hosts.connectAndApprove('BLT4');
    await run(page, new JobsPage(page));
  } finally {
    await browser.close();
    await stopConsoleProcess(running);
  }
}

/** Tabs forward until `target` has the focus; fails after `limit` presses rather than looping for ever. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${limit} presses of Tab did not reach ${target.toString()}`);
}

test('the Bill Run morning on the Jobs screen: the chain with its arrows, a job executing with its progress, Today’s line', async () => {
  test.setTimeout(240_000);
  await billRunMorning(async (page, jobs) => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Today', exact: true }).click();
    await expect(jobs.todayLine()).toBeVisible();
    await expect(jobs.todayLine()).not.toHaveAttribute('data-tone', 'failed');
    await screenshot(page, 'jobs-today-line');
    expect(await seriousViolations(page)).toEqual([]);

    await jobs.open();
    await expect(jobs.chain()).toHaveAttribute('data-date', '2010-08-03');
    await expect(jobs.chain().getByRole('heading', { level: 2 })).toHaveText('Bill Run chain, Tuesday, August 3, 2010');
    await expect.poll(() => jobs.jobNames()).toEqual(expect.arrayContaining(BILL_RUN_CHAIN));
    // the plan's arrows: the first job submits the second, which submits the document backup for noon
    await expect(jobs.arrowsInto('RMU_BACKUP_DATA')).toContainText('INVOICE_STATEMENT_GENERATE submits RMU_BACKUP_DATA');
    await expect(jobs.arrowsInto('RMU_BACKUP_DOCUMENT')).toContainText('RMU_BACKUP_DATA submits RMU_BACKUP_DOCUMENT at 12:00');
    await screenshot(page, 'jobs-bill-run-morning');
    expect(await seriousViolations(page)).toEqual([]);

    // past 07:30 the Bill Run runs, and then the full backup of the databases, item by item
    await expect(jobs.state('RMU_BACKUP_DATA')).toHaveText(/Executing/, { timeout: 150_000 });
    const progress = jobs.progress('RMU_BACKUP_DATA');
    await expect(progress).toHaveAttribute('aria-valuetext', /RMU_BACKUP_DATA: [1-9]\d* of 10 items done/, { timeout: 120_000 });
    const done = Number(await progress.getAttribute('value'));
    expect(done).toBeGreaterThanOrEqual(1);
    expect(await progress.getAttribute('max')).toBe('10');
    await expect(jobs.fact('RMU_BACKUP_DATA', 'In hand')).not.toHaveText('—');
    await expect(jobs.fact('RMU_BACKUP_DATA', 'Elapsed')).toHaveText(/^\d+:\d\d$/);
    await expect(jobs.fact('RMU_BACKUP_DATA', 'Log')).toContainText(/log read (just now|\d+ (s|min) ago)/);
    await expect(jobs.state('INVOICE_STATEMENT_GENERATE')).toHaveText(/Completed/);
    await expect(jobs.logTail('RMU_BACKUP_DATA').locator('.log-line').first()).toBeVisible();
    await expect(jobs.logTail('RMU_BACKUP_DATA').locator('.log-text.loading')).toHaveCount(0);
    await screenshot(page, 'jobs-executing');
    expect(await seriousViolations(page)).toEqual([]);

    // and Today says it in one line, with the way back to the Jobs screen
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Today', exact: true }).click();
    await expect(jobs.todayLine()).toHaveAttribute('data-tone', /running|waiting|ok|attention/);
    await expect(jobs.todayLine()).toContainText(/\S/);
  });
});

test('the Jobs screen from the keyboard: Today’s line leads there, the day is chosen, and a log tail scrolls with keys', async () => {
  test.setTimeout(240_000);
  await billRunMorning(async (page, jobs) => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Today', exact: true }).click();
    const openJobs = jobs.todayLine().getByRole('button', { name: 'Open the Jobs screen' });
    await tabTo(page, openJobs);
    await page.keyboard.press('Enter');
    await expect(jobs.heading()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Jobs', exact: true })).toHaveAttribute('aria-current', 'page');

    await tabTo(page, jobs.chainPicker());
    // the focus is seen: the console's focus ring, never the browser's default left out
    expect(await jobs.chainPicker().evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    await expect(jobs.state('RMU_BACKUP_DATA')).toHaveText(/Executing/, { timeout: 150_000 });
    const log = jobs.logTail('RMU_BACKUP_DATA');
    await expect.poll(() => log.locator('.log-line').count(), { timeout: 60_000 }).toBeGreaterThan(20);
    await tabTo(page, log, 120);
    await screenshot(page, 'jobs-keyboard-log');
    // following the end: Home goes to the first line and End back to the last
    await page.keyboard.press('Home');
    await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBe(0);
    await expect(log.locator('.log-line[data-line="1"]')).toBeVisible();
    await page.keyboard.press('End');
    await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(21);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
