/**
 * A whole simulated Bill Run day (2010-08-03) and the next morning's daily backup, followed by the
 * console's job chains over real SSH: the queues read as the queue watch reads them, each job's
 * log followed over SFTP from the place its chain saved. Every job ends in its right state with
 * all its items, the savesets on the right tapes; a console that stops and starts again on the
 * same store goes on with no line lost and none twice; a link that drops is followed again.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChainView, QueueSnapshot } from '../../shared/api';
import { readSiteQueues } from '../../src-main/host-queries/queues';
import { MemoryCredentialStore } from '../../src-main/hosts/credentials';
import { createSiteLinks, type SiteLinks } from '../../src-main/hosts/site-links';
import { createJobChains, type JobChains } from '../../src-main/machines/job-chains/chain-runs';
import { loadBillRunMagazine } from '../../src-main/simulator/drive/operator-steps';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';
import { openStore, type Store } from '../../src-main/store/open-store';
import { connectApprovingKey } from '../support/link-state';
import { run, shippedProfile, siteAt } from '../unit/simulator/site-fixture';

const HOST_KEY = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
}).privateKey;
const PASSWORD = 'tape-rack-7';
const dir = mkdtempSync(join(tmpdir(), 'tapeops-chains-'));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

interface Day {
  site: ReturnType<typeof siteAt>['site'];
  clock: ReturnType<typeof siteAt>['clock'];
  port: number;
}

async function simulatedDay(faults: (site: Day['site']) => void = () => undefined): Promise<Day> {
  const { site, clock } = siteAt('2010-08-03T06:00:00', { billRunAt: '07:30' });
  // the magazine as the day's slot plan has it: the five Bill Run tapes, then DAILY 1
  loadBillRunMagazine(site.drive('BLT4')!, shippedProfile(), '2010-08-03', { dailyLabel: 'DAILY 1' });
  faults(site);
  const server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: { BLT4: HOST_KEY },
    users: [{ username: 'SYSTEM', password: PASSWORD }],
  });
  cleanups.push(async () => {
    await server.close();
    site.close();
  });
  return { site, clock, port: server.ports.BLT4 as number };
}

/** A console: its store, its links to the simulated site, its chains fed by a queue reading per round. */
class Console {
  latest: QueueSnapshot[] | null = null;
  readonly views = new Map<string, ChainView>();
  private constructor(
    readonly store: Store,
    readonly links: SiteLinks,
    readonly chains: JobChains,
  ) {}

  static async open(day: Day, file: string): Promise<Console> {
    const store = openStore(file, { now: () => day.clock.now() });
    const credentials = new MemoryCredentialStore();
    await credentials.set('BLT4', { kind: 'password', password: PASSWORD });
    const links = createSiteLinks({
      profile: shippedProfile(),
      store,
      credentials,
      endpoints: { BLT4: { address: '127.0.0.1', port: day.port } },
      simulated: true,
      clock: day.clock,
    });
    const link = links.link('BLT4');
    if (link === undefined) throw new Error('no link to BLT4');
    if (store.hostKeys.get('BLT4') === undefined) await connectApprovingKey(link, 'JS');
    else await link.connect();
    let console_: Console | undefined;
    const chains = createJobChains({
      store,
      clock: day.clock,
      profile: shippedProfile(),
      links,
      queues: () => console_?.latest ?? null,
      onChange: (view) => console_?.views.set(view.id, view),
      log: () => undefined,
      everyMs: 3_600_000,
    });
    console_ = new Console(store, links, chains);
    return console_;
  }

  /** One round of the console's main loop: the queues read, then the chains fed. */
  async round(day: Day): Promise<void> {
    this.latest = await readSiteQueues(shippedProfile(), this.links, () => day.clock.now());
    await this.chains.tick();
  }

  close(): void {
    this.chains.close();
    this.links.close();
    this.store.close();
  }

  chain(date: string): ChainView {
    const view = this.chains.list().find((v) => v.date === date);
    if (view === undefined) throw new Error(`no chain for ${date}`);
    return view;
  }
}

/** Plays the site forward in steps, a console round after each, until `until` (local time). */
async function playUntil(day: Day, console_: Console, until: string, stepMinutes = 4): Promise<void> {
  const end = new Date(until).getTime();
  while (day.clock.now().getTime() < end) {
    day.clock.advanceMinutes(stepMinutes);
    await console_.round(day);
    if (process.env.CHAIN_TRACE) console.log(day.clock.now().toISOString(), Date.now() % 100000, console_.chains.stats());
  }
}

