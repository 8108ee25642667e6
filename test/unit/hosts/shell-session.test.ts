import { describe, expect, it } from 'vitest';
import { isHostLinkError } from '../../../src-main/hosts/host-link-error';
import { ShellSession } from '../../../src-main/hosts/shell-session';
import { FakeTimers } from './fake-timers';
import { FakeDcl } from './fake-dcl';

const dcl = (command: string) => ({ command });

async function started(host = new FakeDcl(), timers = new FakeTimers()): Promise<{ host: FakeDcl; session: ShellSession; timers: FakeTimers }> {
  const session = new ShellSession(host, { host: 'BLT4', timers, promptToken: 'C0FFEE01' });
  host.login();
  await session.start(10_000);
  return { host, session, timers };
}

describe('an interactive DCL session', () => {
  it('answers the terminal inquiry, then sets the prompt and the terminal', async () => {
    const { host, session } = await started();
    expect(host.received).toEqual(['\x1b[?1;2c', 'SET PROMPT="TAPEOPS_C0FFEE01> "', 'SET TERMINAL/WIDTH=255/PAGE=0/NOECHO/NOBROADCAST', 'WRITE SYS$OUTPUT $STATUS']);
    expect(session.setupWarnings()).toEqual([]);
  });

  it('runs a command and reads its output and $STATUS', async () => {
    const { session } = await started();
    const result = await session.run(dcl('SHOW TIME'), 5000);
    expect(result).toMatchObject({ output: '  25-NOV-2026 08:00:00', status: 1, statusHex: '%X00000001' });
  });

  it('reads the same output when the host sends it three characters at a time, echo on', async () => {
    const host = new FakeDcl();
    host.chunkSize = 3;
    const { session } = await started(host);
    host.echo = true;
    const result = await session.run(dcl('SHOW TIME'), 5000);
    expect(result.output).toBe('  25-NOV-2026 08:00:00');
  });

  it('reads the same output however the host cuts it into chunks', async () => {
    for (const size of [1, 2, 5, 7, 64]) {
      const host = new FakeDcl();
      host.chunkSize = size;
      const { session } = await started(host);
      expect((await session.run(dcl('SHOW TIME'), 5000)).output).toBe('  25-NOV-2026 08:00:00');
    }
  });

  it('drops NUL fill characters and answers a terminal query that comes with the output', async () => {
    const { host, session } = await started();
    host.commands.set('SHOW USERS', () => ({ output: ['\0\0  OpenVMS User Processes\x1b[c', '\0    Total number of users = 1'], status: '%X00000001' }));
    const result = await session.run(dcl('SHOW USERS'), 5000);
    expect(result.output).toBe('  OpenVMS User Processes\n    Total number of users = 1');
    expect(host.received.filter((line) => line === '\x1b[?1;2c').length).toBe(2);
  });

  it('gives a failing command its status and message', async () => {
    const { session } = await started();
    const result = await session.run(dcl('SHOW FROBS'), 5000);
    expect(result.status).toBe(0x38090);
    expect(result.output).toBe('%DCL-W-IVVERB, unrecognized command verb - check validity and spelling\n \\SHOW\\');
  });

  it('reports a terminal setup the host refuses, and carries on', async () => {
    const host = new FakeDcl();
    host.commands.set('SET TERMINAL/WIDTH=255/PAGE=0/NOECHO/NOBROADCAST', () => ({
      output: ['%DCL-W-IVQUAL, unrecognized qualifier - check validity, spelling, and placement', ' \\NOECHO\\'],
      status: '%X00038240',
    }));
    const { session } = await started(host);
    expect(session.setupWarnings()).toEqual([
      'SET TERMINAL/WIDTH=255/PAGE=0/NOECHO/NOBROADCAST ended with %X00038240: %DCL-W-IVQUAL, unrecognized qualifier - check validity, spelling, and placement\n \\NOECHO\\',
    ]);
    expect((await session.run(dcl('SHOW TIME'), 5000)).output).toBe('  25-NOV-2026 08:00:00');
  });

  it('times out when the prompt never comes back', async () => {
    const { host, session, timers } = await started();
    host.hang = (line) => line === 'SHOW TIME';
    const run = session.run(dcl('SHOW TIME'), 2000);
    const caught = run.catch((e: unknown) => e);
    await timers.advance(2000);
    const error = await caught;
    expect(isHostLinkError(error, 'timeout')).toBe(true);
    expect((error as Error).message).toBe('BLT4 did not send the end of "SHOW TIME" within 2 s');
  });

  it('fails a command in flight when the channel closes', async () => {
    const { host, session } = await started();
    host.hang = () => true;
    const run = session.run(dcl('SHOW TIME'), 5000).catch((e: unknown) => e);
    host.drop();
    expect(isHostLinkError(await run, 'link-dropped')).toBe(true);
  });

  it('goes on after a quiet login whose LOGIN.COM set another prompt', async () => {
    const host = new FakeDcl('\r\nWelcome\r\n');
    host.prompt = 'BLT4> ';
    const timers = new FakeTimers();
    const session = new ShellSession(host, { host: 'BLT4', timers, promptToken: 'C0FFEE01', loginQuietMs: 2000 });
    host.login();
    const start = session.start(10_000);
    await timers.advance(2500);
    await start;
    expect(host.received[0]).toBe('SET PROMPT="TAPEOPS_C0FFEE01> "');
  });
});
