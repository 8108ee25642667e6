/**
 * Choosing another profile in Settings closes the site session and opens it again on the new
 * profile: the Hosts screen lists the new profile's hosts, and the console's simulated site
 * serves the new profile over SSH.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, LogicalResolution, QueueSnapshot, SiteSummary } from '../../shared/api';
import { isApiError } from '../../shared/errors';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import type { RequestContext } from '../../src-main/app/dispatch';
import { connectThroughConsole, makeTempDir, okResult as ok, shippedSiteFile, type TempDir } from '../support/api-fixtures';

let dir: TempDir;
let tapeops: ConsoleMain;
const ctx: RequestContext = { operator: null };

/** The shipped profile less its first host, and with LEASE_FILES's disk on another device. */
function otherProfile(): string {
  const text = readFileSync(shippedSiteFile, 'utf8');
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line === '  - name: BLT1');
  const next = lines.findIndex((line, i) => i > first && line.startsWith('  - name: '));
  lines.splice(first, next - first);
  const changed = lines.join('\n').replace('value: "$1$DGA15:"', 'value: "$1$DGA42:"');
  const file = dir.file('other.yaml');
  writeFileSync(file, changed);
  return file;
}

const connectBlt4 = () => connectThroughConsole(tapeops, 'BLT4', ctx);

beforeAll(async () => {
  dir = makeTempDir('site-session');
  tapeops = await startConsole({ shell: 'browser', version: 'test', dataDir: dir.path, defaultSiteFile: shippedSiteFile, hosts: 'simulated', log: () => undefined });
  ok(await tapeops.request('session.signIn', { initials: 'JS' }, ctx));
});

afterAll(async () => {
  await tapeops.close();
  dir.remove();
});

describe('site.choose opens the site session again on the chosen profile', () => {
  it('the Hosts screen and the simulated site follow the new profile', async () => {
    expect(ok<HostView[]>(await tapeops.request('hosts.list', {}, ctx)).map((h) => h.name)).toContain('BLT1');
    await connectBlt4();
    const before = ok<LogicalResolution>(await tapeops.request('logical.resolve', { name: 'LEASE_FILES' }, ctx));
    expect(before.device).toBe('$1$DGA15:');
    const firstSite = tapeops.session().simulator;

    const summary = ok<SiteSummary>(await tapeops.request('site.choose', { file: otherProfile() }, ctx));
    expect(summary.hosts.map((h) => h.name)).not.toContain('BLT1');

    const hosts = ok<HostView[]>(await tapeops.request('hosts.list', {}, ctx));
    expect(hosts.map((h) => h.name)).toEqual(summary.hosts.map((h) => h.name));
    expect(hosts.every((h) => h.simulated && h.state.kind === 'disconnected')).toBe(true);
    expect(tapeops.session().simulator).not.toBe(firstSite);

    // the simulated BLT4 now answers from the chosen profile; its host key is the one pinned before
    await connectBlt4();
    expect(ok<HostView[]>(await tapeops.request('hosts.list', {}, ctx)).find((h) => h.name === 'BLT4')?.state.kind).toBe('connected');
    const after = ok<LogicalResolution>(await tapeops.request('logical.resolve', { name: 'LEASE_FILES' }, ctx));
    expect(after.device).toBe('$1$DGA42:');
  });

  it('pushes the queues to every console once a host connects, read once in main', async () => {
    const pushed = new Promise<QueueSnapshot[]>((resolve) => {
      const stop = tapeops.events.listen((event, payload) => {
        if (event !== 'queues.changed') return;
        const snapshots = payload as QueueSnapshot[];
        if (snapshots.some((s) => s.queue === 'TAPE_BACKUP' && s.info !== null)) {
          stop();
          resolve(snapshots);
        }
      });
    });
    ok(await tapeops.request('hosts.disconnect', { host: 'BLT4' }, ctx));
    await connectBlt4();
    const snapshots = await pushed;
    const tape = snapshots.find((s) => s.queue === 'TAPE_BACKUP');
    expect(tape?.problem).toBeNull();
    expect(tape?.info?.name).toBe('TAPE_BACKUP');
    // a request answers the same reading the watch holds
    const shown = ok<QueueSnapshot[]>(await tapeops.request('queues.show', {}, ctx));
    expect(shown.map((s) => s.queue)).toEqual(snapshots.map((s) => s.queue));
  });

  it('a FIFO or a device typed in Settings is refused at once, and the console goes on answering', async () => {
    const fifo = dir.file('profile.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const [fromFifo, fromZero, info] = await Promise.all([
      tapeops.request('site.choose', { file: fifo }, ctx),
      tapeops.request('site.choose', { file: '/dev/zero' }, ctx),
      tapeops.request('app.info', {}, ctx),
    ]);
    expect(isApiError(fromFifo) && fromFifo.error.message).toMatch(/is a FIFO \(named pipe\), not a regular file/);
    expect(isApiError(fromZero) && fromZero.error.message).toMatch(/is a character device, not a regular file/);
    expect(ok<{ site: SiteSummary }>(info).site.hosts.length).toBeGreaterThan(0);
  });

  it('a profile that cannot be loaded leaves the session as it was', async () => {
    const session = tapeops.session();
    const missing = await tapeops.request('site.choose', { file: dir.file('nowhere.yaml') }, ctx);
    expect(isApiError(missing) && missing.error.code).toBe('invalid-site-profile');
    expect(tapeops.session()).toBe(session);
  });
});
