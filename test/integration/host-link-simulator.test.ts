/**
 * The host link against the simulated OpenVMS site's SSH server (in process, 127.0.0.1, port 0):
 * the interactive DCL session (terminal inquiry, echo, prompt, $STATUS), pinned and changed keys,
 * exec mode and refused exec, a slow link that must not count as a dead one, and submit safety
 * when the link is killed or goes silent under a SUBMIT.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { showQueue, showTime, submitJob } from '../../shared/vms/dcl';
import { parseShowQueue } from '../../shared/vms/parsers/show-queue';
import { MemoryCredentialStore, type HostSecret } from '../../src-main/hosts/credentials';
import { createHostLink, type CreateHostLinkOptions, type HostAccess } from '../../src-main/hosts/create-host-link';
import type { HostLink } from '../../src-main/hosts/host-link';
import { isHostLinkError, type HostLinkError } from '../../src-main/hosts/host-link-error';
import { waitForState, connectApprovingKey } from '../support/link-state';
import { submitOnce } from '../../src-main/hosts/submit-once';
import { openStore, type Store } from '../../src-main/store/open-store';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';
import { startRelay, type SilentRelay } from '../support/sshd';
import { nextSubmission, shippedProfile, siteAt } from '../unit/simulator/site-fixture';

const rsa = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'pkcs1', format: 'pem' } })
    .privateKey;
const HOST_KEY = rsa();
const PASSWORD = 'tape-rack-7';
const dir = mkdtempSync(join(tmpdir(), 'tapeops-link-sim-'));
const { site } = siteAt('2010-08-04T09:00:00');
let server: Awaited<ReturnType<typeof startSimulatorSshServer>>;
let port: number;

beforeAll(async () => {
  server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: { BLT4: HOST_KEY },
    users: [{ username: 'SYSTEM', password: PASSWORD }],
  });
  port = server.ports.BLT4 as number;
});
afterAll(async () => {
  await server.close();
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

const links: HostLink[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.disconnect();
  for (const store of stores.splice(0)) store.close();
  site.faults.clear();
});

let storeCount = 0;
interface LinkSetup extends Partial<Omit<CreateHostLinkOptions, 'access'>> {
  access?: Partial<HostAccess>;
  port?: number;
  secret?: HostSecret;
}

async function linkToBlt4(setup: LinkSetup = {}): Promise<{ link: HostLink; store: Store }> {
  const store = openStore(join(dir, `store-${++storeCount}.db`));
  stores.push(store);
  const credentials = new MemoryCredentialStore();
  await credentials.set('BLT4', setup.secret ?? { kind: 'password', password: PASSWORD });
  const { access, port: viaPort, secret: _secret, ...rest } = setup;
  const link = createHostLink({
    host: { name: 'BLT4', address: '127.0.0.1', port: viaPort ?? port, user: 'SYSTEM' },
    // the simulated BLT4 speaks as HP TCP/IP Services' SSH server does: SHA-1 key exchange, CBC ciphers
    access: { authentication: 'password', legacyAlgorithms: true, ...access },
    pins: store.hostKeys,
    credentials,
    backoff: { initialMs: 100, maxMs: 400, factor: 2 },
    ...rest,
    ssh: { loginQuietMs: 1500, ...rest.ssh },
  });
  links.push(link);
  return { link, store };
}

/** First connection, the key approved as the operator would after comparing it. */
async function approvedLink(setup: LinkSetup = {}): Promise<{ link: HostLink; store: Store }> {
  const made = await linkToBlt4(setup);
  await connectApprovingKey(made.link, 'JS');
  return made;
}

const read = (dcl: { command: string }) => ({ dcl, mutates: false });
let unique = 0;
function dailyBackupSubmission() {
  const profile = shippedProfile();
  const job = profile.jobs.find((j) => j.name === 'DAILY_BACKUP');
  if (job === undefined) throw new Error('the shipped profile has no DAILY_BACKUP');
  return submitJob(job, {
    uniquePart: `T${String(++unique).padStart(5, '0')}`,
    proceduresDirectory: profile.directories.procedures.path,
    batchUser: profile.batchUser,
    hold: true,
  });
}
function entriesNamed(name: string): number {
  const queues = site.inspect('BLT4').queues;
  if (queues === undefined) throw new Error('BLT4 has no queue manager');
  return JSON.stringify(queues).split(`"${name}"`).length - 1;
}

