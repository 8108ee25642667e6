/**
 * The queue manager of one host: batch queues, entries and their states, entry numbers, and the
 * starting of jobs as job limits, /AFTER times and holds allow.
 *
 * States, as SHOW QUEUE names them: Pending (waiting for a place in the queue), Holding (/HOLD),
 * Holding until (/AFTER), Executing, Retained on completion / Retained on error (the backup queues
 * retain every job, /RETAIN=ALL, so that the console can read how each one ended).
 */
import type { SiteQueue } from '../../../shared/site/schema';

export type EntryState = 'pending' | 'holding' | 'holding-until' | 'executing' | 'retained-completion' | 'retained-error';

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
  /** Set while executing, to stop the job (DELETE/ENTRY). */
  abort?: () => void;
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
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
  }

  /** A job ended: retained (the backup queues keep every job) or removed. */
  complete(entry: BatchEntry, status: number, messages: string[]): void {
    entry.state = (status & 1) === 1 ? 'retained-completion' : 'retained-error';
    entry.completedAt = this.now();
    entry.completionStatus = status;
    entry.completionMessages = messages;
    delete entry.abort;
    const keep = entry.queue.retain === 'ALL' || (entry.queue.retain === 'ERROR' && (status & 1) === 0);
    if (!keep) this.entries.splice(this.entries.indexOf(entry), 1);
    this.dispatch();
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
