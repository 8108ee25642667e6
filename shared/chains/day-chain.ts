/**
 * A day's chain of jobs as the host shows it: the day's jobs from the profile (the same timeline
 * Today shows), each matched with its queue entry of that day and the progress read from its log.
 * Pure and plain JSON, so that a run can save it whole and a restart goes on from it.
 *
 * A job's log is followed only once the job is known to have run today: seen in a queue reading of
 * this day, or a later job of the chain seen (it then ran between two readings). Until then the
 * newest version of its log is an earlier run's and is not read at all.
 */
import { planDay } from '../calendar/day-plan';
import type { IsoDate } from '../calendar/iso-date';
import type { JobStart } from '../calendar/job-timeline';
import { jobItems } from '../jobs/job-items';
import { advanceProgress, startProgress, type JobProgress, type NumberedLine } from '../jobs/job-progress';
import { jobState, type JobStateView } from '../jobs/job-state';
import type { SiteProfile } from '../site/schema';
import type { VmsMessage } from '../vms/messages';
import type { EntryStatus } from '../vms/parsers/entry-status';
import type { QueueEntry } from '../vms/parsers/entry-table';

export interface ChainJob {
  job: string;
  title: string;
  host: string;
  queue: string;
  when: JobStart;
  /** The log file the job writes, without version. */
  log: string;
  /** The queue entry of this day's run, once seen. */
  entry: number | null;
  /** What the last queue reading showed of it; null when the entry was not in the queue. */
  status: EntryStatus | null;
  statusMessages: VmsMessage[];
  /** The queue the entry was last seen on (it may have been moved). */
  seenOn: string | null;
  /** When it was first seen in a queue, and first seen executing. */
  firstSeenAt: string | null;
  startedAt: string | null;
  /** The log version followed (as the file reader names it), and the entry it was chosen for. */
  logPath: string | null;
  logEntry: number | null;
  /** Byte offset and line number reached in that version. */
  logOffset: number;
  /** When the log was last read, and when a read last brought lines. */
  readAt: string | null;
  linesAt: string | null;
  progress: JobProgress;
}

export interface DayChain {
  version: 1;
  date: IsoDate;
  kind: 'billrun' | 'daily';
  jobs: ChainJob[];
  /** The plan's arrows: who submits whom (and at what time). */
  arrows: { from: string; to: string; at: string | null }[];
  /** When the queues were last read, and what was wrong then, if anything. */
  queuesAt: string | null;
  queueProblems: string[];
}

export interface ChainQueueReading {
  host: string;
  queue: string;
  at: string;
  entries: readonly QueueEntry[] | null;
  problem: string | null;
}

/** The log file a job's runs write: the profile's logs directory and the job's name. */
export function logOfJob(profile: Pick<SiteProfile, 'directories'>, job: string): string {
  return `${profile.directories.logs}${job}.LOG`;
}

export function startChain(profile: SiteProfile, date: IsoDate): DayChain {
  const plan = planDay(profile, date);
  const byName = new Map(profile.jobs.map((job) => [job.name, job]));
  const jobs = plan.timeline.flatMap((entry): ChainJob[] => {
    const job = byName.get(entry.job);
    if (job === undefined) return [];
    return [
      {
        job: job.name,
        title: job.title,
        host: job.host,
        queue: job.queue,
        when: entry.when,
        log: logOfJob(profile, job.name),
        entry: null,
        status: null,
        statusMessages: [],
        seenOn: null,
        firstSeenAt: null,
        startedAt: null,
        logPath: null,
        logEntry: null,
        logOffset: 0,
        readAt: null,
        linesAt: null,
        progress: startProgress(jobItems(profile, job)),
      },
    ];
  });
  const names = new Set(jobs.map((j) => j.job));
  const arrows = profile.jobs.flatMap((job) =>
    names.has(job.name) ? job.submits.filter((s) => names.has(s.job)).map((s) => ({ from: job.name, to: s.job, at: s.at ?? null })) : [],
  );
  return { version: 1, date, kind: plan.kind, jobs, arrows, queuesAt: null, queueProblems: [] };
}

/** The log file an entry names, without the leading underscore and version (`_DISK$X:[D]J.LOG;` is `DISK$X:[D]J.LOG`). */
function logOfEntry(entry: QueueEntry): string | null {
  if (entry.logFile === null) return null;
  const spec = entry.logFile.replace(/^_/, '').replace(/;\d*$/, '');
  return /^[A-Z0-9$_-]+:\[[A-Z0-9$_.-]+\][A-Z0-9$_-]+\.[A-Z0-9$_-]*$/.test(spec) ? spec : null;
}

/** The local date an entry runs on: the time it holds until (/AFTER), else when it was submitted. */
function runDate(entry: QueueEntry): string | null {
  const at = entry.status.until?.iso ?? entry.after?.iso ?? entry.submitted?.iso;
  return at === undefined ? null : at.slice(0, 10);
}

/** Whether an entry is a run of the job: by its name, or the console's own unique submission name. */
function isRunOf(entry: QueueEntry, job: string): boolean {
  return entry.jobName === job || new RegExp(`^TAPEOPS_${job.replace(/\$/g, '\\$')}_[0-9A-Z]{1,12}$`).test(entry.jobName);
}

