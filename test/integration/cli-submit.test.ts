import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src-main/app/paths';
import type { SimulatedSite } from '../../src-main/simulator';
import { startLiveHost, type LiveHost } from '../support/live-host';
import { openStore } from '../../src-main/store';
import { parseShowQueue } from '../../shared/vms/parsers';

const dir = mkdtempSync(join(tmpdir(), 'tapeops-submit-'));
const dataDir = join(dir, 'data');
let live: LiveHost;
let site: SimulatedSite;
let siteFile: string;

function tapeops(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(projectRoot, 'bin', 'tapeops.js'), ...args], { timeout: 60_000, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  live = await startLiveHost(dir, 'Tape-Room-7');
  site = live.site;
  siteFile = live.siteFile;
});

afterAll(async () => {
  await live.close();
  rmSync(dir, { recursive: true, force: true });
});

const submitArgs = () => ['submit', 'INITIALIZE_TAPES', '--param', '3', '--as', 'js', '--site', siteFile, '--data-dir', dataDir];

describe('tapeops submit JOB (sending)', () => {
  it("needs the operator's initials and the password", async () => {
    expect((await tapeops(['submit', 'INITIALIZE_TAPES', '--site', siteFile])).code).toBe(2);
    const noPassword = await tapeops(submitArgs(), { TAPEOPS_PASSWORD: '' });
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/TAPEOPS_PASSWORD/);
  });

  it('submits nothing to a host whose key nobody approved, and shows its fingerprint', async () => {
    const result = await tapeops(submitArgs(), { TAPEOPS_PASSWORD: 'Tape-Room-7' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/BLT4 is not known yet.*SHA256:[A-Za-z0-9+/]{43}.*Nothing was submitted/s);
    const queue = parseShowQueue((await site.exec('BLT4', 'SHOW QUEUE/ALL_JOBS TAPE_BACKUP')).output);
    // the queue holds only what the site's scheduler keeps there (the next DAILY_BACKUP): no INITIALIZE_TAPES
    const entries = queue.ok && !queue.refused ? (queue.value.queues[0]?.entries ?? []) : [];
    expect(entries.map((entry) => entry.jobName)).toEqual(['DAILY_BACKUP']);
  });

  it("with the key approved, sends the plan's INITIALIZE_TAPES once, to TAPE_BACKUP, recorded under the operator", async () => {
    const refused = await tapeops(submitArgs(), { TAPEOPS_PASSWORD: 'Tape-Room-7' });
    const fingerprint = /SHA256:[A-Za-z0-9+/]{43}/.exec(refused.stderr)?.[0] as string;
    const store = openStore(join(dataDir, 'tapeops.db'));
    store.hostKeys.approve({ host: 'BLT4', address: '127.0.0.1', port: live.port, algorithm: 'ssh-rsa', fingerprint }, 'JS');
    store.close();

    const result = await tapeops(submitArgs(), { TAPEOPS_PASSWORD: 'Tape-Room-7' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const name = /\/NAME=(TAPEOPS_INITIALIZE_TAPES_[0-9A-Z]{6})/.exec(result.stdout)?.[1];
    expect(name).toBeDefined();
    expect(result.stdout).toMatch(/\(queue TAPE_BACKUP, entry \d+\)/);

    const listing = parseShowQueue((await site.exec('BLT4', 'SHOW QUEUE/ALL_JOBS/FULL TAPE_BACKUP')).output);
    const entries = listing.ok && !listing.refused ? (listing.value.queues[0]?.entries ?? []) : [];
    expect(entries.filter((entry) => entry.jobName === name)).toHaveLength(1);

    const audit = openStore(join(dataDir, 'tapeops.db'));
    expect(audit.audit.list({ action: 'job.submit' })[0]).toMatchObject({ who: 'JS', subject: 'INITIALIZE_TAPES' });
    audit.close();
  });

  it("sends INITIALIZE_TAPES as the plan writes it, without /USER, and an adhoc backup as the plan's batch user", async () => {
    const initialize = await tapeops(['submit', 'INITIALIZE_TAPES', '--param', '3', '--dry-run', '--site', siteFile]);
    expect(initialize.stdout.split('\n')[0]).toMatch(
      /^SUBMIT\/PARAMETER=3\/QUEUE=TAPE_BACKUP\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_INITIALIZE_TAPES_\w{6} SYS\$LOGIN:INITIALIZE_TAPES\.COM$/,
    );

    const result = await tapeops(['submit', 'RMU_BACKUP_LEASE_DATA', '--as', 'js', '--site', siteFile, '--data-dir', dataDir], { TAPEOPS_PASSWORD: 'Tape-Room-7' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^SUBMIT\/QUEUE=TAPE_BACKUP\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_RMU_BACKUP_LEASE_DATA_\w{6}\/USER=LEASE_BATCH /);
    const name = /\/NAME=(TAPEOPS_RMU_BACKUP_LEASE_DATA_[0-9A-Z]{6})/.exec(result.stdout)?.[1];
    const listing = parseShowQueue((await site.exec('BLT4', 'SHOW QUEUE/ALL_JOBS/FULL TAPE_BACKUP')).output);
    const entries = listing.ok && !listing.refused ? (listing.value.queues[0]?.entries ?? []) : [];
    expect(entries.filter((entry) => entry.jobName === name).map((entry) => entry.username)).toEqual(['LEASE_BATCH']);
  });

  it('a wrong password submits nothing and says the host refused the login', async () => {
    const result = await tapeops(submitArgs(), { TAPEOPS_PASSWORD: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Nothing was submitted/);
  });
});