describe('the host link to the simulated BLT4, interactive session', () => {
  it('logs in, answers the terminal inquiry, and runs commands with their output and $STATUS', async () => {
    const { link } = await approvedLink();
    expect(link.state).toMatchObject({ kind: 'connected', mode: 'shell' });
    const time = await link.run(read(showTime()));
    expect(time.status).toBe(1);
    expect(time.statusHex).toBe('%X00000001');
    expect(time.output).toMatch(/^\s*4-AUG-2010 09:\d\d:\d\d$/);
    expect(time.output).not.toMatch(/[\r\0\x1b]|TAPEOPS_|SHOW TIME/);
    expect(link.latencyMs).toBeGreaterThanOrEqual(0);

    const listing = await link.run(read(showQueue({ queue: 'TAPE_BACKUP', full: true })));
    const parsed = parseShowQueue(listing.output);
    expect(parsed.ok && !parsed.refused && parsed.value.queues.map((q) => q.name)).toEqual(['TAPE_BACKUP']);
  });

  it("gives a failing command the host's status and message", async () => {
    const { link } = await approvedLink();
    const result = await link.run(read(showQueue({ queue: 'NO_SUCH_QUEUE' })));
    expect(result.status & 1).toBe(0);
    expect(result.output).toMatch(/^%JBC-E-NOSUCHQUE, no such queue/m);
  });

  it('connects again with the pinned key, without asking the operator', async () => {
    const { link, store } = await approvedLink();
    link.disconnect();
    await link.connect();
    expect(link.state.kind).toBe('connected');
    expect(store.audit.list({ action: 'host.key-approved' }).length).toBe(1);
  });

  it('refuses a host whose key is not the pinned one, and says what to do', async () => {
    const { link, store } = await linkToBlt4();
    store.hostKeys.approve({ host: 'BLT4', address: '127.0.0.1', port, algorithm: 'ssh-rsa', fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' }, 'MKL');
    const error = (await link.connect().catch((e: unknown) => e)) as HostLinkError;
    expect(isHostLinkError(error, 'host-key-changed')).toBe(true);
    expect(error.message).toMatch(/Pinned: ssh-rsa SHA256:47DEQ.*approved by MKL.*Offered now: ssh-rsa SHA256:.*approve the new key on the Hosts screen/);
    expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'host-key-changed' } });
  });

  it('fails with auth-failed on a wrong password, and does not try again', async () => {
    const made = await approvedLink();
    made.link.disconnect();
    const { link } = await linkToBlt4({ secret: { kind: 'password', password: 'wrong' }, pins: made.store.hostKeys });
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'auth-failed')).toBe(true);
    expect(link.state.kind).toBe('disconnected');
  });

  it("fails to reach the era's SSH server without legacyAlgorithms, and names the setting", async () => {
    const { link } = await linkToBlt4({ access: { legacyAlgorithms: false } });
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'no-common-algorithm')).toBe(true);
    expect((error as Error).message).toMatch(/no matching .*set legacyAlgorithms: true for BLT4 in the site profile/);
    expect(link.state.kind).toBe('disconnected');
  });

  it('keeps a slow link (output late, keepalives answered) connected', async () => {
    const { link } = await approvedLink({ ssh: { keepaliveIntervalMs: 150, keepaliveCountMax: 1 } });
    // the simulator delays each piece of output (line end, lines, prompt; the link's session is
    // /NOECHO, so no echoed characters): a command and its $STATUS take seconds
    site.faults.slowLink(300, 'BLT4');
    const result = await link.run(read(showTime()));
    expect(result.status).toBe(1);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(1000);
    expect(link.state.kind).toBe('connected');
  });

  it('sends a read-only command again when the link is cut under it', async () => {
    const { link } = await approvedLink();
    site.faults.slowLink(400, 'BLT4');
    const result = link.run(read(showQueue({ queue: 'TAPE_BACKUP' })), { retries: 1 });
    await new Promise((r) => setTimeout(r, 150));
    site.faults.slowLink(0, 'BLT4');
    site.faults.dropLink('BLT4');
    expect((await result).output).toMatch(/^Batch queue TAPE_BACKUP/);
  });
});

