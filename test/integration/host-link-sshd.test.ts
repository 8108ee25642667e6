/**
 * The host link against Debian's OpenSSH, on 127.0.0.1: pinning, a changed key, an SSH server as
 * old as OpenVMS's, a silent drop and a link killed mid-command, with a ForceCommand that echoes
 * each command back (and sleeps for WAIT); then the simulated BLT4 as the ForceCommand, in shell
 * mode (over a real pseudo-terminal) and in exec mode.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../../src-main/hosts/credentials';
import { createHostLink, type CreateHostLinkOptions } from '../../src-main/hosts/create-host-link';
import type { HostLink } from '../../src-main/hosts/host-link';
import { isHostLinkError, type HostLinkError } from '../../src-main/hosts/host-link-error';
import { waitForState, connectApprovingKey } from '../support/link-state';
import type { HostLinkState } from '../../src-main/hosts/link-state';
import { openStore, type Store } from '../../src-main/store/open-store';
import { showQueue, showTime as showTimeCommand } from '../../shared/vms/dcl';
import { simulatorCliExists, simulatorForceCommand, sshdAvailable, startRelay, startSshd, type RunningSshd, type SilentRelay } from '../support/sshd';

const dir = mkdtempSync(join(tmpdir(), 'tapeops-link-sshd-'));
const SENT_LOG = join(dir, 'sent.log');
/** Logs each command, sleeps on WAIT..., and echoes the command back. */
const ECHO_COMMAND = `printf '%s\\n' "$SSH_ORIGINAL_COMMAND" >> ${SENT_LOG}; case "$SSH_ORIGINAL_COMMAND" in WAIT*) sleep 30;; esac; printf '%s\\n' "$SSH_ORIGINAL_COMMAND"`;
const showTime = { dcl: { command: 'SHOW TIME' }, mutates: false };
const sentCount = (command: string): number =>
  existsSync(SENT_LOG)
    ? readFileSync(SENT_LOG, 'utf8')
        .split('\n')
        .filter((line) => line === command).length
    : 0;
/** Resolves once the server has logged `command` (the sent log's folder is watched, not polled). */
function whenSent(command: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, () => check());
    const check = () => {
      if (sentCount(command) === 0) return;
      watcher.close();
      resolve();
    };
    check();
  });
}
let storeCount = 0;
const links: HostLink[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const link of links.splice(0)) link.disconnect();
  for (const store of stores.splice(0)) store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linkTo(sshd: RunningSshd, overrides: Partial<CreateHostLinkOptions> & { port?: number; key?: string } = {}) {
  const store = openStore(join(dir, `store-${++storeCount}.db`));
  stores.push(store);
  const credentials = new MemoryCredentialStore();
  await credentials.set('BLT4', { kind: 'private-key', privateKey: overrides.key ?? sshd.clientKey });
  const link = createHostLink({
    host: { name: 'BLT4', address: '127.0.0.1', port: overrides.port ?? sshd.port, user: sshd.user },
    access: { authentication: 'publickey', exec: true, execExitStatus: 'posix' },
    pins: store.hostKeys,
    credentials,
    backoff: { initialMs: 200, maxMs: 1000, factor: 2 },
    ...overrides,
  });
  links.push(link);
  const states: HostLinkState[] = [];
  link.onState((state) => states.push(state));
  return { link, store, states };
}

/** Connects for the first time and approves the key shown, as the operator would. */
async function approved(sshd: RunningSshd, overrides: Parameters<typeof linkTo>[1] = {}) {
  const made = await linkTo(sshd, overrides);
  await connectApprovingKey(made.link, 'JS', () => sshd.log());
  return made;
}

