/**
 * SUBMIT/USER in the simulated BLT4, as OpenVMS does it: the job runs as the user named (its log
 * in that user's login directory, owned by that user, its accounting under that name), SHOW QUEUE
 * and SHOW ENTRY list that user in the Username column, and an account without CMKRNL is refused.
 */
import { describe, expect, it } from 'vitest';
import { parseShowEntry } from '../../../shared/vms/parsers/show-entry';
import { parseShowQueue } from '../../../shared/vms/parsers/show-queue';
import { run, siteAt } from './site-fixture';

const PROCEDURES = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]';
const LOGS = 'DISK$MENTAT:[USER_DIR.LEASECOMM]';

type Site = ReturnType<typeof siteAt>['site'];

async function entriesOf(site: Site, queue: string) {
  const parsed = parseShowQueue((await run(site, `SHOW QUEUE/ALL_JOBS/FULL ${queue}`)).output);
  if (!parsed.ok || parsed.refused) throw new Error(`SHOW QUEUE ${queue} could not be read`);
  return parsed.value.queues.flatMap((q) => q.entries);
}

describe('SUBMIT/USER in the simulated site', () => {
  it("runs the job as the named user: SHOW QUEUE's Username column in OpenVMS's layout, SHOW ENTRY's Blocks", async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const submitted = await run(site, `SUBMIT/QUEUE=TAPE_BACKUP/RETAIN=ALWAYS/NAME=ADHOC_LEASE/USER=LEASE_BATCH ${PROCEDURES}RMU_BACKUP_LEASE_DATA.COM`);
    expect(submitted.lines[0]).toMatch(/^Job ADHOC_LEASE \(queue TAPE_BACKUP, entry \d+\) (started on TAPE_BACKUP|pending)$/);

    const listing = await run(site, 'SHOW QUEUE/ALL_JOBS TAPE_BACKUP');
    const header = listing.lines.findIndex((line) => line.includes('Jobname'));
    expect(listing.lines.slice(header, header + 3)).toEqual([
      // V5.5 and later: a batch queue has no Blocks column (SHOW ENTRY has it)
      '  Entry  Jobname         Username             Status',
      '  -----  -------         --------             ------',
      expect.stringMatching(/^ {3}\d{4}  ADHOC_LEASE     LEASE_BATCH          Executing$/),
    ]);
    // the columns line up under their names, as OpenVMS prints them
    const row = listing.lines[header + 2] ?? '';
    const names = listing.lines[header] ?? '';
    expect(row.indexOf('LEASE_BATCH')).toBe(names.indexOf('Username'));
    expect(row.indexOf('Executing')).toBe(names.indexOf('Status'));

    const [entry] = await entriesOf(site, 'TAPE_BACKUP');
    expect(entry).toMatchObject({ jobName: 'ADHOC_LEASE', username: 'LEASE_BATCH', status: { state: 'executing' } });
    expect(entry?.blocks).toBeNull();
    const shown = await run(site, `SHOW ENTRY/FULL ${entry?.entry ?? 0}`);
    const blocksAt = shown.lines.find((line) => line.includes('Blocks')) ?? '';
    const shownRow = shown.lines[shown.lines.indexOf(blocksAt) + 2] ?? '';
    expect(shownRow.slice(0, blocksAt.indexOf('Blocks') + 6).trimEnd()).toMatch(/ADHOC_LEASE +LEASE_BATCH +\d+$/);
  });

  it("shows the user in SHOW ENTRY, and the entry among that user's own", async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await run(site, `SUBMIT/QUEUE=TIME_BLT4/NAME=CLEANUP_AS_BATCH/USER=LEASE_BATCH ${PROCEDURES}BLT_CLEANUP.COM`);
    // the system manager's own entries do not include it; the batch user's do
    expect((await run(site, 'SHOW ENTRY')).lines).toEqual(['%JBC-E-NOSUCHENT, no such entry']);
    const asBatch = await site.exec('BLT4', 'SHOW ENTRY', { username: 'LEASE_BATCH' });
    const parsed = parseShowEntry(asBatch.output);
    if (!parsed.ok || parsed.refused) throw new Error('SHOW ENTRY could not be read');
    expect(parsed.value.entries.map((e) => [e.jobName, e.username, e.queue])).toEqual([['CLEANUP_AS_BATCH', 'LEASE_BATCH', 'TIME_BLT4']]);
  });

  it("writes the job's log in the user's login directory, owned by the user, and accounts the job to the user", async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await run(site, `SUBMIT/QUEUE=TIME_BLT4/NAME=CLEANUP_AS_BATCH/USER=LEASE_BATCH ${PROCEDURES}BLT_CLEANUP.COM`);
    clock.advanceMinutes(30);
    const directory = await run(site, `DIRECTORY/OWNER ${LOGS}CLEANUP_AS_BATCH.LOG`);
    expect(directory.output).toMatch(/CLEANUP_AS_BATCH\.LOG;\d+\s+\[LEASE_BATCH\]/);
    const log = await run(site, `TYPE ${LOGS}CLEANUP_AS_BATCH.LOG`);
    expect(log.lines).toContainEqual(expect.stringMatching(/^ {2}LEASE_BATCH {2}job terminated at /));
  });

  it("runs a job without /USER as the account that submitted it: the plan's INITIALIZE_TAPES from the system manager", async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=ALWAYS SYS$LOGIN:INITIALIZE_TAPES.COM');
    const [entry] = await entriesOf(site, 'TAPE_BACKUP');
    expect(entry).toMatchObject({ jobName: 'INITIALIZE_TAPES', username: 'SYSTEM' });
    expect(entry?.file).toMatch(/\[SYS0\.SYSMGR\]INITIALIZE_TAPES\.COM;\d+$/);
  });

  it('refuses /USER from an account without CMKRNL, as the job controller does, and queues nothing', async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const refused = await site.exec('BLT4', `SUBMIT/QUEUE=TIME_BLT4/USER=SYSTEM ${PROCEDURES}BLT_CLEANUP.COM`, { username: 'LEASE_BATCH' });
    expect(refused.output).toBe('%SUBMIT-F-CREJOB, error creating job\r\n-SYSTEM-F-NOPRIV, no privilege for attempted operation\r\n');
    expect(refused.status & 7).toBe(4); // F: severe error
    // even naming itself: /USER asks for the privilege, whoever is named
    const itself = await site.exec('BLT4', `SUBMIT/QUEUE=TIME_BLT4/USER=LEASE_BATCH ${PROCEDURES}BLT_CLEANUP.COM`, { username: 'LEASE_BATCH' });
    expect(itself.output).toContain('-SYSTEM-F-NOPRIV, no privilege for attempted operation');
    expect(await entriesOf(site, 'TIME_BLT4')).toEqual([]);
    // without /USER the batch account submits its own job, which runs as it
    const own = await site.exec('BLT4', `SUBMIT/QUEUE=TIME_BLT4/NAME=OWN_CLEANUP ${PROCEDURES}BLT_CLEANUP.COM`, { username: 'LEASE_BATCH' });
    expect(own.output).toMatch(/^Job OWN_CLEANUP \(queue TIME_BLT4, entry \d+\) started on TIME_BLT4/);
    expect((await entriesOf(site, 'TIME_BLT4')).map((e) => [e.jobName, e.username])).toEqual([['OWN_CLEANUP', 'LEASE_BATCH']]);
  });

  it('refuses a user the host does not know', async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const result = await run(site, `SUBMIT/QUEUE=TIME_BLT4/USER=NOBODY ${PROCEDURES}BLT_CLEANUP.COM`);
    expect(result.lines).toEqual(['%SUBMIT-F-CREJOB, error creating job', '-JBC-E-INVUSER, invalid user name']);
    expect(await entriesOf(site, 'TIME_BLT4')).toEqual([]);
  });
});
