/**
 * How a batch procedure meets a failed command, as DCL does: under SET NOON it goes on and exits
 * with the last command's status; under ON ERROR THEN EXIT (DCL's default) it stops at the first
 * error with that error's status. And each executing job has its process, BATCH_<entry>, under
 * the job's user.
 */
import { describe, expect, it } from 'vitest';
import { parseBatchLog } from '../../../shared/vms/parsers/batch-log';
import { parseShowQueue } from '../../../shared/vms/parsers/show-queue';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { errorHandlingOf, exitsOn } from '../../../src-main/simulator/batch/job-context';
import { fixture } from '../vms/parsers/fixtures';
import { commandsAndFailures, shapesOf } from './log-shapes';
import { retainFinishedJobs, run, shippedProfile, siteAt } from './site-fixture';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';
type Site = ReturnType<typeof siteAt>['site'];

async function queueEntries(site: Site) {
  const parsed = parseShowQueue((await run(site, 'SHOW QUEUE/BATCH/ALL_JOBS/FULL')).output);
  if (!parsed.ok || parsed.refused) throw new Error('SHOW QUEUE could not be read');
  return parsed.value.queues.flatMap((q) => q.entries.map((e) => ({ ...e, queue: q.name })));
}

/** The site manager edits a procedure: a new version of it, the same text with one line changed. */
async function editProcedure(site: Site, name: string, from: string, to: string): Promise<void> {
  const text = (await run(site, `TYPE DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]${name}.COM`)).lines;
  expect(text).toContain(from);
  const directory = site.inspect('BLT4').host.diskByLabel('MENTAT')?.directory('USER_DIR.LEASE_BACKUP.COM');
  if (directory === undefined) throw new Error('no procedures directory');
  const records = text.map((line) => (line === from ? to : line));
  directory.add({ name, type: 'COM', blocks: 3, created: site.now(), modified: site.now(), owner: '[SYSTEM]', records, openForWrite: false });
}

