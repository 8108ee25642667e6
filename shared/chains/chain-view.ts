/**
 * What the screens show of a day's chain: each job's state, progress, tape, times and errors with
 * the plan's action, and the chain in one line for Today (red when a job failed).
 */
import type { ChainView, JobError, JobView } from '../api/jobs';
import { estimateJob } from '../jobs/job-estimate';
import type { SevereMessage } from '../jobs/job-progress';
import { counted } from '../plural';
import { chainJobState, type ChainJob, type DayChain } from './day-chain';

export interface ChainViewInput {
  id: string;
  status: ChainView['status'];
  updatedAt: string;
  seq: number;
  /** The console's clock, epoch ms. */
  now: number;
  /** Durations (ms) of earlier complete runs of each job. */
  history?: Readonly<Record<string, readonly number[]>>;
  rbfBlocks?: Readonly<Record<string, number>>;
}

function errorOf(message: SevereMessage, job: ChainJob): JobError {
  const item = job.progress.items.find((i) => i.id === message.item);
  return {
    line: message.line,
    text: [
      `%${message.code}${message.text === null ? '' : `, ${message.text}`}`,
      ...message.continuation.map((c) => `-${c.code}${c.text === null ? '' : `, ${c.text}`}`),
    ],
    severity: message.worst === 'F' ? 'F' : 'E',
    item: item?.label ?? null,
    knownError: message.knownError,
  };
}

export function jobView(job: ChainJob, input: ChainViewInput): JobView {
  const { state, reason } = chainJobState(job);
  const progress = job.progress;
  const estimate = estimateJob({
    progress,
    startedAt: job.startedAt === null ? null : Date.parse(job.startedAt),
    now: input.now,
    history: input.history?.[job.job] ?? [],
    rbfBlocks: input.rbfBlocks ?? {},
  });
  const running = state === 'executing';
  return {
    job: job.job,
    title: job.title,
    host: job.host,
    queue: job.seenOn ?? job.queue,
    when: job.when.text,
    state,
    reason,
    entry: job.entry,
    queueStatus: job.status?.text ?? null,
    items: progress.items.map((item) => ({ id: item.id, label: item.label, kind: item.kind, state: item.state })),
    done: progress.done,
    failed: progress.failed,
    total: progress.total,
    current: running ? (progress.current?.label ?? null) : null,
    tape: progress.tape,
    volumes: progress.volumes.map((v) => v.label),
    waitingForOperator: running && progress.waitingForOperator !== null ? { label: progress.waitingForOperator.label, text: progress.waitingForOperator.text } : null,
    startedAt: job.startedAt,
    elapsedMs: job.startedAt === null && progress.ended === null ? null : estimate.elapsedMs,
    remainingMs: running ? estimate.remainingMs : null,
    estimateBasis: estimate.basis,
    errors: progress.severe.map((message) => errorOf(message, job)),
    errorCount: progress.severeCount,
    log: { file: job.log, version: job.logPath, lines: progress.lastLine, readAt: job.readAt, linesAt: job.linesAt },
  };
}

/** The chain in one line, and its tone. */
function summaryOf(chain: DayChain, jobs: JobView[]): { summary: string; tone: ChainView['tone'] } {
  const day = chain.kind === 'billrun' ? 'Bill Run chain' : 'Daily chain';
  const failed = jobs.filter((j) => j.state === 'failed');
  if (failed.length > 0) return { summary: `${day}: ${failed.map((j) => j.job).join(', ')} failed — ${failed[0]?.reason ?? ''}`, tone: 'failed' };
  const waiting = jobs.find((j) => j.waitingForOperator !== null);
  if (waiting !== undefined) return { summary: `${day}: ${waiting.job} waits for a tape: ${waiting.waitingForOperator?.text ?? ''}`, tone: 'attention' };
  const withErrors = jobs.filter((j) => j.state === 'completed-with-errors');
  const executing = jobs.filter((j) => j.state === 'executing');
  const ended = jobs.filter((j) => j.state === 'completed' || j.state === 'completed-with-errors');
  const errorsNote = withErrors.length > 0 ? `; ${withErrors.map((j) => j.job).join(', ')} ended with errors in the log` : '';
  if (executing.length > 0) {
    const now = executing.map((j) => `${j.job} ${j.done}/${j.total}${j.current === null ? '' : ` (${j.current})`}`).join(', ');
    return {
      summary: `${day}: ${now} running; ${ended.length} of ${counted(jobs.length, 'job')} ended${errorsNote}`,
      tone: withErrors.length > 0 ? 'attention' : 'running',
    };
  }
  if (ended.length === jobs.length && jobs.length > 0) {
    return { summary: `${day}: all ${counted(jobs.length, 'job')} ended${errorsNote}`, tone: withErrors.length > 0 ? 'attention' : 'ok' };
  }
  const next = jobs.find((j) => j.state === 'waiting' || j.state === 'pending' || j.state === 'holding');
  return {
    summary: `${day}: ${ended.length} of ${counted(jobs.length, 'job')} ended${next === undefined ? '' : `; next ${next.job} (${next.state === 'waiting' ? next.when : next.reason})`}${errorsNote}`,
    tone: withErrors.length > 0 ? 'attention' : 'waiting',
  };
}

export function chainView(chain: DayChain, input: ChainViewInput): ChainView {
  const jobs = chain.jobs.map((job) => jobView(job, input));
  return {
    id: input.id,
    date: chain.date,
    kind: chain.kind,
    status: input.status,
    ...summaryOf(chain, jobs),
    jobs,
    arrows: chain.arrows,
    queuesAt: chain.queuesAt,
    queueProblems: chain.queueProblems,
    updatedAt: input.updatedAt,
    seq: input.seq,
  };
}
