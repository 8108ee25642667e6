/**
 * Submit safety through Debian's OpenSSH: every SSH login runs `tapeops simulate --stdio --attach`
 * as its ForceCommand, joined to one simulated site served on a Unix socket by this test, so a
 * new login after a dropped link sees the queue as the old one left it, as on a real host. A
 * relay in front of sshd cuts the link under a SUBMIT: the link fails with a typed error,
 * reconnects, asks the queue for the job's /NAME, and sends the SUBMIT again only when the queue
 * shows that it never arrived: on the plan's queues, which keep no finished job, only the
 * console's own /RETAIN lets "not listed" mean that.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { submitJob } from '../../shared/vms/dcl';
import { MemoryCredentialStore } from '../../src-main/hosts/credentials';
import { createHostLink } from '../../src-main/hosts/create-host-link';
import type { HostLink } from '../../src-main/hosts/host-link';
import { isHostLinkError } from '../../src-main/hosts/host-link-error';
import { submitOnce } from '../../src-main/hosts/submit-once';
import { serveSessionsOnSocket, type SessionSocket } from '../../src-main/simulator/socket';
import { openStore, type Store } from '../../src-main/store/open-store';
import { connectApprovingKey } from '../support/link-state';
import { simulatorCliExists, sshdAvailable, startRelay, startSshd, TAPEOPS_CLI, type RunningSshd, type SilentRelay } from '../support/sshd';
import { nextSubmission, shippedProfile, siteAt } from '../unit/simulator/site-fixture';

const dir = mkdtempSync(join(tmpdir(), 'tapeops-submit-sshd-'));
const { site, clock } = siteAt('2010-08-03T09:00:00', { identifyTimeoutMs: 200 });
const links: HostLink[] = [];
const stores: Store[] = [];
let unique = 0;

afterEach(() => {
  for (const link of links.splice(0)) link.disconnect();
  for (const store of stores.splice(0)) store.close();
  site.faults.clear();
});
afterAll(() => {
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

function initializeTapes() {
  const job = shippedProfile().jobs.find((j) => j.name === 'INITIALIZE_TAPES');
  if (job === undefined) throw new Error('the shipped profile has no INITIALIZE_TAPES job');
  return submitJob(job, { uniquePart: `S${String(++unique).padStart(5, '0')}`, batchUser: shippedProfile().batchUser, hold: true });
}

/** BLT_CLEANUP: five minutes in TIME_BLT4; with the console's retention, or left to the queue. */
function cleanup(retain?: 'DEFAULT') {
  const profile = shippedProfile();
  const job = profile.jobs.find((j) => j.name === 'BLT_CLEANUP');
  if (job === undefined) throw new Error('the shipped profile has no BLT_CLEANUP job');
  return submitJob(job, {
    uniquePart: `S${String(++unique).padStart(5, '0')}`,
    batchUser: profile.batchUser,
    proceduresDirectory: profile.directories.procedures.path,
    ...(retain === undefined ? {} : { retain }),
  });
}

/** How many entries of BLT4's queues carry the name, as the site itself holds them. */
function entriesNamed(name: string): number {
  return JSON.stringify(site.inspect('BLT4').queues).split(`"${name}"`).length - 1;
}

