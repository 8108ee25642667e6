/** A whole Bill Run day and the next morning's daily backup, on a fake clock. */
import { describe, expect, it } from 'vitest';
import { parseBatchLog, parseShowQueue } from '../../../shared/vms/parsers';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { retainFinishedJobs, run, shippedProfile, siteAt } from './site-fixture';

describe('the Bill Run chain', () => {
  it('runs every job in the plan order, holds the document backup until noon and spans D to G', async () => {
    const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
    // the chain's SUBMITs carry no /RETAIN: the queues keep every finished job, so that the whole
    // day can be read from SHOW QUEUE the next morning
    retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
    const drive = site.drive('BLT4');
    if (drive === undefined) throw new Error('no drive');
    loadBillRunMagazine(drive, shippedProfile(), '2010-08-03', { dailyLabel: 'DAILY 1' });
    const submitted = await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    expect(submitted.lines[0]).toMatch(/^Job INITIALIZE_TAPES \(queue TAPE_BACKUP, entry \d+\) started on TAPE_BACKUP$/);

    clock.advanceHours(5.5); // 11:30: RMU_BACKUP_DOCUMENT is waiting for noon
    const beforeNoon = await run(site, 'SHOW QUEUE/ALL TIME_BLT4');
    const listing = parseShowQueue(beforeNoon.output);
    if (!listing.ok || listing.refused) throw new Error('unreadable');
    const states = Object.fromEntries(listing.value.queues[0]?.entries.map((e) => [e.jobName, e.status.state]) ?? []);
    expect(states['INVOICE_STATEMENT_GENERATE']).toBe('retained-on-completion');
    expect(states['RMU_BACKUP_DATA']).toBe('executing');

    clock.advanceHours(24); // the next morning, after the daily backup at 06:05
    const all = await run(site, 'SHOW QUEUE/FULL/ALL');
    const parsed = parseShowQueue(all.output);
    if (!parsed.ok || parsed.refused) throw new Error('unreadable');
    const entries = parsed.value.queues.flatMap((q) => q.entries);
    const order = entries.sort((a, b) => a.entry - b.entry).map((e) => e.jobName);
    // the scheduler's entries are queued at the start of the day, holding until their time: the
    // daily backup of 2010-08-04 06:05 and the Bill Run's first job; the next daily one is held
    // once the 06:05 one has started
    expect(order).toEqual([
      'DAILY_BACKUP',
      'INVOICE_STATEMENT_GENERATE',
      'INITIALIZE_TAPES',
      'RMU_BACKUP_DATA',
      'PROD_AND_DEVEL_BACKUP',
      'BLT_CLEANUP',
      'RMU_BACKUP_DOCUMENT',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'DAILY_BACKUP',
    ]);
    const ran = entries.slice(0, -1);
    for (const entry of ran) expect([entry.jobName, entry.status.state]).toEqual([entry.jobName, 'retained-on-completion']);
    expect(entries.at(-1)?.status).toMatchObject({ state: 'holding-until' });
    const document = entries.find((e) => e.jobName === 'RMU_BACKUP_DOCUMENT');
    expect(document?.submitted?.iso.slice(0, 10)).toBe('2010-08-03');

    const snapshot = drive.snapshot();
    expect(snapshot.slots.map((s) => s?.volumeLabel ?? null)).toEqual(['00803P', '00803D', '00803E', '00803F', '00803G', 'DAILY1', null]);
    const consolidated = snapshot.slots.slice(1, 5).map((s) => s?.savesets.length ?? 0);
    expect(consolidated.every((n) => n > 0)).toBe(true);
    expect(snapshot.slots[0]?.savesets).toContain('MENTAT.BCK');
    expect(snapshot.slots[5]?.savesets).toContain('AIJ.BAK');

    const log = await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]CONSOLIDATED_BACKUP_TO_TAPE.LOG');
    expect(log.lines.filter((l) => l.startsWith('%BACKUP-I-RESUME')).length).toBe(3);
    const read = parseBatchLog(log.output);
    if (!read.ok || read.refused) throw new Error('log unreadable');
    expect(JSON.stringify(read.value)).toContain('LEASE_BATCH');
    const rmu = await run(site, 'TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]RMU_BACKUP_DATA.LOG');
    expect(rmu.lines.filter((l) => l.startsWith('%RMU-I-COMPLETED')).length).toBe(9);
    expect(rmu.lines.some((l) => l.startsWith('Job PROD_AND_DEVEL_BACKUP (queue TAPE_BACKUP'))).toBe(true);
    // SUBMIT's confirmation as the queue layouts write it (day blank-padded; hundredths or not is theirs)
    expect(rmu.lines.some((l) => /^Job RMU_BACKUP_DOCUMENT \(queue TIME_BLT4, entry \d+\) holding until {1,2}3-AUG-2010 12:00(:00\.00)?$/.test(l))).toBe(true);
  });
});