describe('submit safety against the simulated BLT4', () => {
  it('finds a SUBMIT that arrived before the link was cut, and does not send it again', async () => {
    const { link } = await approvedLink();
    const submission = dailyBackupSubmission();
    // the reply is late: the SUBMIT runs on the host, then the link is cut before the answer
    site.faults.slowLink(500, 'BLT4');
    const arrived = nextSubmission(site);
    const outcome = submitOnce(link, submission, submission.name, { queue: 'TAPE_BACKUP', reconnectWaitMs: 10_000 });
    await arrived;
    expect(entriesNamed(submission.name)).toBe(1);
    site.faults.slowLink(0, 'BLT4');
    site.faults.dropLink('BLT4');
    expect(await outcome).toMatchObject({ kind: 'already-in-queue', queue: 'TAPE_BACKUP', sends: 1 });
    expect(entriesNamed(submission.name)).toBe(1);
  });

  describe('through a relay that goes silent', () => {
    let relay: SilentRelay;
    beforeAll(async () => {
      relay = await startRelay(port);
    });
    afterAll(async () => {
      await relay.close();
    });

    it('sends a SUBMIT again only after the queue shows it never arrived', async () => {
      const { link } = await approvedLink({ port: relay.port, ssh: { keepaliveIntervalMs: 200, keepaliveCountMax: 1 } });
      const submission = dailyBackupSubmission();
      relay.goSilent();
      const outcome = await submitOnce(link, submission, submission.name, { queue: 'TAPE_BACKUP', reconnectWaitMs: 10_000 });
      expect(outcome).toMatchObject({ kind: 'submitted', sends: 2, confirmation: { jobName: submission.name, queue: 'TAPE_BACKUP' } });
      expect(entriesNamed(submission.name)).toBe(1);
    });

    it('notices the silent drop within interval × (count + 1) + 1 s', async () => {
      const { link } = await approvedLink({ port: relay.port, ssh: { keepaliveIntervalMs: 250, keepaliveCountMax: 2 } });
      const silentAt = performance.now();
      relay.goSilent();
      await waitForState(link, 'reconnecting', 250 * 3 + 1000);
      expect(performance.now() - silentAt).toBeLessThanOrEqual(250 * 3 + 1000);
    });
  });
});

describe('submit safety when a job has run and ended while the link was down', () => {
  // a site of its own: its clock is moved to let the job run, which the other tests' times must not see
  const own = siteAt('2010-08-04T09:00:00');
  let ownServer: Awaited<ReturnType<typeof startSimulatorSshServer>>;
  let ownPort: number;
  beforeAll(async () => {
    ownServer = await startSimulatorSshServer(own.site, {
      listen: [{ hostName: 'BLT4', port: 0 }],
      hostKeys: { BLT4: HOST_KEY },
      users: [{ username: 'SYSTEM', password: PASSWORD }],
    });
    ownPort = ownServer.ports.BLT4 as number;
  });
  afterEach(() => own.site.faults.clear());
  afterAll(async () => {
    await ownServer.close();
    own.site.close();
  });

  /** BLT_CLEANUP (five minutes in TIME_BLT4), with the console's retention or the one given. */
  function cleanupSubmission(retain?: 'DEFAULT') {
    const profile = shippedProfile();
    const job = profile.jobs.find((j) => j.name === 'BLT_CLEANUP');
    if (job === undefined) throw new Error('the shipped profile has no BLT_CLEANUP');
    return submitJob(job, {
      uniquePart: `F${String(++unique).padStart(5, '0')}`,
      proceduresDirectory: profile.directories.procedures.path,
      batchUser: profile.batchUser,
      ...(retain === undefined ? {} : { retain }),
    });
  }
  const namedOnOwn = (name: string) => JSON.stringify(own.site.inspect('BLT4').queues).split(`"${name}"`).length - 1;

  /** Sends the SUBMIT, lets it reach the queue, moves the site's clock past the job's end and cuts the link before the reply. */
  async function submitThenCut(link: HostLink, submission: ReturnType<typeof cleanupSubmission>) {
    own.site.faults.slowLink(500, 'BLT4');
    const arrived = nextSubmission(own.site);
    const outcome = submitOnce(link, submission, submission.name, { queue: 'TIME_BLT4', reconnectWaitMs: 10_000 }).catch((e: unknown) => e);
    expect((await arrived).jobName).toBe(submission.name);
    own.clock.advanceMinutes(30);
    own.site.faults.slowLink(0, 'BLT4');
    own.site.faults.dropLink('BLT4');
    return outcome;
  }

  it('does not send again a job absent from a queue without retention: it ran, and the operator is told to look at its log', async () => {
    const { link } = await approvedLink({ port: ownPort });
    const submission = cleanupSubmission('DEFAULT');
    const error = await submitThenCut(link, submission);
    expect(isHostLinkError(error, 'unsure-if-submitted')).toBe(true);
    expect((error as HostLinkError).message).toMatch(
      /is not in the queue, but that does not prove it never arrived: .*TIME_BLT4 keeps no finished job .*look for its log \(SYS\$LOGIN:TAPEOPS_BLT_CLEANUP_F\d{5}\.LOG of LEASE_BATCH\)/,
    );
    expect(link.isUnsure(submission.name)).toBe(true);
    // the job ran once and left the queue; nothing was sent again
    expect(namedOnOwn(submission.name)).toBe(0);
    // the job ran as the plan's batch user, whose login directory is the logs folder
    const log = await own.site.exec('BLT4', `DIRECTORY ${shippedProfile().directories.logs}${submission.name}.LOG`);
    expect(log.output).toMatch(new RegExp(`${submission.name}\\.LOG;1\\s[\\s\\S]*Total of 1 file`));
    // asked again, it still asks the queue first and sends nothing
    expect(isHostLinkError(await submitOnce(link, submission, submission.name, { queue: 'TIME_BLT4' }).catch((e: unknown) => e), 'unsure-if-submitted')).toBe(true);
    expect(namedOnOwn(submission.name)).toBe(0);
  });

  it("finds the console's own SUBMIT retained on completion after the job ended, and does not send it again", async () => {
    const { link } = await approvedLink({ port: ownPort });
    const submission = cleanupSubmission();
    expect(await submitThenCut(link, submission)).toMatchObject({ kind: 'already-in-queue', queue: 'TIME_BLT4', sends: 1 });
    const listing = parseShowQueue((await link.run(read(showQueue({ queue: 'TIME_BLT4', all: true, full: true })))).output);
    const entry = listing.ok && !listing.refused ? listing.value.queues[0]?.entries.find((e) => e.jobName === submission.name) : undefined;
    expect(entry?.status.state).toBe('retained-on-completion');
    expect(entry?.completed).not.toBeNull();
    expect(namedOnOwn(submission.name)).toBe(1);
  });
});