const states = (view: ChainView) => Object.fromEntries(view.jobs.map((j) => [j.job, j.state]));

describe('the job chains of a simulated Bill Run day', () => {
  it('follows the whole day and the next morning: every job, item and tape as the plan says', async () => {
    const day = await simulatedDay();
    const console_ = await Console.open(day, join(dir, 'whole-day.db'));
    cleanups.push(() => console_.close());
    // the operator's morning: the magazine is in, tapes 3 to 5 are initialised
    await playUntil(day, console_, '2010-08-03T06:30:00');
    await run(day.site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    // mid-morning: the Bill Run has handed over to the backups, one of them executing
    await playUntil(day, console_, '2010-08-03T09:00:00');
    const morning = console_.chain('2010-08-03');
    const executing = morning.jobs.filter((j) => j.state === 'executing');
    expect(executing.length).toBeGreaterThan(0);
    expect(executing.some((j) => j.current !== null && j.total > 0)).toBe(true);
    expect(morning.summary).toMatch(/running/);

    await playUntil(day, console_, '2010-08-04T09:00:00', 6);
    const billRun = console_.chain('2010-08-03');
    expect(states(billRun)).toEqual({
      INITIALIZE_TAPES: 'completed',
      INVOICE_STATEMENT_GENERATE: 'completed',
      RMU_BACKUP_DATA: 'completed',
      PROD_AND_DEVEL_BACKUP: 'completed',
      BLT_CLEANUP: 'completed',
      RMU_BACKUP_DOCUMENT: 'completed',
      CONSOLIDATED_BACKUP_TO_TAPE: 'completed',
    });
    const job = (name: string) => billRun.jobs.find((j) => j.job === name);
    // all 13 databases and the LEASE_FILES saveset, the seven devices, the 15 savesets
    expect([job('RMU_BACKUP_DATA')?.done, job('RMU_BACKUP_DATA')?.total]).toEqual([10, 10]);
    expect([job('RMU_BACKUP_DOCUMENT')?.done, job('RMU_BACKUP_DOCUMENT')?.total]).toEqual([4, 4]);
    expect([job('PROD_AND_DEVEL_BACKUP')?.done, job('PROD_AND_DEVEL_BACKUP')?.total]).toEqual([7, 7]);
    expect([job('CONSOLIDATED_BACKUP_TO_TAPE')?.done, job('CONSOLIDATED_BACKUP_TO_TAPE')?.total]).toEqual([15, 15]);
    expect(job('CONSOLIDATED_BACKUP_TO_TAPE')?.volumes.map((v) => v.slice(-1))).toEqual(['D', 'E', 'F', 'G']);
    // BLT_CLEANUP after PROD_AND_DEVEL_BACKUP
    expect(Date.parse(job('BLT_CLEANUP')?.startedAt ?? '')).toBeGreaterThan(Date.parse(job('PROD_AND_DEVEL_BACKUP')?.startedAt ?? ''));
    expect(billRun.arrows).toContainEqual({ from: 'RMU_BACKUP_DATA', to: 'RMU_BACKUP_DOCUMENT', at: '12:00' });

    const daily = console_.chain('2010-08-04');
    const dailyBackup = daily.jobs.find((j) => j.job === 'DAILY_BACKUP');
    if (process.env.CHAIN_TRACE) console.log((await run(day.site, 'SHOW QUEUE/ALL/FULL TAPE_BACKUP')).output, JSON.stringify(dailyBackup, null, 1).slice(0, 1500));
    expect(dailyBackup?.state).toBe('completed');
    expect([dailyBackup?.done, dailyBackup?.total]).toEqual([7, 7]);
    expect(dailyBackup?.tape).toMatch(/^DAILY/);

    // every line of every log held once, as the host has it
    for (const view of [billRun, daily]) {
      for (const j of view.jobs.filter((x) => x.log.version !== null)) {
        const held = console_.chains.logLines(view.id, j.job, 1, 2000);
        const typed = (await run(day.site, `TYPE ${j.log.file}${j.log.version?.replace(/^.*;/, ';') ?? ''}`)).lines;
        expect(
          held.lines.map((l) => l.text),
          j.job,
        ).toEqual(typed);
      }
    }
    // the state changes are in the audit log
    expect(console_.store.audit.list({ action: 'job.state' }).some((e) => e.subject?.startsWith('CONSOLIDATED_BACKUP_TO_TAPE 2010-08-03 completed') === true)).toBe(true);
  }, 300_000);
});
