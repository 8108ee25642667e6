/**
 * How long a job has run and how long the rest should take.
 *
 * With earlier runs of the same job, the typical run (the median, so that one slow night does not
 * move it) scaled by the share of items still to do. On a first run, the blocks still to write
 * over the throughput seen so far: the expected blocks of each item from the latest RBF sizes of
 * its databases, over the blocks of the items done in the time elapsed. An item whose size is not
 * known counts for the time an item has taken on average.
 */
import type { JobItem } from './job-items';
import type { JobProgress } from './job-progress';

export interface EstimateInput {
  progress: JobProgress;
  /** When the job started (epoch ms), as the console saw it; null when not known. */
  startedAt: number | null;
  now: number;
  /** Durations in ms of earlier complete runs of the same job. */
  history?: readonly number[];
  /** The latest RBF size in blocks of each database, by name. */
  rbfBlocks?: Readonly<Record<string, number>>;
  /** Expected blocks of an item by its id, where known otherwise (a device's used blocks). */
  itemBlocks?: Readonly<Record<string, number>>;
}

export type EstimateBasis = 'ended' | 'history' | 'throughput' | 'pace' | 'unknown';

export interface JobEstimate {
  elapsedMs: number | null;
  /** The rest, in ms; null when nothing yet allows a guess. */
  remainingMs: number | null;
  basis: EstimateBasis;
  /** The throughput seen so far, when the estimate used it. */
  blocksPerHour: number | null;
}

const HOUR = 3_600_000;

function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function known(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}

/** The blocks an item should write, or null when no size is known for it. */
export function expectedBlocks(item: JobItem, rbfBlocks: Readonly<Record<string, number>> = {}, itemBlocks: Readonly<Record<string, number>> = {}): number | null {
  const own = itemBlocks[item.id];
  if (known(own)) return own;
  if (item.databases.length === 0) return null;
  const sizes = item.databases.map((name) => rbfBlocks[name]);
  return sizes.every(known) ? sizes.reduce((sum, size) => sum + size, 0) : null;
}

function elapsedOf(input: EstimateInput): number | null {
  const fromTrailer = input.progress.ended?.elapsedMs;
  if (fromTrailer !== null && fromTrailer !== undefined) return fromTrailer;
  if (input.startedAt === null || !Number.isFinite(input.startedAt) || !Number.isFinite(input.now)) return null;
  return Math.max(0, input.now - input.startedAt);
}

export function estimateJob(input: EstimateInput): JobEstimate {
  const { progress } = input;
  const elapsedMs = elapsedOf(input);
  if (progress.ended !== null) return { elapsedMs, remainingMs: 0, basis: 'ended', blocksPerHour: null };
  const finished = progress.items.filter((item) => item.state === 'done' || item.state === 'failed' || item.state === 'skipped');
  const typical = median(input.history ?? []);
  if (typical !== null) {
    // a job with no items to count (the billing run) is as far as its time
    const share = progress.total === 0 ? Math.min(1, (elapsedMs ?? 0) / typical) : finished.length / progress.total;
    return { elapsedMs, remainingMs: Math.max(0, Math.round(typical * (1 - share))), basis: 'history', blocksPerHour: null };
  }
  if (elapsedMs === null || elapsedMs === 0 || finished.length === 0) return { elapsedMs, remainingMs: null, basis: 'unknown', blocksPerHour: null };
  const sizeOf = (item: JobItem) => expectedBlocks(item, input.rbfBlocks, input.itemBlocks);
  const doneBlocks = progress.items.filter((item) => item.state === 'done').map(sizeOf);
  const rest = progress.items.filter((item) => item.state === 'pending' || item.state === 'running');
  const perItem = elapsedMs / finished.length;
  const sized = doneBlocks.filter((size): size is number => size !== null);
  const blocks = sized.reduce((sum, size) => sum + size, 0);
  if (sized.length === 0 || blocks === 0) return { elapsedMs, remainingMs: Math.round(perItem * rest.length), basis: 'pace', blocksPerHour: null };
  const perMs = blocks / elapsedMs;
  const remainingMs = rest.reduce((sum, item) => {
    const size = sizeOf(item);
    return sum + (size === null ? perItem : size / perMs);
  }, 0);
  return { elapsedMs, remainingMs: Math.round(remainingMs), basis: 'throughput', blocksPerHour: Math.round(perMs * HOUR) };
}