describe('the host link to the simulated BLT4 by exec', () => {
  it('runs one command per exec channel', async () => {
    const { link } = await approvedLink({ access: { exec: true, execExitStatus: 'posix' } });
    expect(link.state).toMatchObject({ kind: 'connected', mode: 'exec' });
    const result = await link.run(read(showTime()));
    expect(result).toMatchObject({ status: 1, statusHex: '%X00000001' });
    expect(result.output).toMatch(/^\s*4-AUG-2010 09:\d\d:\d\d$/);
    const failed = await link.run(read(showQueue({ queue: 'NO_SUCH_QUEUE' })));
    expect(failed.statusHex).toBe('%X0000002C');
    expect(failed.output).toMatch(/^%JBC-E-NOSUCHQUE/);
  });

  it('says so when the host refuses exec, and that nothing ran', async () => {
    const { link } = await approvedLink({ access: { exec: true, execExitStatus: 'posix' } });
    site.faults.refuseExec(true, 'BLT4');
    const error = (await link.run(read(showTime())).catch((e: unknown) => e)) as HostLinkError;
    expect(isHostLinkError(error, 'exec-refused')).toBe(true);
    expect(error.mayHaveRun).toBe(false);
    expect(link.state.kind).toBe('connected');
  });
});

describe('keyboard-interactive login, as OpenVMS asks for the password', () => {
  let kiServer: InstanceType<typeof ssh2.Server>;
  let kiPort: number;
  const prompts: string[] = [];
  beforeAll(async () => {
    // a server that offers only keyboard-interactive, and serves the simulated BLT4's DCL
    kiServer = new ssh2.Server({ hostKeys: [HOST_KEY] }, (client) => {
      client.on('authentication', (ctx) => {
        if (ctx.method !== 'keyboard-interactive') return ctx.reject(['keyboard-interactive']);
        ctx.prompt([{ prompt: 'Password: ', echo: false }], 'BLT4', (answers) => {
          prompts.push('Password: ');
          if (answers[0] === PASSWORD) ctx.accept();
          else ctx.reject(['keyboard-interactive']);
        });
      });
      client.on('ready', () => {
        client.on('session', (accept) => {
          const session = accept();
          session.on('pty', (ok) => ok?.());
          session.on('shell', (ok) => {
            const channel = ok();
            const dcl = site.openSession('BLT4');
            dcl.onOutput((data) => channel.writable && channel.write(Buffer.from(data, 'latin1')));
            channel.on('data', (data: Buffer) => dcl.write(data.toString('latin1')));
            channel.on('close', () => dcl.close());
          });
        });
      });
      client.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => kiServer.listen(0, '127.0.0.1', resolve));
    kiPort = (kiServer.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => kiServer.close(() => resolve()));
  });

  it('answers the Password: prompt with the stored password', async () => {
    const { link } = await approvedLink({ port: kiPort, access: { authentication: 'keyboard-interactive' } });
    expect(prompts).toEqual(['Password: ']);
    expect((await link.run(read(showTime()))).status).toBe(1);
  });
});
