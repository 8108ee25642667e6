/**
 * The host link logging in by keyboard-interactive, as to an OpenVMS host, against Debian's
 * OpenSSH on 127.0.0.1: sshd asks through PAM, where a PAM service written for the test checks the
 * password (see ../support/pam-sshd). The right password connects once the key is approved; a
 * wrong one is refused once and never tried again by the link. Needs root (for /etc/pam.d): when
 * it is missing, the suite fails and says so; it is skipped only where there is no sshd at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectApprovingKey } from '../support/link-state';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../../src-main/hosts/credentials';
import { createHostLink, type CreateHostLinkOptions } from '../../src-main/hosts/create-host-link';
import type { HostLink } from '../../src-main/hosts/host-link';
import type { Timers } from '../../src-main/hosts/timers';
import { isHostLinkError, type HostLinkError } from '../../src-main/hosts/host-link-error';
import type { HostLinkState } from '../../src-main/hosts/link-state';
import { openStore, type Store } from '../../src-main/store/open-store';
import { showTime as showTimeCommand } from '../../shared/vms/dcl';
import { startPamSshd, type PamSshd } from '../support/pam-sshd';
import { simulatorCliExists, simulatorForceCommand, sshdAvailable } from '../support/sshd';

const PASSWORD = 'Right-Password-1';
const WRONG = 'Wrong-Password-9';
/** Echoes the command back, as in host-link-sshd.test.ts. */
const ECHO_COMMAND = `printf '%s\\n' "$SSH_ORIGINAL_COMMAND"`;
const showTime = { dcl: { command: 'SHOW TIME' }, mutates: false };
const dir = mkdtempSync(join(tmpdir(), 'tapeops-link-kbd-'));
let storeCount = 0;
const links: HostLink[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const link of links.splice(0)) link.disconnect();
  for (const store of stores.splice(0)) store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function linkTo(sshd: PamSshd, password: string, overrides: Partial<CreateHostLinkOptions> = {}) {
  const store = openStore(join(dir, `store-${++storeCount}.db`));
  stores.push(store);
  const credentials = new MemoryCredentialStore();
  await credentials.set('BLT4', { kind: 'password', password });
  const link = createHostLink({
    host: { name: 'BLT4', address: '127.0.0.1', port: sshd.port, user: sshd.user },
    access: { authentication: 'keyboard-interactive', exec: true, execExitStatus: 'posix' },
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
async function approved(sshd: PamSshd, password: string, overrides: Parameters<typeof linkTo>[2] = {}) {
  const made = await linkTo(sshd, password, overrides);
  await connectApprovingKey(made.link, 'JS', () => sshd.log());
  return made;
}

describe.skipIf(!sshdAvailable())('the host link logging in by keyboard-interactive to OpenSSH (PAM)', () => {
  let sshd: PamSshd;
  beforeAll(async () => {
    // throws, failing the suite, where a PAM service cannot be added (not root, no pam_exec)
    sshd = await startPamSshd({ password: PASSWORD, forceCommand: ECHO_COMMAND });
  });
  afterAll(async () => {
    await sshd?.stop();
  });

  it('answers the PAM password prompt, after the key is approved, and runs a command', async () => {
    const { link, store, states } = await linkTo(sshd, PASSWORD);
    const error = await link.connect().catch((e: unknown) => e);
    expect(isHostLinkError(error, 'host-key-unknown')).toBe(true);
    // the host's key is checked before any password is sent
    expect(sshd.attempts()).toEqual([]);
    expect(link.state).toMatchObject({ kind: 'awaiting-host-key-approval', offered: { algorithm: 'ssh-rsa', fingerprint: sshd.fingerprint } });
    await link.approveHostKey(sshd.fingerprint, 'JS');
    expect(link.state, sshd.log()).toMatchObject({ kind: 'connected', mode: 'exec' });
    expect(store.hostKeys.get('BLT4')).toMatchObject({ fingerprint: sshd.fingerprint, approvedBy: 'JS' });
    expect(states.map((s) => s.kind)).toEqual(['connecting', 'awaiting-host-key-approval', 'connecting', 'connected']);
    // one password, the right one, checked by the PAM service written for this sshd
    expect(sshd.attempts()).toEqual([{ type: 'auth', service: sshd.service, user: sshd.user, accepted: true }]);
    // sshd's log line may come after the client is in
    await expect.poll(() => sshd.log(), { timeout: 2000 }).toContain(`Accepted keyboard-interactive/pam for ${sshd.user} from 127.0.0.1`);
    expect(await link.run(showTime)).toMatchObject({ output: 'SHOW TIME', status: 1, statusHex: '%X00000001' });
  });

  it('fails with auth-failed on a wrong password, sends it once and does not retry', async () => {
    const pinned = await approved(sshd, PASSWORD);
    pinned.link.disconnect();
    const before = sshd.attempts().length;
    // every timer the link sets, so that a retry it scheduled would be seen without waiting for it
    const pending = new Set<unknown>();
    const timers: Timers = {
      setTimeout: (callback, ms) => {
        const handle: ReturnType<typeof setTimeout> = setTimeout(() => {
          pending.delete(handle);
          callback();
        }, ms);
        pending.add(handle);
        return handle;
      },
      clearTimeout: (handle) => {
        pending.delete(handle);
        clearTimeout(handle as ReturnType<typeof setTimeout>);
      },
      monotonicMs: () => performance.now(),
    };
    const { link, states } = await linkTo(sshd, WRONG, { pins: pinned.store.hostKeys, timers });
    const error = (await link.connect().catch((e: unknown) => e)) as HostLinkError;
    expect(isHostLinkError(error, 'auth-failed'), String(error)).toBe(true);
    expect(error.message).toContain('keyboard-interactive authentication');
    expect(error.message).not.toContain(WRONG);
    expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'auth-failed' } });
    // a retry is a timer the link sets (its backoff): none is left pending
    expect(pending.size).toBe(0);
    expect(states.map((s) => s.kind)).toEqual(['connecting', 'disconnected']);
    expect(sshd.attempts().slice(before)).toEqual([{ type: 'auth', service: sshd.service, user: sshd.user, accepted: false }]);
    await expect.poll(() => sshd.log(), { timeout: 2000 }).toContain(`Failed keyboard-interactive/pam for ${sshd.user} from 127.0.0.1`);
  });
});

describe.skipIf(!sshdAvailable() || !simulatorCliExists())('the host link logging in by keyboard-interactive to the simulated BLT4 behind OpenSSH (PAM)', () => {
  let vms: PamSshd;
  beforeAll(async () => {
    vms = await startPamSshd({ password: PASSWORD, forceCommand: simulatorForceCommand('BLT4') });
  });
  afterAll(async () => {
    await vms?.stop();
  });

  it('runs DCL in one interactive session once the password is taken', async () => {
    const { link } = await approved(vms, PASSWORD, { access: { authentication: 'keyboard-interactive' }, ssh: { loginQuietMs: 1500 } });
    expect(link.state, vms.log()).toMatchObject({ kind: 'connected', mode: 'shell' });
    expect(vms.attempts()).toEqual([{ type: 'auth', service: vms.service, user: vms.user, accepted: true }]);
    const time = await link.run({ dcl: showTimeCommand(), mutates: false });
    expect(time).toMatchObject({ status: 1, statusHex: '%X00000001' });
    expect(time.output).toMatch(/^\s*\d{1,2}-[A-Z]{3}-\d{4} \d\d:\d\d:\d\d$/);
  });
});
