/**
 * submitChecked, the SUBMIT of a command step, against the console's own simulated BLT4 over SSH:
 * a SUBMIT the queue already holds is not sent again; and where neither the SUBMIT nor the queue
 * keeps a finished job, "absent" is not taken for "never sent".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitJob } from '../../shared/vms/dcl';
import type { RequestContext } from '../../src-main/app/dispatch';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import { findSubmission, submitChecked } from '../../src-main/host-queries';
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
    const submission = submitJob(initializeTapes(), { uniquePart: 'HQ0001', parameters: ['3'] });
    const sent = await submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name });
    expect(sent).toMatch(new RegExp(`^Job ${submission.name} \\(queue TAPE_BACKUP, entry \\d+\\) started\\.$`));
    const again = await submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name });
    expect(again).toMatch(new RegExp(`^${submission.name} was already entry \\d+ in TAPE_BACKUP; not sent again\\.$`));
  });

  it('sends nothing where a finished job would have left the queue, and says to look for its log', async () => {
    // a SUBMIT with the queue's own retention, on a queue that keeps no finished job
    const submission = submitJob(initializeTapes(), { uniquePart: 'HQ0002', parameters: ['3'], retain: 'DEFAULT' });
    await expect(submitChecked(link, { command: submission, queue: 'TAPE_BACKUP', name: submission.name })).rejects.toThrow(
      /is not in TAPE_BACKUP, but it may have run and left it \(.*keeps no finished job.*\): look for its log file before sending it again\./,
    );
    expect(await findSubmission(link, 'TAPE_BACKUP', submission.name)).toBeUndefined();
  });
});
