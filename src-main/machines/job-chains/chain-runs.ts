/**
 * The job chains of this console: one run per day on the persisted-run manager, fed in main by
 * the queue watch (the queues are read once for every console) and by the logs of the jobs that
 * have run today, each followed from the place its run saved. The lines read are kept in the
 * store in the same transaction as the run that read them, so that after a crash or a dropped
 * link nothing is lost and nothing counted twice.
 */
import { localDate, type Clock } from '../../../shared/clock';
import type { ChainView, LogLinesView, QueueSnapshot } from '../../../shared/api';
import { chainView } from '../../../shared/chains/chain-view';
import { logWork, startChain, type ChainQueueReading } from '../../../shared/chains/day-chain';
import { isIsoDate } from '../../../shared/calendar/iso-date';
import { ApiFailure } from '../../../shared/errors';
import type { SiteProfile } from '../../../shared/site/schema';
import type { SiteLinks } from '../../hosts';
import { readNewLines } from '../../host-queries/logs';
import type { LogPlace, NewAuditEntry, Store } from '../../store';
import { createPersistedRuns, runRecordsOf, type RunKind, type RunMeta, type SavedRun } from '../persisted-runs';
import { CHAIN_MACHINE_VERSION, chainMachine, type ChainContext, type ChainMachine } from './chain-machine';

export interface JobChainsDeps {
  store: Store;
  clock: Clock;
  profile: SiteProfile;
  links: SiteLinks | undefined;
  /** The last reading of the queue watch. */
  queues(): QueueSnapshot[] | null;
  onChange(view: ChainView): void;
  log(message: string): void;
  /** How often the logs are read (the queue watch's interval by default). */
  everyMs?: number;
}

export interface FollowStats {
  /** Bytes fetched from the hosts' log files, and reads made. */
  bytesRead: number;
  reads: number;
}

export interface JobChains {
  list(): ChainView[];
  /** The chain of a day, started if none is followed for it. */
  follow(date: string): ChainView;
  logLines(chainId: string, job: string, from: number, count: number): LogLinesView;
  /** One round: the latest queue reading to every live chain, then the logs with new lines. */
  tick(): Promise<void>;
  stats(): FollowStats;
  close(): void;
}

const SUBJECT = 'jobs';
const DAY_MS = 86_400_000;

function contextProblem(saved: unknown): string | null {
  const context = saved as Partial<ChainContext> | null;
  if (typeof context !== 'object' || context === null) return 'the saved chain has no context';
  if (context.chain?.version !== 1 || !Array.isArray(context.chain.jobs)) return 'the saved chain is not a day chain of version 1';
  if (!Array.isArray(context.transitions)) return 'the saved chain has no record of its jobs';
  return null;
}

function transitionAudit(meta: RunMeta, transition: ChainContext['transitions'][number]): NewAuditEntry {
  return {
    who: 'system',
    action: 'job.state',
    subject: `${transition.job} ${meta.date} ${transition.state}`,
    details: { runId: meta.id, date: meta.date, ...transition },
  };
}

function chainKind(machine: ChainMachine, now: () => number, history: () => Record<string, number[]>): RunKind<ChainMachine, ChainView> {
  return {
    machine,
    version: CHAIN_MACHINE_VERSION,
    machineName: 'job chain machine',
    runName: 'job chain',
    status: (_snapshot, done) => (done ? 'done' : 'active'),
    auditMark: (context) => context.transitions.length,
    auditSince: (meta, { context }, mark) => context.transitions.slice(mark).map((t) => transitionAudit(meta, t)),
    view: (meta, { context }, how) =>
      chainView(context.chain, {
        id: meta.id,
        status: how.status === 'active' ? 'active' : 'done',
        updatedAt: how.updatedAt,
        seq: how.kind === 'live' ? how.seq : 0,
        now: now(),
        history: history(),
      }),
    refusedView: (saved: SavedRun, message: string) => ({
      id: saved.id,
      date: saved.date,
      kind: 'daily',
      status: 'refused',
      summary: message,
      tone: 'failed',
      jobs: [],
      arrows: [],
      queuesAt: null,
      queueProblems: [],
      updatedAt: saved.updatedAt,
      seq: 0,
    }),
    contextProblem,
    due: (snapshot, at) =>
      snapshot.status === 'active' && Date.parse(at) - Date.parse(`${snapshot.context.chain.date}T00:00:00`) > 2 * DAY_MS ? { type: 'CLOSE', at } : null,
  };
}

/** The queue watch's snapshots as the chain reads them. */
function readingsOf(snapshots: readonly QueueSnapshot[]): ChainQueueReading[] {
  return snapshots.map((s) => ({ host: s.host, queue: s.queue, at: s.at, entries: s.info?.entries ?? null, problem: s.problem }));
}

/** Durations of the complete runs of each job in the chains saved, for estimates. */
function historyOf(store: Store): Record<string, number[]> {
  const history: Record<string, number[]> = {};
  for (const row of store.chainRuns.list({ limit: 60 })) {
    const context = (row.snapshot as { context?: ChainContext } | null)?.context;
    for (const job of context?.chain.jobs ?? []) {
      const elapsed = job.progress.ended?.elapsedMs;
      if (elapsed !== null && elapsed !== undefined && job.progress.failed === 0) (history[job.job] ??= []).push(elapsed);
    }
  }
  return history;
}

