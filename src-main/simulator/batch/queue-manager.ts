/**
 * The queue manager of one host: batch queues, entries and their states, entry numbers, and the
 * starting of jobs as job limits, /AFTER times and holds allow.
 *
 * States, as SHOW QUEUE names them: Pending (waiting for a place in the queue), Holding (/HOLD),
 * Holding until (/AFTER), Executing, Retained on completion / Retained on error.
 *
 * A finished job leaves the queue unless it is retained, as on OpenVMS: by the queue's /RETAIN
 * (ALL, or ERROR for the jobs that fail), which takes precedence and keeps the entry until it is
 * deleted; otherwise by the job's own SUBMIT /RETAIN (ALWAYS, ERROR, UNTIL a time: the entry goes
 * when that time comes, as the site's clock moves). DEFAULT, or no /RETAIN, is the queue's policy.
 */
import type { SiteQueue } from '../../../shared/site/schema';
import type { ErrorHandling } from './job-context';

export type EntryState = 'pending' | 'holding' | 'holding-until' | 'executing' | 'retained-completion' | 'retained-error';

/** A job's own retention (SUBMIT or SET ENTRY /RETAIN). */
export type JobRetention =
  | { kind: 'default' }
  | { kind: 'always' }
  | { kind: 'error' }
  /** UNTIL an absolute (or combination) time. */
  | { kind: 'until'; at: Date }
  /** UNTIL a delta time: that long after the job ends. */
  | { kind: 'after-end'; ms: number };

export interface BatchQueue {
  name: string;
  host: string;
  jobLimit: number;
  basePriority: number;
  owner: string;
  protection: string;
  retain: 'ALL' | 'ERROR' | null;
  stopped: boolean;
  description: string | null;
  kind: SiteQueue['kind'] | 'general';
}

export interface BatchEntry {
  entry: number;
  jobName: string;
  username: string;
  queue: BatchQueue;
  /** The procedure as the queue manager shows it: `_$1$DGA2:[DIR]NAME.COM;7`. */
  file: string;
  /** Its size in blocks, the Blocks column of SHOW QUEUE. */
  blocks: number;
  /** The job (of the profile) the procedure runs, when it is one of the plan's. */
  profileJob: string | null;
  submitted: Date;
  after: Date | null;
  hold: boolean;
  parameters: string[];
  /** As the user gave it, or the default (SYS$LOGIN:jobname.LOG). */
  logFile: string;
  keep: boolean;
  printer: boolean;
  priority: number;
  state: EntryState;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Final status (condition value) and, for an error, the message lines it ended with. */
  completionStatus: number | null;
  completionMessages: string[];
  /** The job's own /RETAIN; the queue's policy when absent. */
  retention?: JobRetention;
  /** For an entry kept by its own UNTIL: when it leaves the queue. */
  retainedUntil?: Date;
  /** Set while executing, to stop the job (DELETE/ENTRY). */
  abort?: () => void;
  /** What the procedure does after a failed command, read from its text at SUBMIT (DCL's default when absent). */
  errorHandling?: ErrorHandling;
  /** How often the job's output reaches its log file (SET OUTPUT_RATE), in milliseconds. */
  outputRateMs?: number;
  /** The job's process while it executes. */
  process?: BatchProcess;
}

/**
 * The process a batch job runs in: OpenVMS names it BATCH_<entry number> and creates it under the
 * job's user (HP OpenVMS System Manager's Manual, batch jobs), so F$GETJPI's PRCNAM and SHOW
 * SYSTEM show that name, and USERNAME the job's owner.
 */
export interface BatchProcess {
  pid: string;
  name: string;
  username: string;
  /** The entry it runs. */
  entry: number;
  startedAt: Date;
}

/** The process name of a batch job: BATCH_ and the entry number. */
export function batchProcessName(entry: number): string {
  return `BATCH_${entry}`;
}

export interface StartJob {
  (entry: BatchEntry): void;
}

export class QueueManager {
  readonly queues: BatchQueue[] = [];
  readonly entries: BatchEntry[] = [];
  private nextEntry: number;

  constructor(
    readonly host: string,
    firstEntry: number,
    private readonly now: () => Date,
    private readonly schedule: (at: Date, run: () => void) => void,
    private readonly startJob: StartJob,
  ) {
    this.nextEntry = firstEntry;
  }

  addQueue(queue: BatchQueue): void {
    this.queues.push(queue);
  }

  queue(name: string): BatchQueue | undefined {
    return this.queues.find((q) => q.name === name.toUpperCase());
  }

  entry(number: number): BatchEntry | undefined {
    return this.entries.find((e) => e.entry === number);
  }

  /** The processes of the jobs executing now, in entry order (for SHOW SYSTEM, F$GETJPI, F$PID). */
  processes(): BatchProcess[] {
    return this.entries
      .filter((e) => e.state === 'executing' && e.process !== undefined)
      .sort((a, b) => a.entry - b.entry)
      .map((e) => e.process as BatchProcess);
  }

