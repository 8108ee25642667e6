/**
 * The job chains: each day's chain of batch jobs as the host shows it (queue entries and the
 * progress read from their logs), the lines of a job's log for the screen's log tail, and the
 * pre-flight checks on demand.
 */
import { z } from 'zod';
import type { JobState } from '../jobs/job-state';
import type { JobItemKind } from '../jobs/job-items';
import type { ItemState } from '../jobs/job-progress';
import type { EstimateBasis } from '../jobs/job-estimate';
import { isoDateSchema, request } from './common';

export interface JobError {
  line: number;
  /** `%FACILITY-F-IDENT, text` and its continuation lines, as the log has them. */
  text: string[];
  severity: 'E' | 'F';
  /** The item in hand when it came, by label. */
  item: string | null;
  /** The profile's known error it matches, with the plan's corrective action. */
  knownError: { id: string; title: string; action: string[] } | null;
}

export interface JobView {
  job: string;
  title: string;
  host: string;
  queue: string;
  /** When it starts, in the plan's words ("after RMU_BACKUP_DATA completes", "at 12:00, submitted by ..."). */
  when: string;
  state: JobState;
  /** Why the console says so, in plain words. */
  reason: string;
  entry: number | null;
  /** The queue's own words for the entry, when it is in the queue. */
  queueStatus: string | null;
  items: { id: string; label: string; kind: JobItemKind; state: ItemState }[];
  done: number;
  failed: number;
  total: number;
  /** The item in hand, by label. */
  current: string | null;
  /** The tape volume in use, and every volume mounted so far. */
  tape: string | null;
  volumes: string[];
  /** A tape request BACKUP waits on. */
  waitingForOperator: { label: string | null; text: string } | null;
  startedAt: string | null;
  elapsedMs: number | null;
  remainingMs: number | null;
  estimateBasis: EstimateBasis;
  errors: JobError[];
  errorCount: number;
  log: {
    file: string;
    /** The version followed, when one is. */
    version: string | null;
    lines: number;
    /** When the log was last read, and when a read last brought lines (how fresh it is). */
    readAt: string | null;
    linesAt: string | null;
  };
}

export interface ChainView {
  id: string;
  date: string;
  kind: 'billrun' | 'daily';
  status: 'active' | 'done' | 'refused';
  /** The chain in one line for Today, and its tone: red when a job failed. */
  summary: string;
  tone: 'ok' | 'running' | 'waiting' | 'attention' | 'failed';
  jobs: JobView[];
  /** The plan's arrows between jobs: who submits whom. */
  arrows: { from: string; to: string; at: string | null }[];
  queuesAt: string | null;
  queueProblems: string[];
  updatedAt: string;
  /** Grows with every change of a live chain; a view with a smaller one is older. */
  seq: number;
}

export interface LogLinesView {
  chainId: string;
  job: string;
  /** The version the lines are of; null when no log has been read for the job yet. */
  version: string | null;
  /** Lines read so far. */
  total: number;
  from: number;
  lines: { number: number; text: string }[];
}

const jobNameSchema = z.string().regex(/^[A-Z0-9$_]{1,39}$/, 'must be a job name of the profile, in capitals');

export const jobRequests = {
  /** Today's chain and the latest past days' from the store. */
  'jobs.chains': request<ChainView[]>()(z.object({}).strict()),
  /** Lines of a job's log, `count` of them from line `from` (1 is the first). */
  'jobs.log': request<LogLinesView>()(
    z
      .object({
        chainId: z.string().min(1).max(64),
        job: jobNameSchema,
        from: z.number().int().min(1),
        count: z.number().int().min(1).max(2000),
      })
      .strict(),
  ),
  /** The chain of a day, started now if the console follows none for it. */
  'jobs.follow': request<ChainView>()(z.object({ date: isoDateSchema }).strict()),
} as const;
