/**
 * Elapsed time and the estimate of the rest, checked against how long the simulated jobs really
 * took: on a first run from the latest RBF sizes in the backup area and the throughput seen so
 * far, with a history of earlier runs from their durations.
 */
import { describe, expect, it } from 'vitest';
import { estimateJob, expectedBlocks } from '../../../shared/jobs/job-estimate';
import type { JobProgress } from '../../../shared/jobs/job-progress';
import { parseDirectory } from '../../../shared/vms/parsers';
import { run, shippedProfile } from '../simulator/site-fixture';
import { billRunDay, itemsOf, logLines, progressOf, queueEntry, type Site } from './simulated-day';

const HOUR = 3_600_000;

/** The latest RBF file of each database in the backup area, in blocks, by database name. */
async function rbfSizes(site: Site): Promise<Record<string, number>> {
  const listing = parseDirectory((await run(site, 'DIRECTORY/SIZE DISK$BACKUP_01:[LEASE_BACKUP]*.RBF')).output);
  if (!listing.ok || listing.refused) throw new Error('DIRECTORY could not be read');
  const sizes: Record<string, number> = {};
  for (const database of shippedProfile().databases) {
    const file = listing.value.directories.flatMap((d) => d.files).find((f) => f.name === `${database.short}_DATA_BACKUP`);
    if (file?.usedBlocks != null) sizes[database.name] = file.usedBlocks;
  }
  return sizes;
}

/** RMU_BACKUP_DATA half-way, and how long it really went on for. */
async function halfWay(): Promise<{ progress: JobProgress; startedAt: number; now: number; actualRemaining: number; sizes: Record<string, number> }> {
  const { site, clock } = await billRunDay();
  const sizes = await rbfSizes(site);
  clock.advanceHours(3.5); // 09:30
  const entry = await queueEntry(site, 'RMU_BACKUP_DATA');
  if (entry?.submitted == null) throw new Error('no entry for RMU_BACKUP_DATA');
  const startedAt = new Date(entry.submitted.iso).getTime();
  const now = site.now().getTime();
  const progress = progressOf('RMU_BACKUP_DATA', await logLines(site, 'RMU_BACKUP_DATA'));
  clock.advanceHours(6);
  const ended = progressOf('RMU_BACKUP_DATA', await logLines(site, 'RMU_BACKUP_DATA')).ended;
  if (ended === null) throw new Error('RMU_BACKUP_DATA did not end');
  return { progress, startedAt, now, actualRemaining: new Date(ended.terminatedAt).getTime() - now, sizes };
}

describe('the estimate of the rest', () => {
  it('on a first run, from the RBF sizes and the throughput so far, comes near the real end', async () => {
    const { progress, startedAt, now, actualRemaining, sizes } = await halfWay();
    expect(progress.done).toBeGreaterThan(1);
    expect(progress.done).toBeLessThan(progress.total);
    const estimate = estimateJob({ progress, startedAt, now, rbfBlocks: sizes });
    expect(estimate.basis).toBe('throughput');
    expect(estimate.elapsedMs).toBe(now - startedAt);
    expect(Math.abs((estimate.remainingMs ?? 0) - actualRemaining) / actualRemaining).toBeLessThan(0.2);
    expect(estimate.blocksPerHour).toBeGreaterThan(0);
  });

  it('with earlier runs, from their typical duration scaled by the items left, one slow night aside', async () => {
    const { progress, startedAt, now } = await halfWay();
    const left = 1 - (progress.done + progress.failed) / progress.total;
    const runs = [3.6 * HOUR, 3.75 * HOUR, 3.8 * HOUR];
    const estimate = estimateJob({ progress, startedAt, now, history: runs });
    expect(estimate.basis).toBe('history');
    expect(estimate.remainingMs).toBe(Math.round(3.75 * HOUR * left));
    const withSlowNight = estimateJob({ progress, startedAt, now, history: [...runs, 11 * HOUR] });
    expect(Math.abs((withSlowNight.remainingMs ?? 0) - (estimate.remainingMs ?? 0))).toBeLessThan(0.05 * HOUR);
  });

  it('is nothing left once the trailer is in, with the elapsed time of its accounting', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(12);
    const progress = progressOf('RMU_BACKUP_DOCUMENT', await logLines(site, 'RMU_BACKUP_DOCUMENT'));
    const estimate = estimateJob({ progress, startedAt: null, now: site.now().getTime(), history: [HOUR] });
    expect(estimate).toMatchObject({ remainingMs: 0, basis: 'ended' });
    expect(estimate.elapsedMs).toBe(progress.ended?.elapsedMs);
    expect(estimate.elapsedMs).toBeGreaterThan(HOUR);
  });

  it('gives no guess on a first run before any item is done, and counts a job without items by its time', () => {
    const empty = progressOf('RMU_BACKUP_DATA', []);
    expect(estimateJob({ progress: empty, startedAt: 0, now: 60_000 })).toMatchObject({ remainingMs: null, basis: 'unknown', elapsedMs: 60_000 });
    const billing = progressOf('INVOICE_STATEMENT_GENERATE', [{ number: 1, text: '$ Set NoOn' }]);
    expect(estimateJob({ progress: billing, startedAt: 0, now: 0.25 * HOUR, history: [HOUR] })).toMatchObject({ remainingMs: 0.75 * HOUR, basis: 'history' });
  });

  it('sizes a saveset by the RBF files of its databases', () => {
    const aij = itemsOf('CONSOLIDATED_BACKUP_TO_TAPE').items.find((item) => item.name === 'LETTER_DATA.BAK');
    if (aij === undefined) throw new Error('no LETTER_DATA.BAK');
    expect(expectedBlocks(aij, { LEASE_LETTER_DATA: 51_063_405 })).toBe(51_063_405);
    expect(expectedBlocks(aij, {})).toBeNull();
  });
});
