/**
 * Choosing another profile in Settings closes the site session and opens it again on the new
 * profile: the Hosts screen lists the new profile's hosts, and the console's simulated site
 * serves the new profile over SSH.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basename, dirname } from 'node:path';
import type { AuditEntry, HostView, LogicalResolution, QueueSnapshot, SiteProfileList, SiteSummary } from '../../shared/api';
import { isApiError } from '../../shared/errors';
import { startConsole, type ConsoleMain } from '../../src-main/app/start-console';
import type { RequestContext } from '../../src-main/app/dispatch';
import { checkSiteFile } from '../../src-main/site/check-site-file';
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

  it('a FIFO, a device or a file outside the listed folders is refused at once, and the console goes on answering', async () => {
    const fifo = dir.file('profile-fifo.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const [fromFifo, fromZero, fromPasswd, info] = await Promise.all([
      tapeops.request('site.choose', { file: fifo }, ctx),
      tapeops.request('site.choose', { file: '/dev/zero' }, ctx),
      tapeops.request('site.choose', { file: '/etc/passwd' }, ctx),
      tapeops.request('app.info', {}, ctx),
    ]);
    for (const refused of [fromFifo, fromZero, fromPasswd]) {
      expect(isApiError(refused) && refused.error.code).toBe('unlisted-site-profile');
      expect(isApiError(refused) && refused.error.message).toContain(`choose it from the list`);
    }
    expect(ok<{ site: SiteSummary }>(info).site.hosts.length).toBeGreaterThan(0);
  });

  it('a profile that cannot be loaded leaves the session as it was', async () => {
    const session = tapeops.session();
    const missing = await tapeops.request('site.choose', { file: dir.file('nowhere.yaml') }, ctx);
    expect(isApiError(missing) && missing.error.code).toBe('unlisted-site-profile');
    expect(tapeops.session()).toBe(session);
  });
});

describe('Settings lists the profiles it may load, and audits the refused ones', () => {
  it("lists the data folder's profiles and the shipped ones, and no other file", async () => {
    writeFileSync(dir.file('notes.txt'), 'not a profile');
    writeFileSync(dir.file('site-b.yml'), readFileSync(shippedSiteFile, 'utf8'));
    const list = ok<SiteProfileList>(await tapeops.request('site.profiles', {}, ctx));
    expect(list.folders).toEqual({ data: dir.path, shipped: dirname(shippedSiteFile) });
    const names = list.profiles.map((p) => `${p.folder}:${p.name}`);
    expect(names).toContain('data:site-b.yml');
    expect(names).toContain(`shipped:${basename(shippedSiteFile)}`);
    expect(names.some((name) => name.endsWith('notes.txt') || name.endsWith('tapeops.db'))).toBe(false);
  });

  it('shows each problem of a refused profile as FILE:LINE:COLUMN, as tapeops site check does, and audits the refusal', async () => {
    const broken = dir.file('broken.yaml');
    const text = readFileSync(shippedSiteFile, 'utf8')
      .replace('queue: TAPE_BACKUP', 'queue: TAPE_BACKUPP')
      .replace(/slots: 7/, 'slots: seven');
    writeFileSync(broken, text);
    const refused = await tapeops.request('site.choose', { file: broken }, ctx);
    if (!isApiError(refused)) throw new Error('the broken profile was loaded');
    const problems = (refused.error.details as { problems: string[] }).problems;
    const cli = checkSiteFile(broken).lines;
    expect(problems).toEqual(cli);
    const lines = text.split('\n');
    const queueLine = lines.findIndex((line) => line.includes('TAPE_BACKUPP')) + 1;
    expect(problems.some((p) => p.startsWith(`${broken}:${queueLine}:`) && p.includes('unknown queue "TAPE_BACKUPP"'))).toBe(true);
    const [record] = tapeops.store.audit.list({ action: 'site.profile-refused', limit: 1 });
    expect(record).toMatchObject({ who: 'JS', subject: broken, details: { problems } });
  });

  it('signs the operator out with an audit record; the window must sign in again', async () => {
    const own: RequestContext = { operator: null };
    ok(await tapeops.request('session.signIn', { initials: 'mab' }, own));
    expect(ok<{ initials: string }>(await tapeops.request('session.signOut', {}, own)).initials).toBe('MAB');
    expect(tapeops.store.audit.list({ limit: 1 })[0]).toMatchObject({ who: 'MAB', action: 'operator.sign-out', subject: 'MAB' });
    const after = await tapeops.request('site.profiles', {}, own);
    expect(isApiError(after) && after.error.code).toBe('not-signed-in');
  });

  it('pages the audit log by record id, newest first, beyond the latest 20', async () => {
    const latest = ok<AuditEntry[]>(await tapeops.request('audit.recent', { limit: 3 }, ctx));
    const older = ok<AuditEntry[]>(await tapeops.request('audit.recent', { limit: 3, beforeId: latest.at(-1)?.id ?? 0 }, ctx));
    expect(older.length).toBeGreaterThan(0);
    expect(older.every((entry) => entry.id < (latest.at(-1)?.id ?? 0))).toBe(true);
    expect([...latest, ...older].map((e) => e.id)).toEqual(tapeops.store.audit.list({ limit: latest.length + older.length }).map((e) => e.id));
  });
});