  entriesOf(queue: BatchQueue): BatchEntry[] {
    return this.entries.filter((e) => e.queue === queue);
  }

  /** Queue state as the header shows it: idle, available, busy, stopped. */
  queueState(queue: BatchQueue): string {
    if (queue.stopped) return 'stopped';
    const executing = this.entriesOf(queue).filter((e) => e.state === 'executing').length;
    if (executing === 0) return 'idle';
    return executing >= queue.jobLimit ? 'busy' : 'available';
  }

  submit(request: Omit<BatchEntry, 'entry' | 'state' | 'startedAt' | 'completedAt' | 'completionStatus' | 'completionMessages' | 'submitted'>): BatchEntry {
    const now = this.now();
    const after = request.after !== null && request.after.getTime() > now.getTime() ? request.after : null;
    const entry: BatchEntry = {
      ...request,
      after,
      entry: this.nextEntry,
      submitted: now,
      state: request.hold ? 'holding' : after !== null ? 'holding-until' : 'pending',
      startedAt: null,
      completedAt: null,
      completionStatus: null,
      completionMessages: [],
    };
    this.nextEntry += 1;
    this.entries.push(entry);
    if (after !== null) this.schedule(after, () => this.release(entry, true));
    this.dispatch();
    return entry;
  }

  /** An /AFTER time came, or SET ENTRY/RELEASE. */
  release(entry: BatchEntry, timed = false): void {
    if (entry.state === 'holding-until' || (!timed && entry.state === 'holding')) {
      if (timed && entry.after !== null && entry.after.getTime() > this.now().getTime()) return;
      entry.hold = false;
      entry.after = null;
      entry.state = 'pending';
      this.dispatch();
    }
  }

  hold(entry: BatchEntry): void {
    if (entry.state === 'pending' || entry.state === 'holding-until') {
      entry.hold = true;
      entry.state = 'holding';
    }
  }

  delete(entry: BatchEntry): void {
    if (entry.state === 'executing') {
      entry.abort?.();
      return;
    }
    delete entry.retainedUntil;
    this.remove(entry);
  }

  /** Sets a job's own retention (SUBMIT /RETAIN, SET ENTRY /RETAIN); for a finished job, applies it now. */
  retain(entry: BatchEntry, retention: JobRetention): void {
    entry.retention = retention;
    if (entry.completedAt !== null && this.entries.includes(entry)) this.keepOrRemove(entry);
  }

  /** A job ended: retained (by its queue, or by its own /RETAIN) or removed. */
  complete(entry: BatchEntry, status: number, messages: string[]): void {
    entry.state = (status & 1) === 1 ? 'retained-completion' : 'retained-error';
    entry.completedAt = this.now();
    entry.completionStatus = status;
    entry.completionMessages = messages;
    delete entry.abort;
    delete entry.process;
    this.keepOrRemove(entry);
    this.dispatch();
  }

  private keepOrRemove(entry: BatchEntry): void {
    const until = this.keptUntil(entry);
    delete entry.retainedUntil;
    if (until === 'until-deleted') return;
    if (until === null || until.getTime() <= this.now().getTime()) {
      this.remove(entry);
      return;
    }
    entry.retainedUntil = until;
    this.schedule(until, () => {
      // a later SET ENTRY /RETAIN may have moved the time, or the entry been deleted already
      if (entry.retainedUntil?.getTime() === until.getTime()) this.remove(entry);
    });
  }

  /** Until when a finished entry stays: until it is deleted, until a time, or not at all (null). */
  private keptUntil(entry: BatchEntry): Date | 'until-deleted' | null {
    const failed = ((entry.completionStatus ?? 1) & 1) === 0;
    const { retain } = entry.queue;
    if (retain === 'ALL' || (retain === 'ERROR' && failed)) return 'until-deleted';
    const own = entry.retention ?? { kind: 'default' };
    switch (own.kind) {
      case 'default':
        return null;
      case 'always':
        return 'until-deleted';
      case 'error':
        return failed ? 'until-deleted' : null;
      case 'until':
        return own.at;
      case 'after-end':
        return new Date((entry.completedAt ?? this.now()).getTime() + own.ms);
    }
  }

  private remove(entry: BatchEntry): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  setStopped(queue: BatchQueue, stopped: boolean): void {
    queue.stopped = stopped;
    if (!stopped) this.dispatch();
  }

  /** Starts pending jobs while their queue has room, oldest entry first. */
  dispatch(): void {
    for (const queue of this.queues) {
      if (queue.stopped) continue;
      for (;;) {
        const running = this.entriesOf(queue).filter((e) => e.state === 'executing').length;
        if (running >= queue.jobLimit) break;
        const next = this.entriesOf(queue)
          .filter((e) => e.state === 'pending')
          .sort((a, b) => b.priority - a.priority || a.entry - b.entry)[0];
        if (next === undefined) break;
        next.state = 'executing';
        next.startedAt = this.now();
        this.startJob(next);
      }
    }
  }
}
