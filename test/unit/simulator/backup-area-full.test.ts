/**
 * The backup area full on a Bill Run day, as on the real BLT4: the plan's procedures run under
 * SET NOON, so every saveset and RBF file written to the full disk fails with its messages, the
 * procedures go on and submit the rest of the chain, and each job exits with its last command's
 * status (a SUBMIT's: success). SHOW QUEUE and SHOW ENTRY show the jobs completed; only their logs
 * hold the F messages. What decides is the disk's free blocks, not the fault's name.
 */
import { describe, expect, it } from 'vitest';
import { isBillRunDay } from '../../../shared/calendar/bill-run-search';
import { parseBatchLog } from '../../../shared/vms/parsers/batch-log';
import { parseShowEntry } from '../../../shared/vms/parsers/show-entry';
import { parseShowQueue } from '../../../shared/vms/parsers/show-queue';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { fixture } from '../vms/parsers/fixtures';
import { commandsAndFailures, shapesOf } from './log-shapes';
import { retainFinishedJobs, run, shippedProfile, siteAt } from './site-fixture';

const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';
const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';
type Site = ReturnType<typeof siteAt>['site'];

async function queueEntries(site: Site) {
  const parsed = parseShowQueue((await run(site, 'SHOW QUEUE/BATCH/ALL_JOBS/FULL')).output);
  if (!parsed.ok || parsed.refused) throw new Error('SHOW QUEUE could not be read');
  return parsed.value.queues.flatMap((q) => q.entries.map((e) => ({ ...e, queue: q.name })));
}

async function logOf(site: Site, job: string) {
  const text = (await run(site, `TYPE ${LOGS}${job}.LOG`)).output;
  const parsed = parseBatchLog(text);
  if (!parsed.ok || parsed.refused) throw new Error(`${job}.LOG could not be read`);
  return { text, log: parsed.value };
}

/** A Bill Run day with the magazine loaded, every finished job kept in its queue, the backup area full from the start. */
function billRunWithFullArea(): { site: Site; clock: ReturnType<typeof siteAt>['clock'] } {
  expect(isBillRunDay(shippedProfile().calendar, '2010-08-03')).toBe(true);
  const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
  retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
  loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03', { dailyLabel: 'DAILY 1' });
  site.faults.backupAreaFull();
  return { site, clock };
}

