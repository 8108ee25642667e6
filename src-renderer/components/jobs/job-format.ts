/** How the Jobs screen words a job's state, durations and the freshness of its log. */
import type { ChainView, JobView } from '../../../shared/api';
import type { EstimateBasis } from '../../../shared/jobs/job-estimate';
import type { ItemState } from '../../../shared/jobs/job-progress';

/** Each state in words and with a mark of its own: the colour is never the only sign. */
export const stateWords: Record<JobView['state'], { mark: string; words: string }> = {
  waiting: { mark: '○', words: 'Waiting' },
  pending: { mark: '◔', words: 'Pending' },
  holding: { mark: '⏸', words: 'Holding' },
  executing: { mark: '▶', words: 'Executing' },
  completed: { mark: '✔', words: 'Completed' },
  'completed-with-errors': { mark: '⚠', words: 'Completed with errors' },
  failed: { mark: '✖', words: 'Failed' },
};

export const toneWords: Record<ChainView['tone'], { mark: string; words: string }> = {
  ok: { mark: '✔', words: 'All well' },
  running: { mark: '▶', words: 'Running' },
  waiting: { mark: '○', words: 'Waiting' },
  attention: { mark: '⚠', words: 'Needs attention' },
  failed: { mark: '✖', words: 'Failed' },
};

export const itemStateWords: Record<ItemState, string> = {
  pending: 'to do',
  running: 'in hand',
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
};

export const basisWords: Record<EstimateBasis, string> = {
  ended: 'the job has ended',
  history: 'from earlier runs of this job',
  throughput: 'from the sizes and the throughput so far',
  pace: 'from the pace so far',
  unknown: 'nothing to estimate from yet',
};

/** A duration as h:mm ("0:07", "2:45"), rounded down to the minute. */
export function hoursMinutes(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "14 s ago", "1 min ago", "2 h 5 min ago"; "just now" under a second (or when main is ahead of the count). */
export function agoWords(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h ago` : `${hours} h ${minutes % 60} min ago`;
}

/** The wall-clock time of an ISO time as main wrote it: HH:MM. */
export function clockTime(at: string): string {
  return at.slice(11, 16);
}

/** "log read 14 s ago, last new line 1 min ago", against main's clock now (null: not known yet). */
export function logFreshness(log: JobView['log'], nowMs: number | null): string {
  if (log.readAt === null) return 'log not read yet';
  const since = (at: string) => (nowMs === null ? `at ${at.slice(11, 19)}` : agoWords(nowMs - Date.parse(at)));
  const read = `log read ${since(log.readAt)}`;
  return log.linesAt === null ? `${read}, no line in it yet` : `${read}, last new line ${since(log.linesAt)}`;
}