describe('error handling of a procedure', () => {
  it('reads it from the text as DCL meets it: SET NOON, ON ... THEN EXIT, or the default ON ERROR THEN EXIT', () => {
    expect(errorHandlingOf(['$! nothing said'])).toEqual({ kind: 'exit', at: 'E', line: null });
    expect(errorHandlingOf(['$ SET NOON', '$ SET VERIFY'])).toEqual({ kind: 'continue', line: 'SET NOON' });
    expect(errorHandlingOf(['$ on   warning then exit ! strict'])).toEqual({ kind: 'exit', at: 'W', line: 'ON WARNING THEN EXIT' });
    expect(errorHandlingOf(['$ SET NOON', '$ SET ON'])).toEqual({ kind: 'exit', at: 'E', line: 'SET ON' });
    expect(errorHandlingOf(['$ ON ERROR THEN GOTO FAILED'])).toMatchObject({ kind: 'continue' });
    const onError = errorHandlingOf(['$ ON ERROR THEN EXIT']);
    // a warning goes on, an error or a severe error exits; SET NOON never exits
    expect([0x10a38410, 0x0001c0ea, 0x02c88794].map((status) => exitsOn(onError, status))).toEqual([false, true, true]);
    expect(exitsOn(errorHandlingOf(['$ SET NOON']), 0x02c88794)).toBe(false);
  });

  it('stops an ON ERROR THEN EXIT procedure at its first error: the job ends on it and the chain stops there', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    await editProcedure(site, 'RMU_BACKUP_DATA', '$ SET NOON', '$ ON ERROR THEN EXIT');
    site.faults.backupAreaFull();
    clock.advanceHours(24);

    const entries = await queueEntries(site);
    const data = entries.find((e) => e.jobName === 'RMU_BACKUP_DATA');
    expect(data?.status.state).toBe('retained-on-error');
    // the status it exited with is the failed BACKUP's
    expect(data?.statusMessages.map((m) => `${m.facility}-${m.severity}-${m.ident}`)).toEqual(['BACKUP-F-WRITEERR']);
    // PROD_AND_DEVEL_BACKUP was submitted before the failure; RMU_BACKUP_DOCUMENT, at the end, never
    expect(entries.map((e) => e.jobName)).toContain('PROD_AND_DEVEL_BACKUP');
    expect(entries.map((e) => e.jobName)).not.toContain('RMU_BACKUP_DOCUMENT');
    expect(entries.map((e) => e.jobName)).not.toContain('CONSOLIDATED_BACKUP_TO_TAPE');

    const text = (await run(site, `TYPE ${LOGS}RMU_BACKUP_DATA.LOG`)).output;
    const log = parseBatchLog(text);
    if (!log.ok || log.refused) throw new Error('log unreadable');
    expect(log.value.commands.map((c) => c.verb).slice(-3)).toEqual(['ON', 'SUBMIT', 'BACKUP']);
    expect(log.value.trailer).not.toBeNull();
    const expected = fixture('batch-log', 'semantics-on-error-exit.txt');
    expect(shapesOf(text, commandsAndFailures)).toEqual(shapesOf(expected, commandsAndFailures));
    const read = parseBatchLog(expected);
    if (!read.ok || read.refused) throw new Error('fixture unreadable');
    expect(read.value.commands.map((c) => c.verb).slice(-3)).toEqual(['ON', 'SUBMIT', 'BACKUP']);
    expect(read.value.severe.map((m) => m.ident)).toEqual(['WRITEERR']);
  });

  it('ends a SET NOON procedure with its last command status: a failure there is the job failing', async () => {
    // the nightly AIJ backup's last command is an RMU/BACKUP/AFTER_JOURNAL: on a full disk it fails
    const { site, clock } = siteAt('2010-08-04T04:00:00', { dailyBackup: false });
    site.faults.backupAreaFull();
    clock.advanceHours(2);
    const entries = await queueEntries(site);
    const aij = entries.find((e) => e.jobName === 'AIJ_BACKUP');
    // SYS$BATCH keeps failed jobs (/RETAIN=ERROR)
    expect(aij).toMatchObject({ queue: 'SYS$BATCH', username: 'LEASE_BATCH', status: { state: 'retained-on-error' } });
    expect(aij?.statusMessages.map((m) => `${m.facility}-${m.severity}-${m.ident}`)).toEqual(['RMU-F-FATALERR']);
    const log = (await run(site, `TYPE ${LOGS}AIJ_BACKUP.LOG`)).lines;
    // every database was tried: SET NOON went on after each failure
    expect(log.filter((l) => l.startsWith('$ RMU/BACKUP/AFTER_JOURNAL'))).toHaveLength(4);
    expect(log.filter((l) => l.startsWith('%RMU-F-FATALERR'))).toHaveLength(4);
  });
});

