/**
 * Job retention as on OpenVMS: the plan's queues keep no finished job, SYS$BATCH keeps failed
 * ones (/RETAIN=ERROR), and a SUBMIT's own /RETAIN (ALWAYS, ERROR, UNTIL, DEFAULT) keeps its
 * entry, an UNTIL one until that time comes on the site's clock.
 */
import { describe, expect, it } from 'vitest';
import { submitJob } from '../../../shared/vms/dcl/submit-job';
import { parseShowQueue } from '../../../shared/vms/parsers/show-queue';
import { run, shippedProfile, siteAt } from './site-fixture';

const CLEANUP = 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]BLT_CLEANUP.COM';
// on 4-AUG-2010 no tape is loaded: the job ends in %MOUNT-F-MEDOFL
const FAILING = 'SYS$LOGIN:INITIALIZE_TAPES.COM';

type Site = ReturnType<typeof siteAt>['site'];

/** Every entry of BLT4's batch queues by job name: its queue and state. */
async function entries(site: Site): Promise<Record<string, string>> {
  const parsed = parseShowQueue((await run(site, 'SHOW QUEUE/BATCH/ALL_JOBS/FULL')).output);
  if (!parsed.ok || parsed.refused) throw new Error('the listing could not be read');
  return Object.fromEntries(parsed.value.queues.flatMap((q) => q.entries.map((e) => [e.jobName, `${q.name} ${e.status.state}`])));
}

async function submit(site: Site, qualifiers: string, file = CLEANUP): Promise<string> {
  const result = await run(site, `SUBMIT${qualifiers} ${file}`);
  expect(result.lines[0], qualifiers).toMatch(/^Job \w+ \(queue \w+\$?\w*, entry \d+\) started on/);
  return result.lines[0] ?? '';
}

