/**
 * Following a batch log on the simulated BLT4 over real SSH (SFTP beside the DCL session): each
 * read fetches only what the batch system has written out since the last one, a new version of
 * the log is noticed, and a place saved in the store lets a new console go on where the old one
 * stopped, with no line lost and none counted twice.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/errors';
import { sftpPathOf } from '../../shared/vms/sftp-path';
import { readNewLines, type LogLine } from '../../src-main/host-queries/logs';
import { MemoryCredentialStore } from '../../src-main/hosts/credentials';
import { createHostLink } from '../../src-main/hosts/create-host-link';
import type { HostLink } from '../../src-main/hosts/host-link';
import { loadBillRunMagazine } from '../../src-main/simulator/drive/operator-steps';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';
import { openStore, type Store } from '../../src-main/store/open-store';
import { connectApprovingKey, waitForState } from '../support/link-state';
import { retainFinishedJobs, run, shippedProfile, siteAt } from '../unit/simulator/site-fixture';

const HOST_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;
const PASSWORD = 'tape-rack-7';
const LOG = 'DISK$MENTAT:[USER_DIR.LEASECOMM]RMU_BACKUP_DATA.LOG';
const dir = mkdtempSync(join(tmpdir(), 'tapeops-log-follow-'));
const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03');
let server: Awaited<ReturnType<typeof startSimulatorSshServer>>;

beforeAll(async () => {
  server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: { BLT4: HOST_KEY },
    users: [{ username: 'SYSTEM', password: PASSWORD }],
  });
});
afterAll(async () => {
  await server.close();
  site.close();
  rmSync(dir, { recursive: true, force: true });
});

const opened: { link: HostLink; store: Store }[] = [];
afterEach(() => {
  for (const { link, store } of opened.splice(0)) {
    link.disconnect();
    store.close();
  }
});

let stores = 0;
/** A console: its store (a file that outlives it when `file` is given again) and its link to BLT4. */
async function console_(file = join(dir, `store-${++stores}.db`)): Promise<{ link: HostLink; store: Store }> {
  const store = openStore(file);
  const credentials = new MemoryCredentialStore();
  await credentials.set('BLT4', { kind: 'password', password: PASSWORD });
  const link = createHostLink({
    host: { name: 'BLT4', address: '127.0.0.1', port: server.ports.BLT4 as number, user: 'SYSTEM' },
    access: { authentication: 'password', legacyAlgorithms: true },
    pins: store.hostKeys,
    credentials,
    backoff: { initialMs: 50, maxMs: 200, factor: 2 },
    ssh: { loginQuietMs: 1500 },
  });
  opened.push({ link, store });
  if (store.hostKeys.get('BLT4') === undefined) await connectApprovingKey(link, 'JS');
  else await link.connect();
  return { link, store };
}

/** The log as TYPE shows it now: what the batch system has written to the file. */
async function typed(): Promise<string[]> {
  return (await run(site, `TYPE ${LOG}`)).lines;
}

/** Reads and saves the place, as a follower does; returns the lines read. */
async function follow(link: HostLink, store: Store, recheckVersion = false): Promise<{ lines: LogLine[]; newVersion: boolean; bytesRead: number; size: number }> {
  const read = await readNewLines(link, store.logPlaces, LOG, { recheckVersion });
  store.logPlaces.save(read.place);
  return read;
}

