import { describe, expect, it } from 'vitest';
import { HostLink, type HostLinkOptions } from '../../../src-main/hosts/host-link';
import { HostLinkError, isHostLinkError } from '../../../src-main/hosts/host-link-error';
import type { HostLinkState } from '../../../src-main/hosts/link-state';
import type { TransportRunResult } from '../../../src-main/hosts/link-transport';
import { FakeTimers, settle } from './fake-timers';
import { FakeNetwork, MemoryPins, ok, type Attempt } from './fake-transport';

const BLT4 = { name: 'BLT4', address: '127.0.0.1', port: 2204, user: 'SYSTEM' };
const START = Date.parse('2026-11-25T13:00:00.000Z');
const OFFERED = { algorithm: 'ssh-rsa', fingerprint: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' };

const showTime = { dcl: { command: 'SHOW TIME' }, mutates: false };
const submit = (name: string) => ({
  dcl: { command: `SUBMIT/QUEUE=TAPE_BACKUP/NAME=${name} SYS$LOGIN:INITIALIZE_TAPES.COM` },
  mutates: true,
  submissionName: name,
});

function setup(attempts: Attempt[], options: Partial<HostLinkOptions> = {}) {
  const timers = new FakeTimers();
  const network = new FakeNetwork(...attempts);
  const pins = new MemoryPins();
  const states: HostLinkState[] = [];
  const link = new HostLink({
    host: BLT4,
    pins,
    open: network.open,
    timers,
    clock: { now: () => new Date(START + timers.monotonicMs()) },
    backoff: { initialMs: 1000, maxMs: 8000, factor: 2 },
    ...options,
  });
  link.onState((state) => states.push(state));
  return { timers, network, pins, states, link, kinds: () => states.map((s) => s.kind) };
}

const unreachable = (): Attempt => ({ fail: new HostLinkError('unreachable', 'BLT4 (127.0.0.1:2204) cannot be reached: ECONNREFUSED') });
const answering = (answer: (command: string) => TransportRunResult | Promise<TransportRunResult> = (command) => ok(`ran ${command}`)): Attempt => ({ answer });

describe('the host link', () => {
  it('connects, then runs queued commands one at a time in order', async () => {
    const { link, network, kinds } = setup([answering()]);
    await link.connect();
    const [a, b] = await Promise.all([link.run(showTime), link.run({ dcl: { command: 'SHOW QUEUE/BATCH' }, mutates: false })]);
    expect(a).toMatchObject({ output: 'ran SHOW TIME', status: 1, statusHex: '%X00000001' });
    expect(b.output).toBe('ran SHOW QUEUE/BATCH');
    expect(a.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(network.last.sent).toEqual(['SHOW TIME', 'SHOW QUEUE/BATCH']);
    expect(kinds()).toEqual(['connecting', 'connected']);
    expect(link.state).toMatchObject({ kind: 'connected', mode: 'shell', latencyMs: 12 });
    expect(link.latencyMs).toBe(12);
  });

  it('refuses commands when it is not connected', async () => {
    const { link } = setup([answering()]);
    const error = await link.run(showTime).catch((e: unknown) => e);
    expect(isHostLinkError(error, 'not-connected')).toBe(true);
  });

  describe('host keys', () => {
    const unknown: Attempt = { fail: new HostLinkError('host-key-unknown', 'BLT4 is not known yet.', { offered: OFFERED }) };

    it('waits for the operator on a first connection, showing the SHA256 fingerprint', async () => {
      const { link, timers } = setup([unknown, answering()]);
      const error = await link.connect().catch((e: unknown) => e);
      expect(isHostLinkError(error, 'host-key-unknown')).toBe(true);
      expect(link.state).toMatchObject({ kind: 'awaiting-host-key-approval', offered: OFFERED, address: '127.0.0.1', port: 2204 });
      expect(timers.waiting()).toEqual([]);
      expect(isHostLinkError(await link.run(showTime).catch((e: unknown) => e), 'not-connected')).toBe(true);
    });

    it('pins the key the operator approved, with their initials, and connects', async () => {
      const { link, pins, network } = setup([unknown, answering()]);
      await link.connect().catch(() => undefined);
      const wrong = await link.approveHostKey('SHA256:something-else', 'JS').catch((e: unknown) => e);
      expect((wrong as Error).message).toMatch(/is not the one BLT4 offered/);
      await link.approveHostKey(OFFERED.fingerprint, 'JS');
      expect(pins.get('BLT4')).toMatchObject({ ...OFFERED, host: 'BLT4', address: '127.0.0.1', port: 2204, approvedBy: 'JS' });
      expect(network.requests.map((r) => r.pinned?.fingerprint)).toEqual([undefined, OFFERED.fingerprint]);
      expect(link.state.kind).toBe('connected');
    });

    it('stops on a changed key, says why, and does not retry', async () => {
      const message = 'Connection to BLT4 refused: its host key has changed. Pinned: ... Offered now: ...';
      const { link, timers } = setup([{ fail: new HostLinkError('host-key-changed', message, { offered: OFFERED }) }]);
      const error = await link.connect().catch((e: unknown) => e);
      expect(isHostLinkError(error, 'host-key-changed')).toBe(true);
      expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'host-key-changed', message, offered: OFFERED } });
      expect(timers.waiting()).toEqual([]);
    });

    it('does not retry refused credentials (OpenVMS would lock the account out)', async () => {
      const { link, timers, network } = setup([{ fail: new HostLinkError('auth-failed', 'BLT4 refused the password') }]);
      await link.connect().catch(() => undefined);
      await timers.advance(60_000);
      expect(network.requests.length).toBe(1);
      expect(link.state).toMatchObject({ kind: 'disconnected', lastError: { code: 'auth-failed' } });
    });
  });

  describe('reconnection', () => {
    it('backs off 1 s, 2 s, 4 s, up to the cap, showing when the next attempt is', async () => {
      const { link, timers, network, states } = setup([unreachable(), unreachable(), unreachable(), unreachable(), unreachable(), answering()]);
      const first = await link.connect().catch((e: unknown) => e);
      expect(isHostLinkError(first, 'unreachable')).toBe(true);
      expect(link.state).toMatchObject({
        kind: 'reconnecting',
        attempt: 2,
        delayMs: 1000,
        nextAttemptAt: '2026-11-25T13:00:01.000Z',
        lastError: { code: 'unreachable' },
      });
      await timers.advance(1000 + 2000 + 4000 + 8000);
      expect(network.requests.length).toBe(5);
      expect(link.state).toMatchObject({ kind: 'reconnecting', delayMs: 8000 });
      await timers.advance(8000);
      expect(link.state.kind).toBe('connected');
      const delays = states.filter((s) => s.kind === 'reconnecting').map((s) => (s.kind === 'reconnecting' ? s.delayMs : 0));
      expect(delays).toEqual([1000, 2000, 4000, 8000, 8000]);
    });

    it('starts again from 1 s after a successful connection drops', async () => {
      const { link, timers, network } = setup([answering(), unreachable(), answering()]);
      await link.connect();
      network.last.drop();
      await settle();
      expect(link.state).toMatchObject({ kind: 'reconnecting', attempt: 1, delayMs: 1000, lastError: { code: 'link-dropped' } });
      await timers.advance(1000);
      expect(link.state).toMatchObject({ kind: 'reconnecting', attempt: 2, delayMs: 2000 });
      await timers.advance(2000);
      expect(link.state.kind).toBe('connected');
    });

    it('stops reconnecting and fails waiting commands on disconnect', async () => {
      const { link, timers } = setup([unreachable()]);
      await link.connect().catch(() => undefined);
      const waiting = link.run(showTime).catch((e: unknown) => e);
      link.disconnect();
      expect(isHostLinkError(await waiting, 'not-connected')).toBe(true);
      expect(timers.waiting()).toEqual([]);
      expect(link.state.kind).toBe('disconnected');
    });

    it('runs commands queued while reconnecting once the link is back', async () => {
      const { link, timers } = setup([unreachable(), answering()]);
      await link.connect().catch(() => undefined);
      const result = link.run(showTime);
      await timers.advance(1000);
      expect((await result).output).toBe('ran SHOW TIME');
    });

    it('gives up on a queued command when the host stays away', async () => {
      const { link, timers } = setup([unreachable()], { queueWaitMs: 5000 });
      await link.connect().catch(() => undefined);
      const result = link.run(showTime).catch((e: unknown) => e);
      await timers.advance(5000);
      const error = await result;
      expect(isHostLinkError(error, 'not-connected')).toBe(true);
      expect((error as Error).message).toBe('BLT4 was not reachable within 5 s; the command was not sent');
    });
  });

  describe('a command in flight when the link drops', () => {
    const hangOnce = (command: string) => {
      let hung = false;
      return (sent: string) => (sent === command && !hung ? ((hung = true), new Promise<never>(() => undefined)) : ok(`ran ${sent}`));
    };

    it('is sent again when it only reads', async () => {
      const answer = hangOnce('SHOW TIME');
      const { link, network, timers } = setup([answering(answer), answering(answer)]);
      await link.connect();
      const result = link.run(showTime);
      await settle();
      network.last.drop();
      await timers.advance(1000);
      expect((await result).output).toBe('ran SHOW TIME');
      expect(network.transports.map((t) => t.sent)).toEqual([['SHOW TIME'], ['SHOW TIME']]);
    });

    it('fails with a typed error, and is never sent again, when it changes the site', async () => {
      const answer = hangOnce('DELETE/ENTRY=412');
      const { link, network, timers } = setup([answering(answer), answering(answer)]);
      await link.connect();
      const result = link.run({ dcl: { command: 'DELETE/ENTRY=412' }, mutates: true }).catch((e: unknown) => e);
      await settle();
      network.last.drop();
      const error = await result;
      expect(isHostLinkError(error, 'link-dropped')).toBe(true);
      expect((error as HostLinkError).mayHaveRun).toBe(true);
      expect((error as Error).message).toMatch(/may have run on BLT4 and is not sent again/);
      await timers.advance(1000);
      expect(link.state.kind).toBe('connected');
      expect(network.transports.flatMap((t) => t.sent)).toEqual(['DELETE/ENTRY=412']);
    });

    it('leaves a SUBMIT unsure, and refuses to send it again until the queue has been asked', async () => {
      const answer = hangOnce(submit('TAPEOPS_INIT_0K3Z9Q').dcl.command);
      const { link, network, timers } = setup([answering(answer), answering(answer)]);
      await link.connect();
      const result = link.run(submit('TAPEOPS_INIT_0K3Z9Q')).catch((e: unknown) => e);
      await settle();
      network.last.drop();
      const error = await result;
      expect(isHostLinkError(error, 'unsure-if-submitted')).toBe(true);
      expect((error as HostLinkError).submissionName).toBe('TAPEOPS_INIT_0K3Z9Q');
      await timers.advance(1000);
      const again = await link.run(submit('TAPEOPS_INIT_0K3Z9Q')).catch((e: unknown) => e);
      expect(isHostLinkError(again, 'unsure-if-submitted')).toBe(true);
      expect(link.isUnsure('TAPEOPS_INIT_0K3Z9Q')).toBe(true);
      link.resolveSubmission('TAPEOPS_INIT_0K3Z9Q', false);
      expect((await link.run(submit('TAPEOPS_INIT_0K3Z9Q'))).status).toBe(1);
      expect(network.transports.map((t) => t.sent.length)).toEqual([1, 1]);
    });

    it('resets the session after a timeout, which leaves the framing unknown', async () => {
      const { link, network, timers } = setup([
        answering(() => Promise.reject(new HostLinkError('timeout', 'BLT4 did not send the end of "SHOW TIME" within 2 s', { mayHaveRun: true }))),
        answering(),
      ]);
      await link.connect();
      const result = link.run(showTime, { retries: 0 }).catch((e: unknown) => e);
      expect(isHostLinkError(await result, 'timeout')).toBe(true);
      expect(network.transports[0]?.closed).toBe(true);
      expect(link.state.kind).toBe('reconnecting');
      await timers.advance(1000);
      expect(link.state.kind).toBe('connected');
    });
  });

  it('sends a submission once: a second SUBMIT by the same name is refused', async () => {
    const { link } = setup([answering()]);
    await link.connect();
    await link.run(submit('TAPEOPS_DAILY_BACKUP_000001'));
    const again = await link.run(submit('TAPEOPS_DAILY_BACKUP_000001')).catch((e: unknown) => e);
    expect(isHostLinkError(again, 'already-submitted')).toBe(true);
  });

  it('lets a SUBMIT the host refused be sent again', async () => {
    const { link } = setup([answering(() => ({ output: '%JBC-E-NOSUCHQUE, no such queue', status: 0x00048a4a, statusHex: '%X00048A4A' }))]);
    await link.connect();
    expect((await link.run(submit('TAPEOPS_X_000001'))).statusHex).toBe('%X00048A4A');
    expect((await link.run(submit('TAPEOPS_X_000001'))).statusHex).toBe('%X00048A4A');
  });
});