describe('job retention in the simulated BLT4', () => {
  it("gives the plan's queues no /RETAIN: a job that has run leaves them", async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const listing = parseShowQueue((await run(site, 'SHOW QUEUE/BATCH/FULL')).output);
    if (!listing.ok || listing.refused) throw new Error('unreadable');
    expect(Object.fromEntries(listing.value.queues.map((q) => [q.name, q.retain]))).toEqual({ SYS$BATCH: 'ERROR', TIME_BLT4: null, TAPE_BACKUP: null });

    await submit(site, '/QUEUE=TIME_BLT4/NAME=PLAIN');
    expect(await entries(site)).toEqual({ PLAIN: 'TIME_BLT4 executing' });
    clock.advanceMinutes(30);
    expect(await entries(site)).toEqual({});
    // it did run: its log is there
    expect((await run(site, 'TYPE SYS$LOGIN:PLAIN.LOG')).status & 1).toBe(1);
  });

  it('keeps an entry submitted /RETAIN=ALWAYS, failed or not, until DELETE/ENTRY', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await submit(site, '/QUEUE=TIME_BLT4/RETAIN=ALWAYS/NAME=KEPT_OK');
    const failing = await submit(site, '/QUEUE=TAPE_BACKUP/RETAIN=ALWAYS/NAME=KEPT_FAILED/PARAMETER=3', FAILING);
    clock.advanceHours(30);
    expect(await entries(site)).toEqual({ KEPT_OK: 'TIME_BLT4 retained-on-completion', KEPT_FAILED: 'TAPE_BACKUP retained-on-error' });
    const entry = /entry (\d+)/.exec(failing)?.[1] ?? '';
    expect((await run(site, `DELETE/ENTRY=${entry}`)).status & 1).toBe(1);
    expect(await entries(site)).toEqual({ KEPT_OK: 'TIME_BLT4 retained-on-completion' });
  });

  it('keeps a /RETAIN=ERROR entry only when the job fails', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await submit(site, '/QUEUE=TIME_BLT4/RETAIN=ERROR/NAME=ENDED_WELL');
    await submit(site, '/QUEUE=TAPE_BACKUP/RETAIN=ERROR/NAME=ENDED_BADLY/PARAMETER=3', FAILING);
    clock.advanceMinutes(30);
    expect(await entries(site)).toEqual({ ENDED_BADLY: 'TAPE_BACKUP retained-on-error' });
  });

  it('keeps a /RETAIN=UNTIL entry until its time, then removes it as the clock moves', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    // a delta time counts from the job's end (BLT_CLEANUP takes five minutes: it ends at 09:05)
    await submit(site, '/QUEUE=TIME_BLT4/RETAIN=UNTIL=0-01:00/NAME=DELTA');
    await submit(site, '/QUEUE=TIME_BLT4/RETAIN=UNTIL="+0:30"/NAME=COMBINED');
    await submit(site, '/QUEUE=TIME_BLT4/RETAIN=UNTIL=4-AUG-2010:09:50/NAME=ABSOLUTE');
    clock.advanceMinutes(20);
    expect(await entries(site)).toEqual({
      DELTA: 'TIME_BLT4 retained-on-completion',
      COMBINED: 'TIME_BLT4 retained-on-completion',
      ABSOLUTE: 'TIME_BLT4 retained-on-completion',
    });
    clock.advanceMinutes(20); // 09:40: 35 minutes after the end
    expect(Object.keys(await entries(site))).toEqual(['DELTA', 'ABSOLUTE']);
    clock.advanceMinutes(15); // 09:55
    expect(Object.keys(await entries(site))).toEqual(['DELTA']);
    clock.advanceMinutes(15); // 10:10
    expect(await entries(site)).toEqual({});
  });

  it('leaves /RETAIN=DEFAULT to the queue: SYS$BATCH keeps the failed job only', async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    await submit(site, '/QUEUE=SYS$BATCH/RETAIN=DEFAULT/NAME=DEFAULT_OK');
    await submit(site, '/QUEUE=SYS$BATCH/RETAIN=DEFAULT/NAME=DEFAULT_FAILED/PARAMETER=3', FAILING);
    await submit(site, '/QUEUE=TAPE_BACKUP/RETAIN=DEFAULT/NAME=TAPE_FAILED/PARAMETER=3', FAILING);
    clock.advanceMinutes(30);
    expect(await entries(site)).toEqual({ DEFAULT_FAILED: 'SYS$BATCH retained-on-error' });
  });

  it("keeps the entry of the console's own SUBMIT for a day after the job ends", async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const job = shippedProfile().jobs.find((j) => j.name === 'BLT_CLEANUP');
    if (job === undefined) throw new Error('the shipped profile has no BLT_CLEANUP');
    const submission = submitJob(job, { uniquePart: 'R00001', batchUser: shippedProfile().batchUser, proceduresDirectory: shippedProfile().directories.procedures.path });
    expect(submission.command).toContain('/RETAIN=UNTIL=1-00:00:00/');
    await submit(site, submission.command.replace(/^SUBMIT/, '').replace(/ \S+$/, ''), submission.command.split(' ').at(-1));
    clock.advanceHours(23); // the job ended at 09:05
    expect(await entries(site)).toEqual({ [submission.name]: `${job.queue} retained-on-completion` });
    clock.advanceHours(2);
    expect(await entries(site)).toEqual({});
  });

  it("sets a held job's retention with SET ENTRY/RETAIN", async () => {
    const { site, clock } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    const held = await run(site, `SUBMIT/QUEUE=TIME_BLT4/HOLD/NAME=HELD ${CLEANUP}`);
    const entry = /entry (\d+)/.exec(held.lines[0] ?? '')?.[1] ?? '';
    expect((await run(site, `SET ENTRY ${entry}/RETAIN=ALWAYS/RELEASE`)).status & 1).toBe(1);
    clock.advanceHours(2);
    expect(await entries(site)).toEqual({ HELD: 'TIME_BLT4 retained-on-completion' });
  });

  it('refuses a retention it cannot read, and queues nothing', async () => {
    const { site } = siteAt('2010-08-04T09:00:00', { dailyBackup: false });
    expect((await run(site, `SUBMIT/QUEUE=TIME_BLT4/RETAIN=SOMETIMES ${CLEANUP}`)).lines).toEqual([
      '%DCL-W-IVKEYW, unrecognized keyword - check validity and spelling',
      ' \\SOMETIMES\\',
    ]);
    expect((await run(site, `SUBMIT/QUEUE=TIME_BLT4/NORETAIN ${CLEANUP}`)).lines[0]).toMatch(/^%DCL-W-NOTNEG/);
    expect((await run(site, `SUBMIT/QUEUE=TIME_BLT4/RETAIN=UNTIL=SOON ${CLEANUP}`)).lines[0]).toMatch(/^%CLI-W-IVATIME/);
    expect((await run(site, `SUBMIT/QUEUE=TIME_BLT4/RETAIN=UNTIL ${CLEANUP}`)).lines[0]).toMatch(/^%DCL-W-VALREQ/);
    expect(await entries(site)).toEqual({});
  });
});