describe.skipIf(!sshdAvailable() || !simulatorCliExists())('a SUBMIT through OpenSSH to one simulated BLT4', () => {
  let sessions: SessionSocket;
  let sshd: RunningSshd;
  let relay: SilentRelay;

  beforeAll(async () => {
    sessions = await serveSessionsOnSocket(site, 'BLT4', join(dir, 'blt4.sock'));
    sshd = await startSshd({ forceCommand: `${process.execPath} ${TAPEOPS_CLI} simulate --stdio --attach ${sessions.path}` });
    relay = await startRelay(sshd.port);
  }, 30_000);
  afterAll(async () => {
    await relay?.close();
    await sshd?.stop();
    await sessions?.close();
  });

  async function approvedLink(): Promise<HostLink> {
    const store = openStore(join(dir, `store-${links.length}-${unique}.db`));
    stores.push(store);
    const credentials = new MemoryCredentialStore();
    await credentials.set('BLT4', { kind: 'private-key', privateKey: sshd.clientKey });
    const link = createHostLink({
      host: { name: 'BLT4', address: '127.0.0.1', port: relay.port, user: sshd.user },
      access: { authentication: 'publickey' },
      pins: store.hostKeys,
      credentials,
      backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
      ssh: { loginQuietMs: 1500, keepaliveIntervalMs: 300, keepaliveCountMax: 2 },
    });
    links.push(link);
    await connectApprovingKey(link, 'JS', () => sshd.log());
    return link;
  }

  it('sessions share one site: a job submitted in one login is in the queue of the next', async () => {
    const first = await approvedLink();
    const submission = initializeTapes();
    expect(await submitOnce(first, submission, submission.name, { queue: 'TAPE_BACKUP' })).toMatchObject({ kind: 'submitted', sends: 1 });
    first.disconnect();
    const second = await approvedLink();
    const listing = await second.run({ dcl: { command: 'SHOW QUEUE/FULL/ALL_JOBS TAPE_BACKUP' }, mutates: false });
    expect(listing.output).toContain(submission.name);
    expect(entriesNamed(submission.name)).toBe(1);
  }, 60_000);

  it('finds a SUBMIT that arrived before the link was killed, and does not send it again', async () => {
    const link = await approvedLink();
    const submission = initializeTapes();
    // the host is slow to answer: the SUBMIT is carried out, then the link dies before the reply
    site.faults.slowLink(700, 'BLT4');
    const arrived = nextSubmission(site);
    const outcome = submitOnce(link, submission, submission.name, { queue: 'TAPE_BACKUP', reconnectWaitMs: 20_000 });
    await arrived;
    expect(entriesNamed(submission.name)).toBe(1);
    site.faults.slowLink(0, 'BLT4');
    relay.reset();
    expect(await outcome).toMatchObject({ kind: 'already-in-queue', queue: 'TAPE_BACKUP', sends: 1 });
    expect(entriesNamed(submission.name)).toBe(1);
  }, 60_000);

  /** The SUBMIT reaches the site, the job runs to its end on the site's clock, then the link dies before the reply. */
  async function submitRunAndKill(link: HostLink, submission: ReturnType<typeof cleanup>): Promise<unknown> {
    site.faults.slowLink(700, 'BLT4');
    const arrived = nextSubmission(site);
    const outcome = submitOnce(link, submission, submission.name, { queue: 'TIME_BLT4', reconnectWaitMs: 20_000 }).catch((e: unknown) => e);
    expect((await arrived).jobName).toBe(submission.name);
    clock.advanceMinutes(30);
    site.faults.slowLink(0, 'BLT4');
    relay.reset();
    return outcome;
  }

  it('does not send again a job that ran and left a queue without retention: the operator checks its log', async () => {
    const link = await approvedLink();
    const submission = cleanup('DEFAULT');
    const error = await submitRunAndKill(link, submission);
    expect(isHostLinkError(error, 'unsure-if-submitted')).toBe(true);
    expect((error as Error).message).toMatch(/does not prove it never arrived: .*TIME_BLT4 keeps no finished job.*look for its log/);
    expect(entriesNamed(submission.name)).toBe(0);
    // the job ran as LEASE_BATCH (/USER): its log is in that user's login directory, the plan's log directory
    expect(submission.command).toContain('/USER=LEASE_BATCH');
    const log = await site.exec('BLT4', `DIRECTORY/OWNER ${shippedProfile().directories.logs}${submission.name}.LOG`);
    expect(log.output).toMatch(/\[LEASE_BATCH\]/);
    expect(log.output).toMatch(/Total of 1 file/);
  }, 60_000);

  it("finds the console's SUBMIT retained after the job ended, and does not send it again", async () => {
    const link = await approvedLink();
    const submission = cleanup();
    expect(await submitRunAndKill(link, submission)).toMatchObject({ kind: 'already-in-queue', queue: 'TIME_BLT4', sends: 1 });
    const listing = await link.run({ dcl: { command: 'SHOW QUEUE/ALL_JOBS TIME_BLT4' }, mutates: false });
    expect(listing.output).toMatch(/Retained on completion/);
    expect(entriesNamed(submission.name)).toBe(1);
  }, 60_000);

  it('sends the SUBMIT again only after the queue shows that the first never arrived', async () => {
    const link = await approvedLink();
    const submission = initializeTapes();
    relay.goSilent();
    const outcome = await submitOnce(link, submission, submission.name, { queue: 'TAPE_BACKUP', reconnectWaitMs: 20_000 });
    expect(outcome).toMatchObject({ kind: 'submitted', sends: 2, confirmation: { jobName: submission.name, queue: 'TAPE_BACKUP' } });
    expect(entriesNamed(submission.name)).toBe(1);
  }, 60_000);
});