describe('a tape failure in a SET NOON procedure', () => {
  it('medium offline: MOUNT fails, every BACKUP after it fails, the job still submits BLT_CLEANUP and completes', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    site.faults.mediumOffline();
    clock.advanceHours(24);
    const log = (await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`)).lines;
    const job = shippedProfile().jobs.find((j) => j.name === 'PROD_AND_DEVEL_BACKUP');
    const devices = job?.devices ?? [];
    expect(devices.length).toBeGreaterThan(1);
    expect(log).toContain('%MOUNT-F-MEDOFL, medium is offline');
    // each device's BACKUP was tried and failed to open its saveset: SET NOON went on
    for (const device of devices) {
      const at = log.findIndex((l) => l.startsWith('$ BACKUP/') && l.includes(`${device}.BCK/SAVE_SET`));
      expect(at, device).toBeGreaterThan(-1);
      expect(log[at + 1] ?? '', device).toMatch(new RegExp(`^%BACKUP-F-OPENOUT, error opening _?\\$2\\$MKA500:\\[000000\\]${device}\\.BCK;1 as output$`));
      expect(log[at + 2], device).toBe('-SYSTEM-F-MEDOFL, medium is offline');
    }
    expect(log).toContain('%DISM-W-CANNOTDMT, _$2$MKA500: cannot be dismounted');
    // the chain went on: the cleanup job was submitted after the tape work, and ran
    const entries = await queueEntries(site);
    expect(entries.find((e) => e.jobName === 'BLT_CLEANUP')?.status.state).toBe('retained-on-completion');
    // the procedure's last command was that SUBMIT: the job "succeeded"; only its log shows the failure
    expect(entries.find((e) => e.jobName === 'PROD_AND_DEVEL_BACKUP')?.status.state).toBe('retained-on-completion');
    const parsed = parseBatchLog((await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`)).output);
    if (!parsed.ok || parsed.refused) throw new Error('log unreadable');
    expect(parsed.value.severe.map((m) => m.ident)).toEqual(expect.arrayContaining(['MEDOFL', 'OPENOUT']));
  });

  it('a write error on one saveset: that BACKUP fails, the next device is still written to the same tape', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
    const drive = site.drive('BLT4')!;
    loadBillRunMagazine(drive, shippedProfile(), '2010-08-03');
    site.faults.tapeWriteError();
    clock.advanceHours(24);
    const log = (await run(site, `TYPE ${LOGS}PROD_AND_DEVEL_BACKUP.LOG`)).lines;
    const failedAt = log.findIndex((l) => l.startsWith('%BACKUP-F-WRITEERR'));
    expect(failedAt).toBeGreaterThan(-1);
    expect(log[failedAt + 1]).toBe('-SYSTEM-F-PARITY, parity error');
    const failedSaveset = /\](\w+\.BCK);1$/.exec(log[failedAt] ?? '')?.[1];
    // a later BACKUP of the same procedure ran and copied its files
    const later = log.slice(failedAt).filter((l) => l.startsWith('$ BACKUP/'));
    expect(later.length).toBeGreaterThan(0);
    expect(log.slice(failedAt).some((l) => l.startsWith('%BACKUP-S-COPIED'))).toBe(true);
    const onTape = drive.slots.flatMap((t) => t?.savesets.map((s) => s.name) ?? []);
    const device = /(\w+)\.BCK\/SAVE_SET/.exec(later[0] ?? '')?.[1];
    expect(onTape).toContain(`${device ?? ''}.BCK`);
    expect(failedSaveset).toBeDefined();
  });
});

describe('the process of a batch job', () => {
  it('is BATCH_<entry>, under the user the job runs as, while the job executes', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    const manager = site.inspect('BLT4').queues;
    if (manager === undefined) throw new Error('no queue manager');
    loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
    clock.advanceHours(1.75); // 07:45: the Bill Run's first job is executing
    site.advance();
    const [invoice] = (await queueEntries(site)).filter((e) => e.status.state === 'executing');
    expect(invoice).toMatchObject({ jobName: 'INVOICE_STATEMENT_GENERATE', username: 'LEASE_BATCH' });
    expect(manager.processes()).toEqual([expect.objectContaining({ name: `BATCH_${invoice?.entry ?? 0}`, username: 'LEASE_BATCH', entry: invoice?.entry })]);
    expect(manager.processes()[0]?.pid).toMatch(/^[0-9A-F]{8}$/);

    // a job submitted by the system manager without /USER runs as SYSTEM, in its own process
    const submitted = await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    const entry = Number(/entry (\d+)/.exec(submitted.lines[0] ?? '')?.[1]);
    site.advance();
    expect(manager.processes().map((p) => [p.name, p.username])).toEqual([
      [`BATCH_${invoice?.entry ?? 0}`, 'LEASE_BATCH'],
      [`BATCH_${entry}`, 'SYSTEM'],
    ]);
    expect(new Set(manager.processes().map((p) => p.pid)).size).toBe(2);

    // when the job ends, its process is gone; what it wrote is owned by its user
    clock.advanceHours(1);
    site.advance();
    expect(manager.processes().map((p) => p.entry)).not.toContain(invoice?.entry);
    const owned = await run(site, `DIRECTORY/OWNER ${LOGS}INVOICE_STATEMENT_GENERATE.LOG;0`);
    expect(owned.output).toMatch(/INVOICE_STATEMENT_GENERATE\.LOG;\d+\s+\[LEASE_BATCH\]/);
    const log = (await run(site, `TYPE ${LOGS}INVOICE_STATEMENT_GENERATE.LOG`)).lines;
    expect(log).toContainEqual(expect.stringMatching(/^ {2}LEASE_BATCH {2}job terminated at /));
  });
});