describe('the backup area full on a Bill Run day', () => {
  it('shows every job of the chain completed with success in SHOW QUEUE and SHOW ENTRY, while the logs hold the F messages', async () => {
    const { site, clock } = billRunWithFullArea();
    clock.advanceHours(24);
    const entries = await queueEntries(site);
    const ran = ['INVOICE_STATEMENT_GENERATE', 'RMU_BACKUP_DATA', 'PROD_AND_DEVEL_BACKUP', 'BLT_CLEANUP', 'RMU_BACKUP_DOCUMENT', 'CONSOLIDATED_BACKUP_TO_TAPE'];
    // the chain went on past the failures: every job was submitted and ran to its end
    for (const job of ran) {
      const entry = entries.find((e) => e.jobName === job);
      expect([job, entry?.status.state, entry?.statusMessages]).toEqual([job, 'retained-on-completion', []]);
    }
    const data = entries.find((e) => e.jobName === 'RMU_BACKUP_DATA');
    const shown = parseShowEntry((await run(site, `SHOW ENTRY ${data?.entry ?? 0}/FULL`)).output);
    if (!shown.ok || shown.refused) throw new Error('SHOW ENTRY could not be read');
    expect(shown.value.entries[0]).toMatchObject({
      jobName: 'RMU_BACKUP_DATA',
      username: 'LEASE_BATCH',
      status: { state: 'retained-on-completion' },
      statusMessages: [],
    });

    // ... and the logs say what went wrong: each database's RBF and each file area's saveset
    const { log } = await logOf(site, 'RMU_BACKUP_DATA');
    const codes = log.severe.flatMap((m) => [m, ...m.continuation]).map((m) => `${m.facility}-${m.severity}-${m.ident}`);
    expect(codes.filter((c) => c === 'RMU-F-WRITEERR')).toHaveLength(9);
    expect(codes.filter((c) => c === 'BACKUP-F-WRITEERR')).toHaveLength(1);
    expect(codes.filter((c) => c === 'RMS-F-FUL')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RMU-F-FTL_BCK')).toHaveLength(9);
    // the last commands are the SUBMIT of RMU_BACKUP_DOCUMENT and EXIT, after every failure
    expect(log.commands.slice(-2).map((c) => c.verb)).toEqual(['SUBMIT', 'EXIT']);
    const document = await logOf(site, 'RMU_BACKUP_DOCUMENT');
    expect(document.log.severe.filter((m) => m.ident === 'WRITEERR')).toHaveLength(4);
    expect(document.log.commands.at(-2)?.text).toMatch(/^\$ SUBMIT\/QUEUE=TAPE_BACKUP.* DISK\$MENTAT:\[USER_DIR\.LEASE_BACKUP\.COM\]CONSOLIDATED_BACKUP_TO_TAPE\.COM$/);
  });

  it('writes the failing procedure in the layout of the fixture from the manuals', async () => {
    const { site, clock } = billRunWithFullArea();
    clock.advanceHours(3);
    const { text } = await logOf(site, 'RMU_BACKUP_DATA');
    const expected = fixture('batch-log', 'semantics-noon-backup-area-full.txt');
    expect(shapesOf(text, commandsAndFailures)).toEqual(shapesOf(expected, commandsAndFailures));
    // the fixture reads as the simulator's log does: commands, the F messages, the trailer
    const parsed = parseBatchLog(expected);
    if (!parsed.ok || parsed.refused) throw new Error('the fixture could not be read');
    expect(parsed.value.worstSeverity).toBe('F');
    expect(parsed.value.commands.map((c) => c.verb)).toEqual(['SET', 'VERIFY', 'SET', 'SUBMIT', 'BACKUP', 'RMU', 'RMU', 'SUBMIT', 'EXIT']);
    expect(parsed.value.trailer).not.toBeNull();
    expect(parsed.value.unread).toEqual([]);
  });

  it("fails every RBF and saveset written after the fault, the disk's free blocks deciding", async () => {
    const { site, clock } = billRunWithFullArea();
    const area = site.inspect('BLT4').host.diskByLabel('BACKUP_01');
    if (area === undefined) throw new Error('no backup area disk');
    clock.advanceHours(5); // 11:00: RMU_BACKUP_DATA has used the last blocks
    site.advance();
    expect(area.freeBlocks()).toBe(0);
    // (CONSOLIDATED_BACKUP_TO_TAPE's purge of old AIJ files frees room in the afternoon)
    clock.advanceHours(19);
    site.advance();
    const directory = area.directory('LEASE_BACKUP');
    const today = (type: string) => directory?.files.filter((f) => f.type === type && f.created.getTime() >= new Date('2010-08-03T07:30:00').getTime()) ?? [];
    // 13 databases' RBF files and LEASE_FILES's saveset were started today; none is complete
    expect(today('RBF')).toHaveLength(13);
    expect(today('BCK')).toHaveLength(1);
    const { log } = await logOf(site, 'RMU_BACKUP_DATA');
    expect(log.messages.some((m) => m.ident === 'COMPLETED')).toBe(false);
    expect(log.messages.some((m) => m.ident === 'COPIED')).toBe(false);
  });

  it('fails a LEASE_FILES backup on a disk with no free blocks even without the fault, and succeeds once there is room', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const area = site.inspect('BLT4').host.diskByLabel('BACKUP_01');
    const directory = area?.directory('LEASE_BACKUP');
    if (area === undefined || directory === undefined) throw new Error('no backup area');
    const filler = directory.add({
      name: 'REPORTS_EXTRACT',
      type: 'DAT',
      blocks: area.freeBlocks(),
      created: site.now(),
      modified: site.now(),
      owner: '[SYSTEM]',
      records: null,
      openForWrite: false,
    });
    expect(site.faults.active()).toEqual([]);
    await run(site, `SUBMIT/QUEUE=TAPE_BACKUP/USER=LEASE_BATCH/NAME=FULL_DISK ${PROCEDURES}DAILY_BACKUP.COM`);
    clock.advanceMinutes(30);
    const full = (await run(site, `TYPE ${LOGS}FULL_DISK.LOG`)).lines;
    expect(full).toContain('-RMS-F-FUL, device full (insufficient space for allocation)');
    expect(full.some((l) => /^%BACKUP-F-WRITEERR, error writing DISK\$BACKUP_01:\[LEASE_BACKUP\]LEASE_FILES_BACKUP\.INC;\d+$/.test(l))).toBe(true);

    directory.remove(filler);
    await run(site, `SUBMIT/QUEUE=TAPE_BACKUP/USER=LEASE_BATCH/NAME=ROOM_AGAIN ${PROCEDURES}DAILY_BACKUP.COM`);
    clock.advanceMinutes(30);
    const again = (await run(site, `TYPE ${LOGS}ROOM_AGAIN.LOG`)).lines;
    expect(again.some((l) => l.includes('WRITEERR'))).toBe(false);
    expect(again.some((l) => l.startsWith('%BACKUP-S-COPIED, copied RDB1$DISK00:[LEASE_'))).toBe(true);
  });
});
