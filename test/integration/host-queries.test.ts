/**
 * submitChecked, the SUBMIT of a command step, against the console's own simulated BLT4 over SSH:
 * a SUBMIT the queue already holds is not sent again; and where neither the SUBMIT nor the queue
 * keeps a finished job, "absent" is not taken for "never sent".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, submitJob } from '../../shared/vms/dcl';
import type { RequestContext } from '../../src-main/app/dispatch';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import { findSubmission, profileJobOf, readSiteQueues, submitChecked } from '../../src-main/host-queries';
import type { HostLink } from '../../src-main/hosts';
import { connectThroughConsole, makeTempDir, okResult as ok, shippedSiteFile, type TempDir } from '../support/api-fixtures';

let dir: TempDir;
let tapeops: ConsoleMain;
let link: HostLink;

beforeAll(async () => {
  dir = makeTempDir('host-queries');
  tapeops = await startConsole({ shell: 'browser', version: 'test', dataDir: dir.path, defaultSiteFile: shippedSiteFile, hosts: 'simulated', log: () => undefined });
  const ctx: RequestContext = { operator: null };
  ok(await tapeops.request('session.signIn', { initials: 'JS' }, ctx));
  await connectThroughConsole(tapeops, 'BLT4', ctx);
  link = tapeops.session().links?.link('BLT4') as HostLink;
});

afterAll(async () => {
  await tapeops.close();
  dir.remove();
});

const initializeTapes = () => {
  const job = tapeops.site().profile.jobs.find((j) => j.name === 'INITIALIZE_TAPES');
  if (job === undefined) throw new Error('the shipped profile has no INITIALIZE_TAPES job');
  return job;
};

describe('submitChecked', () => {
  it('sends the console SUBMIT once: asked again, the queue already holds it', async () => {
    const submission = submitJob(initializeTapes(), { uniquePart: 'HQ0001', batchUser: 'LEASE_BATCH', parameters: ['3'] });
    const sent = await submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name });
    expect(sent).toMatch(new RegExp(`^Job ${submission.name} \\(queue TAPE_BACKUP, entry \\d+\\) started\\.$`));
    const again = await submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name });
    expect(again).toMatch(new RegExp(`^${submission.name} was already entry \\d+ in TAPE_BACKUP; not sent again\\.$`));
  });

  it('sends nothing where a finished job would have left the queue, and says to look for its log', async () => {
    // a SUBMIT with the queue's own retention, on a queue that keeps no finished job
    const submission = submitJob(initializeTapes(), { uniquePart: 'HQ0002', batchUser: 'LEASE_BATCH', parameters: ['3'], retain: 'DEFAULT' });
    await expect(submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name })).rejects.toThrow(
      /is not in TAPE_BACKUP, but it may have run and left it \(.*keeps no finished job.*\): look for its log file before sending it again\./,
    );
    expect(await findSubmission(link, 'TAPE_BACKUP', submission.name)).toBeUndefined();
  });
});

describe('the user each entry runs as', () => {
  const job = (name: string) => {
    const found = tapeops.site().profile.jobs.find((j) => j.name === name);
    if (found === undefined) throw new Error(`the shipped profile has no ${name}`);
    return found;
  };

  it("reads the console's adhoc backup as LEASE_BATCH in TAPE_BACKUP, with nothing to warn about", async () => {
    const submission = submitJob(job('RMU_BACKUP_TAX_DATA'), {
      uniquePart: 'HQ0003',
      batchUser: tapeops.site().profile.batchUser,
      proceduresDirectory: tapeops.site().profile.directories.procedures.path,
    });
    await submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name });
    const snapshots = await readSiteQueues(tapeops.site().profile, tapeops.session().links, () => new Date());
    const tape = snapshots.find((s) => s.queue === 'TAPE_BACKUP');
    expect(tape?.info?.entries.filter((e) => e.jobName === submission.name).map((e) => e.username)).toEqual(['LEASE_BATCH']);
    expect(tape?.wrongUsers?.filter((note) => note.job === 'RMU_BACKUP_TAX_DATA')).toEqual([]);
  });

  it("warns, in the plan's words, about a backup of the plan sent by hand without /USER, which runs as the account logged in", async () => {
    // what the console sent before: the adhoc backup as the login account (SYSTEM on the simulated site)
    const bare = submit({
      file: 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_LEASE_DATA.COM',
      queue: 'TAPE_BACKUP',
      name: 'TAPEOPS_RMU_BACKUP_LEASE_DATA_HQ0004',
      retain: 'ALWAYS',
    });
    await submitChecked(link, { command: bare, queue: 'TAPE_BACKUP', name: 'TAPEOPS_RMU_BACKUP_LEASE_DATA_HQ0004' });
    const snapshots = await readSiteQueues(tapeops.site().profile, tapeops.session().links, () => new Date());
    const tape = snapshots.find((s) => s.queue === 'TAPE_BACKUP');
    const entry = tape?.info?.entries.find((e) => e.jobName === 'TAPEOPS_RMU_BACKUP_LEASE_DATA_HQ0004');
    expect(entry?.username).toBe('SYSTEM');
    expect(tape?.wrongUsers).toContainEqual({
      entry: entry?.entry,
      job: 'RMU_BACKUP_LEASE_DATA',
      runsAs: 'SYSTEM',
      shouldRunAs: 'LEASE_BATCH',
      rule: 'All backups should run as USER=LEASE_BATCH, just like other batch jobs.',
    });
    // the INITIALIZE_TAPES sent above runs as SYSTEM too, as the plan's own command does: no warning
    expect(tape?.info?.entries.some((e) => e.jobName.startsWith('TAPEOPS_INITIALIZE_TAPES_') && e.username === 'SYSTEM')).toBe(true);
    expect(tape?.wrongUsers?.map((note) => note.job)).toEqual(['RMU_BACKUP_LEASE_DATA']);
  });

  it("knows a job by its own name or by the console's /NAME for it, even cut short, and not a name of its own", () => {
    const profile = tapeops.site().profile;
    expect(profileJobOf(profile, 'DAILY_BACKUP')?.name).toBe('DAILY_BACKUP');
    expect(profileJobOf(profile, 'TAPEOPS_RMU_BACKUP_LEASE_DATA_0K3Z9Q')?.name).toBe('RMU_BACKUP_LEASE_DATA');
    expect(profileJobOf(profile, 'TAPEOPS_CONSOLIDATED_BACKUP_TO_T_0K3Z9Q')?.name).toBe('CONSOLIDATED_BACKUP_TO_TAPE');
    // INITIALIZE_TAPES runs as the system manager, as the plan writes its command: never a warning
    expect(profileJobOf(profile, 'TAPEOPS_INITIALIZE_TAPES_0K3Z9Q')?.name).toBe('INITIALIZE_TAPES');
    expect(profileJobOf(profile, 'TAPEOPS_RMU_BACKUP_0K3Z9Q')).toBeUndefined(); // several jobs start so
    expect(profileJobOf(profile, 'MONTH_END')).toBeUndefined();
  });
});