export function createJobChains(deps: JobChainsDeps): JobChains {
  const { store, clock, profile } = deps;
  let history = historyOf(store);
  const runs = createPersistedRuns({
    kind: chainKind(
      chainMachine(profile),
      () => clock.now().getTime(),
      () => history,
    ),
    records: runRecordsOf(store.chainRuns, 50),
    clock,
    onChange: (view) => {
      if (view.status === 'done') history = historyOf(store);
      deps.onChange(view);
    },
    log: deps.log,
  });
  const stats: FollowStats = { bytesRead: 0, reads: 0 };
  const complaints = new Set<string>();
  let lastQueues: string | null = null;
  let ticking: Promise<void> | null = null;

  const idOf = (date: string) => `chain-${date}`;
  // a live chain's context from its actor; a finished one's from the store
  const contextOf = (id: string): ChainContext | undefined =>
    runs.live().find((run) => run.meta.id === id)?.context ?? (store.chainRuns.get(id)?.snapshot as { context?: ChainContext } | undefined)?.context;

  function follow(date: string): ChainView {
    if (!isIsoDate(date)) throw new ApiFailure('invalid-input', `${JSON.stringify(date)} is not a date such as 2010-08-03`);
    const known = runs.list().find((v) => v.date === date && v.status !== 'refused');
    if (known !== undefined) return known;
    const chain = startChain(profile, date);
    return runs.start({ id: idOf(date), subject: SUBJECT, date, startedBy: 'system' }, { chain }, []);
  }

  function complain(key: string, message: string): void {
    if (complaints.has(key)) return;
    complaints.add(key);
    deps.log(message);
  }

  async function readLogs(id: string, context: ChainContext): Promise<void> {
    for (const job of context.chain.jobs) {
      const work = logWork(context.chain, job.job);
      if (work === 'none') continue;
      const link = deps.links?.link(job.host);
      if (link === undefined || link.state.kind !== 'connected') continue;
      // the place the chain's own snapshot holds: saved with the lines, in one transaction
      const place: LogPlace | undefined =
        job.logPath === null ? undefined : { host: job.host, log: job.log, path: job.logPath, offset: job.logOffset, line: job.progress.lastLine };
      const places = {
        latest: () => place,
        get: (_host: string, path: string) => (place?.path === path ? place : undefined),
        save: () => undefined,
      };
      try {
        const read = await readNewLines(link, places, job.log, { recheckVersion: work === 'find-version' });
        stats.bytesRead += read.bytesRead;
        stats.reads += 1;
        complaints.delete(`${id}:${job.job}`);
        if (read.lines.length === 0 && !read.newVersion && read.place.path === job.logPath && work === 'read') continue;
        const at = clock.now().toISOString();
        store.transaction(() => {
          store.logLines.append(job.host, read.place.path, read.lines);
          runs.send(id, {
            type: 'LOG',
            job: job.job,
            reading: { path: read.place.path, offset: read.place.offset, lines: read.lines, newVersion: read.newVersion, versionChecked: work === 'find-version' },
            at,
          });
        });
      } catch (error) {
        complain(`${id}:${job.job}`, `the log of ${job.job} could not be followed: ${(error as Error).message}`);
      }
    }
  }

  async function round(): Promise<void> {
    const today = localDate(clock.now());
    // today's chain is followed from the first round of the day; the full list is read only then
    if (!runs.live().some((run) => run.meta.date === today) && store.chainRuns.get(idOf(today)) === undefined) follow(today);
    const snapshots = deps.queues();
    const key = snapshots === null ? null : JSON.stringify(snapshots.map((s) => [s.host, s.queue, s.at]));
    if (snapshots !== null && key !== lastQueues) {
      for (const run of runs.live()) runs.send(run.meta.id, { type: 'QUEUES', readings: readingsOf(snapshots), at: clock.now().toISOString() });
    }
    lastQueues = key;
    for (const run of runs.live()) await readLogs(run.meta.id, run.context);
  }

  function tick(): Promise<void> {
    ticking ??= round()
      .catch((error: unknown) => deps.log(`the job chains could not be followed: ${(error as Error).message}`))
      .finally(() => {
        ticking = null;
      });
    return ticking;
  }

  const timer = setInterval(() => void tick(), deps.everyMs ?? 5000);
  timer.unref();

  return {
    list: () => runs.list(),
    follow,
    logLines(chainId, job, from, count) {
      const context = contextOf(chainId);
      if (context === undefined) throw new ApiFailure('unknown-run', `There is no job chain ${chainId}.`);
      const record = context.chain.jobs.find((j) => j.job === job);
      if (record === undefined) throw new ApiFailure('unknown-job', `${job} is not a job of the chain of ${context.chain.date}.`);
      if (record.logPath === null) return { chainId, job, version: null, total: 0, from, lines: [] };
      return { chainId, job, version: record.logPath, total: record.progress.lastLine, from, lines: store.logLines.window(record.host, record.logPath, from, count) };
    },
    tick,
    stats: () => ({ ...stats }),
    close() {
      clearInterval(timer);
      runs.close();
    },
  };
}