describe('following a batch log over SFTP', () => {
  it('names a spec as the SFTP server does, and refuses anything that is not a file spec', () => {
    expect(sftpPathOf('DISK$MENTAT:[USER_DIR.LEASECOMM]X.LOG;109')).toBe('/DISK$MENTAT/USER_DIR/LEASECOMM/X.LOG;109');
    expect(sftpPathOf('DISK$BACKUP_01:[000000]A.BAK')).toBe('/DISK$BACKUP_01/A.BAK');
    for (const hostile of ['X.LOG', 'DISK$MENTAT:[USER_DIR]X.LOG"; DELETE *.*;*', 'DISK$MENTAT:[USER_DIR]../../etc/passwd', 'disk$m:[a]b.c'])
      expect(sftpPathOf(hostile)).toBeNull();
  });

  it('reads only what was written out since the last read, every line once, in order, as TYPE shows it', async () => {
    const { link, store } = await console_();
    // 07:50: RMU_BACKUP_DATA has not yet started: its log is the one an earlier run left
    clock.advanceMinutes(110);
    const earlier = await follow(link, store, true);
    expect(earlier.lines.length).toBeGreaterThan(0);

    let seen: LogLine[] = [];
    let fetched = 0;
    let size = 0;
    let versions = 0;
    // the Bill Run ends at 08:15; RMU_BACKUP_DATA then runs through the morning. The version is
    // asked for at each read here, as a follower does while it waits for a job to start
    for (let step = 0; step < 40; step += 1) {
      clock.advanceMinutes(7);
      const read = await follow(link, store, true);
      if (read.newVersion) {
        versions += 1;
        seen = [];
        fetched = 0;
      }
      seen.push(...read.lines);
      fetched += read.bytesRead;
      size = read.size;
      // what was read is exactly what the file holds so far: nothing missing, nothing twice
      if (versions > 0) expect(seen.map((l) => l.text)).toEqual(await typed());
    }
    expect(versions).toBe(1);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.map((l) => l.number)).toEqual(seen.map((_, i) => i + 1));
    // the whole log, to its accounting trailer
    expect(seen.some((l) => /^ {2}LEASE_BATCH {2}job terminated at /.test(l.text))).toBe(true);
    expect(seen.at(-1)?.text).toMatch(/Elapsed time: /);
    expect(seen.map((l) => l.text)).toEqual(await typed());
    // no byte was fetched twice
    expect(fetched).toBe(size);
  });

  it('notices a new version of the log and reads it from its first line', async () => {
    const { link, store } = await console_();
    const before = await follow(link, store, true);
    const lastNumber = before.lines.at(-1)?.number ?? 0;
    expect(lastNumber).toBeGreaterThan(0);
    // the job is run again by hand: a new version of its log
    await run(
      site,
      'SUBMIT/QUEUE=TIME_BLT4/USER=LEASE_BATCH/NAME=RMU_BACKUP_DATA/LOG_FILE=DISK$MENTAT:[USER_DIR.LEASECOMM] DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]BLT_CLEANUP.COM',
    );
    clock.advanceMinutes(30);
    const same = await follow(link, store);
    expect(same.lines).toEqual([]);
    const again = await follow(link, store, true);
    expect(again.newVersion).toBe(true);
    expect(again.lines[0]?.number).toBe(1);
    expect(again.lines.map((l) => l.text)).toEqual(await typed());
  });

  it('goes on after a restart from the place saved, and after the link drops', async () => {
    const file = join(dir, 'restarted.db');
    const first = await console_(file);
    await run(
      site,
      'SUBMIT/QUEUE=TIME_BLT4/USER=LEASE_BATCH/NAME=RMU_BACKUP_DATA/LOG_FILE=DISK$MENTAT:[USER_DIR.LEASECOMM] DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_DATA.COM',
    );
    clock.advanceMinutes(3);
    const part = await follow(first.link, first.store, true);
    expect(part.lines.length).toBeGreaterThan(0);
    // the console stops (its store closed) and a new one starts on the same store
    first.link.disconnect();
    first.store.close();
    opened.splice(opened.indexOf(first), 1);
    clock.advanceMinutes(20);
    const second = await console_(file);
    const rest = await follow(second.link, second.store);
    expect(rest.lines[0]?.number).toBe((part.lines.at(-1)?.number ?? 0) + 1);
    // the link drops; a read then fails, and the next one after reconnection loses nothing
    const dropped = waitForState(second.link, 'reconnecting', 20_000);
    site.faults.dropLink('BLT4');
    await dropped;
    clock.advanceHours(3);
    await expect(follow(second.link, second.store)).rejects.toThrow(/BLT4 is not connected|could not be read/);
    await waitForState(second.link, 'connected', 20_000);
    const after = await follow(second.link, second.store);
    const all = [...part.lines, ...rest.lines, ...after.lines];
    expect(all.map((l) => l.number)).toEqual(all.map((_, i) => i + 1));
    expect(all.map((l) => l.text)).toEqual(await typed());
  });
});