describe.skipIf(!sshdAvailable())('the host link against OpenSSH', () => {
  let sshd: RunningSshd;
  beforeAll(async () => {
    sshd = await startSshd({ forceCommand: ECHO_COMMAND });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('shows the SHA256 fingerprint ssh-keygen prints on a first connection, then pins it', async () => {
    const { link, store, states } = await linkTo(sshd);
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'host-key-unknown')).toBe(true);
    expect(link.state).toMatchObject({
      kind: 'awaiting-host-key-approval',
      offered: { algorithm: 'ssh-rsa', fingerprint: sshd.fingerprint },
    });
    await link.approveHostKey(sshd.fingerprint, 'JS');
    expect(store.hostKeys.get('BLT4')).toMatchObject({ algorithm: 'ssh-rsa', fingerprint: sshd.fingerprint, approvedBy: 'JS', port: sshd.port });
    expect(store.audit.list({ action: 'host.key-approved' })[0]).toMatchObject({ who: 'JS', subject: 'BLT4' });
    expect(states.map((s) => s.kind)).toEqual(['connecting', 'awaiting-host-key-approval', 'connecting', 'connected']);
    const result = await link.run(showTime);
    expect(result).toMatchObject({ output: 'SHOW TIME', status: 1, statusHex: '%X00000001' });
    expect(link.state).toMatchObject({ kind: 'connected', mode: 'exec', warnings: [] });
  });

  it('refuses a changed key and says what was pinned, what was offered and what to do', async () => {
    const own = await startSshd({ forceCommand: ECHO_COMMAND });
    try {
      const { link } = await approved(own);
      const pinned = own.fingerprint;
      link.disconnect();
      const offered = await own.regenerateHostKey();
      const error = (await link.connect().catch((e: unknown) => e)) as HostLinkError;
      expect(isHostLinkError(error, 'host-key-changed')).toBe(true);
      expect(error.message).toContain(`Pinned: ssh-rsa ${pinned} (approved by JS on `);
      expect(error.message).toContain(`Offered now: ssh-rsa ${offered}.`);
      expect(error.message).toContain('approve the new key on the Hosts screen');
      expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'host-key-changed' } });
    } finally {
      await own.stop();
    }
  });

  it('fails with auth-failed, and does not retry, when the key is not authorized', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ed25519');
    const stranger = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { link } = await approved(sshd).then(async ({ store }) => {
      // same pins, another key
      const again = await linkTo(sshd, { key: stranger, pins: store.hostKeys });
      return again;
    });
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'auth-failed')).toBe(true);
    expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'auth-failed' } });
  });

  it('is unreachable, and retrying with backoff, when nothing listens', async () => {
    const { freePort } = await import('../support/sshd');
    const { link } = await linkTo(sshd, { port: await freePort() });
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'unreachable')).toBe(true);
    expect(link.state).toMatchObject({ kind: 'reconnecting', delayMs: 200, lastError: { code: 'unreachable' } });
  });

  describe('through a relay that can cut the link', () => {
    let relay: SilentRelay;
    beforeAll(async () => {
      relay = await startRelay(sshd.port);
    });
    afterAll(async () => {
      await relay.close();
    });

    it('notices a silent drop within interval × (count + 1) + 1 s', async () => {
      const intervalMs = 300;
      const countMax = 2;
      const { link } = await approved(sshd, { port: relay.port, ssh: { keepaliveIntervalMs: intervalMs, keepaliveCountMax: countMax } });
      expect((await link.run(showTime)).output).toBe('SHOW TIME');
      const silentAt = performance.now();
      relay.goSilent();
      const state = await waitForState(link, 'reconnecting', intervalMs * (countMax + 1) + 1000);
      expect(performance.now() - silentAt).toBeLessThanOrEqual(intervalMs * (countMax + 1) + 1000);
      expect(state).toMatchObject({ lastError: { code: 'link-dropped', message: expect.stringMatching(/stopped answering keepalives/) } });
    });

    it('fails a command killed mid-way with a typed error, reconnects, and does not send it again', async () => {
      const fresh = await startRelay(sshd.port);
      try {
        const { link } = await approved(sshd, { port: fresh.port });
        const sent = link.run({ dcl: { command: 'WAIT DELETE/ENTRY=412' }, mutates: true }).catch((e: unknown) => e);
        // the command is running on the server (it sleeps on WAIT): cut the link under it
        await whenSent('WAIT DELETE/ENTRY=412');
        fresh.reset();
        const error = (await sent) as HostLinkError;
        expect(isHostLinkError(error, 'link-dropped')).toBe(true);
        expect(error.mayHaveRun).toBe(true);
        await waitForState(link, 'connected', 5000);
        expect((await link.run(showTime)).output).toBe('SHOW TIME');
        expect(sentCount('WAIT DELETE/ENTRY=412')).toBe(1);
      } finally {
        await fresh.close();
      }
    });
  });
});

