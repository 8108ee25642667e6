/**
 * "All backups should run as USER=LEASE_BATCH": the adhoc backup the console sends carries
 * /USER=LEASE_BATCH and goes to TAPE_BACKUP, and SHOW QUEUE, as the Queues screen shows it, names
 * LEASE_BATCH as the entry's user.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { startConsoleProcess, stopConsoleProcess } from './console-fixture';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { seriousViolations } from './accessibility';
import { screenshot } from './screenshots';
import { ProceduresPage } from './pages/procedures-page';

test.skip(process.env.TAPEOPS_E2E_SHELL === 'electron', 'the browser shell only: it starts its own console');

// the day before a Bill Run (a daily day), mid-morning: the adhoc backup is run for today
const TODAY = '2026-12-03';

test('an adhoc backup sent by the console runs as LEASE_BATCH in TAPE_BACKUP, and the Queues screen says so', async () => {
  test.setTimeout(120_000);
  const running = await startConsoleProcess([], `${TODAY}T09:00`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' })).newPage();
    await page.goto(running.url);
    await sendAdhocLeaseBackup(page);
    await queuesShowBatchUser(page);
  } finally {
    await browser.close();
    await stopConsoleProcess(running);
  }
});

async function sendAdhocLeaseBackup(page: Page): Promise<void> {
  const procedures = await ProceduresPage.readyWithBlt4(page);
  await expect(page.getByLabel('Database to back up')).toHaveValue('RMU_BACKUP_LEASE_DATA');
  await procedures.start('Performing Adhoc (Manual) Backups', TODAY);
  // the console lists the procedures itself; the tape is set up and scanned; the command step
  // shows the exact SUBMIT
  const command = page.locator('.step-card pre');
  const scanField = page.getByLabel('Label of the tape in slot 1', { exact: true });
  const confirm = page.getByRole('button', { name: /^Done: next step \(Enter\)$/ });
  for (let step = 0; step < 12; step += 1) {
    await expect(command.or(scanField).or(confirm).first()).toBeVisible({ timeout: 20_000 });
    if (await command.isVisible()) break;
    if (await scanField.isVisible()) {
      const tape = /DAILY \d/.exec((await page.locator('.step-card').textContent()) ?? '')?.[0];
      if (tape === undefined) throw new Error('the tape step names no DAILY tape');
      await procedures.putTape(1, tape);
      await procedures.scan(1, tape);
      await expect(scanField).toBeHidden({ timeout: 20_000 });
    } else await confirm.click();
  }
  await expect(command).toHaveText(
    /^SUBMIT\/QUEUE=TAPE_BACKUP\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_RMU_BACKUP_LEASE_DATA_[0-9A-Z]{6}\/USER=LEASE_BATCH DISK\$MENTAT:\[USER_DIR\.LEASE_BACKUP\.COM\]RMU_BACKUP_LEASE_DATA\.COM$/,
  );
  await procedures.confirm();
  await expect(page.getByText(/Job TAPEOPS_RMU_BACKUP_LEASE_DATA_[0-9A-Z]{6} \(queue TAPE_BACKUP, entry \d+\)/).first()).toBeVisible({ timeout: 20_000 });
}

async function queuesShowBatchUser(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Queues', exact: true }).click();
  const tapeQueue = page.getByRole('region', { name: /^TAPE_BACKUP/ });
  const row = tapeQueue.getByRole('row').filter({ hasText: /TAPEOPS_RMU_BACKUP_LEASE_DATA_[0-9A-Z]{6}/ });
  await expect(row).toHaveCount(1, { timeout: 20_000 });
  // the Runs as column, read from SHOW QUEUE's Username column
  const userColumn = await tapeQueue.getByRole('columnheader').allTextContents();
  const userIndex = userColumn.findIndex((name) => /^Runs as$/i.test(name.trim()));
  expect(userIndex).toBeGreaterThan(-1);
  await expect(row.getByRole('cell').nth(userIndex)).toHaveText('LEASE_BATCH');
  // nothing of the console's own runs as the account it logs in with, and no warning about the user
  await expect(page.getByTestId('wrong-user')).toHaveCount(0);
  await expect(page.getByRole('row').filter({ hasText: 'TAPEOPS_RMU_BACKUP_LEASE_DATA_' }).filter({ hasText: 'SYSTEM' })).toHaveCount(0);
  await screenshot(page, 'queues-adhoc-as-lease-batch');
  expect(await seriousViolations(page)).toEqual([]);
}
