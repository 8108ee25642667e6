/**
 * Every log the simulated BLT4 writes on a Bill Run day (and the seeded logs of the days before)
 * read by the log parser with no line lost, and with nothing unread but the one line of program
 * output the parser cannot know (the invoice run's count): a line of a new shape written by the
 * simulator fails here until the parser reads it, so the two cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog, type BatchLog } from '../../../../shared/vms/parsers/batch-log';
import { loadBillRunMagazine } from '../../../../src-main/simulator/drive/operator-steps';
import { retainFinishedJobs, run, shippedProfile, siteAt } from '../../simulator/site-fixture';
import { expectNoLineLost } from './batch-log-coverage';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';

async function billRunLogs(): Promise<Map<string, { text: string; value: BatchLog }>> {
  const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
  retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
  const drive = site.drive('BLT4');
  if (drive === undefined) throw new Error('no drive');
  loadBillRunMagazine(drive, shippedProfile(), '2010-08-03', { dailyLabel: 'DAILY 1' });
  await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
  clock.advanceHours(29.5);
  const directory = await run(site, `DIRECTORY ${LOGS}*.LOG;*`);
  const logs = new Map<string, { text: string; value: BatchLog }>();
  for (const [file] of directory.output.matchAll(/[A-Z0-9_$]+\.LOG;\d+/g)) {
    const typed = await run(site, `TYPE ${LOGS}${file}`);
    const result = parseBatchLog(typed.output);
    if (!result.ok || result.refused) throw new Error(`${file} unreadable: ${JSON.stringify(result)}`);
    logs.set(file, { text: typed.output, value: result.value });
  }
  return logs;
}

describe("the simulated site's batch logs", () => {
  it('are read with no line lost, and only the invoice count is left unread', async () => {
    const logs = await billRunLogs();
    expect(logs.size).toBeGreaterThan(10);
    const unread = new Set<string>();
    for (const [file, { text, value }] of logs) {
      expectNoLineLost(text, value);
      for (const line of value.unread) unread.add(`${file.replace(/;\d+$/, '')}: ${line.text.replace(/\d+/g, 'N')}`);
    }
    expect([...unread]).toEqual(['INVOICE_STATEMENT_GENERATE.LOG: N statements generated']);
  }, 120_000);

  it("reads the chain's SUBMITs and the tape-spanning requests as what they are", async () => {
    const logs = await billRunLogs();
    const latest = (name: string) =>
      [...logs.entries()].filter(([file]) => file.startsWith(`${name};`)).sort(([a], [b]) => Number(b.split(';')[1]) - Number(a.split(';')[1]))[0]?.[1].value;
    const rmu = latest('RMU_BACKUP_DATA.LOG');
    expect(rmu?.submissions.map((submission) => [submission.jobName, submission.queue, submission.entry > 0])).toEqual([
      ['PROD_AND_DEVEL_BACKUP', 'TAPE_BACKUP', true],
      ['RMU_BACKUP_DOCUMENT', 'TIME_BLT4', true],
    ]);
    // each confirmation follows the SUBMIT that made it
    for (const submission of rmu?.submissions ?? []) expect(rmu?.commands[submission.command ?? -1]?.verb).toBe('SUBMIT');
    const consolidated = latest('CONSOLIDATED_BACKUP_TO_TAPE.LOG');
    expect(consolidated?.requests.map((request) => [request.volume, request.write])).toEqual([
      [2, 'ENABLED'],
      [2, 'ENABLED'],
      [2, 'ENABLED'],
    ]);
    expect(consolidated?.trailer).toMatchObject({ complete: true, accounting: { layout: 'alpha' } });
  }, 120_000);
});