/** The chain after a reading of the queues. Entries of other days, and of other jobs, are left alone. */
export function withQueues(chain: DayChain, readings: readonly ChainQueueReading[], at: string): DayChain {
  const problems = readings.filter((r) => r.problem !== null).map((r) => `${r.host} ${r.queue}: ${r.problem ?? ''}`);
  const readHosts = new Set(readings.filter((r) => r.entries !== null).map((r) => r.host));
  const jobs = chain.jobs.map((job) => {
    const found = readings
      .filter((r) => r.host === job.host && r.entries !== null)
      .flatMap((r) => (r.entries ?? []).map((entry) => ({ entry, queue: r.queue })))
      .filter(({ entry }) => isRunOf(entry, job.job) && runDate(entry) === chain.date && (job.entry === null || entry.entry === job.entry || job.status === null));
    const latest = found.sort((a, b) => b.entry.entry - a.entry.entry)[0];
    // a host that could not be read says nothing of its jobs: keep what was known
    if (!readHosts.has(job.host)) return job;
    if (latest === undefined) return { ...job, status: null, statusMessages: [] };
    const executing = ['executing', 'starting', 'aborting', 'stalled', 'suspended'].includes(latest.entry.status.state);
    return {
      ...job,
      // the entry's own /LOG_FILE, when the queue shows it (an operator's SUBMIT may put it elsewhere)
      log: logOfEntry(latest.entry) ?? job.log,
      entry: latest.entry.entry,
      status: latest.entry.status,
      statusMessages: [...(latest.entry.statusMessages ?? [])],
      seenOn: latest.queue,
      firstSeenAt: job.firstSeenAt ?? at,
      startedAt: job.startedAt ?? (executing ? at : null),
    };
  });
  return { ...chain, jobs, queuesAt: at, queueProblems: problems };
}

/** Whether the job is known to have run (or be running) today, so that its newest log is this day's. */
export function hasRunToday(chain: DayChain, job: string): boolean {
  const index = chain.jobs.findIndex((j) => j.job === job);
  const record = chain.jobs[index];
  if (record === undefined) return false;
  if (record.startedAt !== null || (record.firstSeenAt !== null && record.status === null)) return true;
  return chain.jobs.slice(index + 1).some((later) => later.firstSeenAt !== null && later.when.kind === 'after' && submittedAfter(chain, later.job, job));
}

/** Whether `later` is submitted, directly or not, once `earlier` has run. */
function submittedAfter(chain: DayChain, later: string, earlier: string): boolean {
  const seen = new Set<string>();
  const walk = (name: string): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    return chain.arrows.some((a) => a.to === name && (a.from === earlier || walk(a.from)));
  };
  return walk(later);
}

/** What the follower should do for a job now: nothing, read its log, or first ask which version it is. */
export function logWork(chain: DayChain, job: string): 'none' | 'read' | 'find-version' {
  const record = chain.jobs.find((j) => j.job === job);
  if (record === undefined || !hasRunToday(chain, job)) return 'none';
  if (record.logPath === null || (record.entry !== null && record.logEntry !== record.entry && record.startedAt !== null)) return 'find-version';
  // the log is read to its trailer: nothing more comes to this version
  if (record.progress.ended !== null) return 'none';
  return 'read';
}

export interface LogReading {
  path: string;
  offset: number;
  lines: readonly NumberedLine[];
  newVersion: boolean;
  /** The version was asked for with this read (as logWork's find-version asks). */
  versionChecked?: boolean;
}

/** The chain after lines read from a job's log (a new version starts the job's progress again). */
export function withLogLines(
  chain: DayChain,
  job: string,
  reading: LogReading,
  profile: Pick<SiteProfile, 'knownErrors' | 'jobs' | 'logicalNames' | 'tapes'>,
  at: string,
): DayChain {
  const jobs = chain.jobs.map((record) => {
    if (record.job !== job) return record;
    const fresh = reading.newVersion || record.logPath !== reading.path;
    const definition = profile.jobs.find((j) => j.name === job);
    const base = fresh && definition !== undefined ? startProgress(jobItems(profile, definition)) : record.progress;
    const progress = advanceProgress(base, reading.lines, profile.knownErrors);
    return {
      ...record,
      logPath: reading.path,
      logEntry: fresh || reading.versionChecked === true ? record.entry : record.logEntry,
      logOffset: reading.offset,
      readAt: at,
      linesAt: reading.lines.length > 0 ? at : record.linesAt,
      progress,
    };
  });
  return { ...chain, jobs };
}

/** A job's state for the screen, from what the queue and the log show. */
export function chainJobState(job: ChainJob): JobStateView {
  const reading = job.status === null ? null : { status: job.status, statusMessages: job.statusMessages };
  return jobState(reading, hasLog(job) ? job.progress : null);
}

function hasLog(job: ChainJob): boolean {
  return job.logPath !== null && job.progress.lastLine > 0;
}

/** Whether every job of the chain has ended (or will not run: nothing left to follow). */
export function chainEnded(chain: DayChain): boolean {
  return chain.jobs.every((job) => {
    const state = chainJobState(job).state;
    return state === 'completed' || state === 'completed-with-errors' || state === 'failed';
  });
}
