/** Hand-made chain views for the renderer's tests, in the shape main sends (shared/api/jobs.ts). */
import type { ChainView, JobView } from '../../../shared/api';

export function jobView(job: string, overrides: Partial<JobView> = {}): JobView {
  return {
    job,
    title: `The ${job} job`,
    host: 'ALPHA1',
    queue: 'NIGHT_BATCH',
    when: 'at 07:30',
    state: 'waiting',
    reason: 'not yet submitted: no queue entry and no log',
    entry: null,
    queueStatus: null,
    items: [],
    done: 0,
    failed: 0,
    total: 0,
    current: null,
    tape: null,
    volumes: [],
    waitingForOperator: null,
    startedAt: null,
    elapsedMs: null,
    remainingMs: null,
    estimateBasis: 'unknown',
    errors: [],
    errorCount: 0,
    log: { file: `SYS$LOGIN:${job}.LOG`, version: null, lines: 0, readAt: null, linesAt: null },
    ...overrides,
  };
}

export function chainView(seq: number, jobs: JobView[], overrides: Partial<ChainView> = {}): ChainView {
  return {
    id: 'chain-2030-05-06',
    date: '2030-05-06',
    kind: 'billrun',
    status: 'active',
    summary: `${jobs.length} jobs, none started yet`,
    tone: 'waiting',
    jobs,
    arrows: [],
    queuesAt: '2030-05-06T07:00:00.000Z',
    queueProblems: [],
    updatedAt: '2030-05-06T07:00:00.000Z',
    seq,
    ...overrides,
  };
}

/** A job that ended on RMU's disk-full failure, the plan's known error matched. */
export function failedDump(): JobView {
  return jobView('DB_DUMP', {
    state: 'failed',
    reason: 'the queue shows "Retained on error"',
    entry: 412,
    queueStatus: 'Retained on error',
    items: [
      { id: 'database:ORDERS', label: 'ORDERS', kind: 'database', state: 'done' },
      { id: 'database:LEDGER', label: 'LEDGER', kind: 'database', state: 'failed' },
      { id: 'database:STOCK', label: 'STOCK', kind: 'database', state: 'pending' },
    ],
    done: 1,
    failed: 1,
    total: 3,
    current: null,
    startedAt: '2030-05-06T07:30:04.000Z',
    elapsedMs: 47 * 60_000,
    remainingMs: null,
    estimateBasis: 'ended',
    errors: [
      {
        line: 118,
        text: ['%RMU-F-WRITEERR, error writing DISK$SAVE_1:[DUMPS]LEDGER_BACKUP.RBF;', '-RMS-F-FUL, device full (insufficient space for allocation)'],
        severity: 'F',
        item: 'LEDGER',
        knownError: {
          id: 'disk-full',
          title: 'Error Writing to Disk',
          action: ['Free space on the backup disk by deleting its temporary files.', 'Run the job again.'],
        },
      },
    ],
    errorCount: 1,
    log: { file: 'SYS$LOGIN:DB_DUMP.LOG', version: 'SYS$LOGIN:DB_DUMP.LOG;3', lines: 130, readAt: '2030-05-06T08:17:46.000Z', linesAt: '2030-05-06T08:17:00.000Z' },
  });
}