describe.skipIf(!sshdAvailable())('the host link against an SSH server as old as OpenVMS TCP/IP Services', () => {
  let old: RunningSshd;
  beforeAll(async () => {
    old = await startSshd({
      forceCommand: ECHO_COMMAND,
      hostKeyType: 'dsa',
      config: ['KexAlgorithms diffie-hellman-group1-sha1', 'HostKeyAlgorithms ssh-dss', 'Ciphers aes128-cbc,3des-cbc', 'MACs hmac-sha1,hmac-md5'],
    });
  });
  afterAll(async () => {
    await old?.stop();
  });

  it('shares no algorithm with it unless the profile allows legacy ones, and says so', async () => {
    const { link } = await linkTo(old);
    const error = (await link.connect().catch((e: unknown) => e)) as HostLinkError;
    // sshd resets the connection at once; when the reset overtakes its algorithm list (a busy
    // test machine), the link can only say that the key exchange did not complete
    expect(['no-common-algorithm', 'link-dropped']).toContain(error.code);
    expect(error.message).toMatch(/set legacyAlgorithms: true for \w+ in the site profile/);
  });

  it('connects with diffie-hellman-group1-sha1 and an ssh-dss key when allowed, with warnings', async () => {
    const { link } = await approved(old, { access: { authentication: 'publickey', exec: true, execExitStatus: 'posix', legacyAlgorithms: true } });
    expect(link.state.kind).toBe('connected');
    const state = link.state as Extract<HostLinkState, { kind: 'connected' }>;
    expect(state.warnings[0]).toMatch(/^BLT4 allows legacy SSH algorithms/);
    expect(state.warnings[1]).toMatch(/diffie-hellman-group1-sha1: 1024-bit key exchange.*ssh-dss/);
    expect((await link.run(showTime)).output).toBe('SHOW TIME');
  });
});

describe.skipIf(!sshdAvailable() || !simulatorCliExists())('the host link through OpenSSH to the simulated BLT4 (ForceCommand)', () => {
  let vms: RunningSshd;
  beforeAll(async () => {
    vms = await startSshd({ forceCommand: simulatorForceCommand('BLT4') });
  });
  afterAll(async () => {
    await vms?.stop();
  });

  it('runs DCL in one interactive session over a pseudo-terminal (its echo, CR CR LF)', async () => {
    const { link } = await approved(vms, { access: { authentication: 'publickey' }, ssh: { loginQuietMs: 1500 } });
    expect(link.state).toMatchObject({ kind: 'connected', mode: 'shell' });
    const time = await link.run({ dcl: showTimeCommand(), mutates: false });
    expect(time).toMatchObject({ status: 1, statusHex: '%X00000001' });
    expect(time.output).toMatch(/^\s*\d{1,2}-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d$/);
    const failed = await link.run({ dcl: showQueue({ queue: 'NO_SUCH_QUEUE' }), mutates: false });
    expect(failed.status & 1).toBe(0);
    expect(failed.output).toMatch(/^%JBC-E-NOSUCHQUE, no such queue/);
    expect(failed.output).not.toMatch(/SHOW QUEUE|\r/);
  });

  it('runs DCL by exec, reading the POSIX exit status', async () => {
    const { link } = await approved(vms, { access: { authentication: 'publickey', exec: true, execExitStatus: 'posix' } });
    const listing = await link.run({ dcl: showQueue({ queue: 'TAPE_BACKUP', full: true }), mutates: false });
    expect(listing.status).toBe(1);
    expect(listing.output).toMatch(/^Batch queue TAPE_BACKUP/);
    const failed = await link.run({ dcl: showQueue({ queue: 'NO_SUCH_QUEUE' }), mutates: false });
    expect(failed.statusHex).toBe('%X0000002C');
  });
});
