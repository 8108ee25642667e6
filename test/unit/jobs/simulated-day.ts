/**
 * The simulated site on the Bill Run day of 2010-08-03 (clock pinned, time scale 1), as the
 * operator leaves it after the Bill Run procedure: the magazine loaded with the day's tapes and a
 * DAILY tape, INITIALIZE_TAPES submitted for tapes 3 to 5. The jobs' logs are read with TYPE, as
 * the plan says to read them, and split into numbered lines as the log follower delivers them.
 */
import { expect } from 'vitest';
import { jobItems, type JobItems } from '../../../shared/jobs/job-items';
import { advanceProgress, numberedLines, startProgress, type JobProgress, type NumberedLine } from '../../../shared/jobs/job-progress';
import type { SiteJob } from '../../../shared/site/schema';
import { parseShowQueue, type QueueEntry } from '../../../shared/vms/parsers';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { retainFinishedJobs, run, shippedProfile, siteAt } from '../simulator/site-fixture';

export type Site = ReturnType<typeof siteAt>['site'];
export type Clock = ReturnType<typeof siteAt>['clock'];

export const BILL_RUN_DAY = '2010-08-03';

export function profileJob(name: string): SiteJob {
  const job = shippedProfile().jobs.find((j) => j.name === name);
  if (job === undefined) throw new Error(`the shipped profile has no job ${name}`);
  return job;
}

export function itemsOf(name: string): JobItems {
  return jobItems(shippedProfile(), profileJob(name));
}

/** The Bill Run morning at 06:00, the Bill Run itself at 07:30. */
export async function billRunDay(options: { retain?: boolean } = {}): Promise<{ site: Site; clock: Clock }> {
  const { site, clock } = siteAt(`${BILL_RUN_DAY}T06:00:00`, { billRunAt: '07:30' });
  if (options.retain !== false) retainFinishedJobs(site, ['TIME_BLT4', 'TAPE_BACKUP'], 'ALL');
  const drive = site.drive('BLT4');
  if (drive === undefined) throw new Error('the simulated site has no tape drive on BLT4');
  loadBillRunMagazine(drive, shippedProfile(), BILL_RUN_DAY, { dailyLabel: 'DAILY 1' });
  const submitted = await run(site, 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
  expect(submitted.status & 1).toBe(1);
  return { site, clock };
}

/** The job's log as TYPE shows it now, in numbered lines. */
export async function logLines(site: Site, job: string): Promise<NumberedLine[]> {
  const typed = await run(site, `TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]${job}.LOG`);
  expect(typed.status & 1).toBe(1);
  return numberedLines(typed.output);
}

/** The job's entry in the queues, as SHOW QUEUE/FULL/ALL_JOBS lists it, or null. */
export async function queueEntry(site: Site, job: string): Promise<QueueEntry | null> {
  const listing = parseShowQueue((await run(site, 'SHOW QUEUE/BATCH/FULL/ALL_JOBS')).output);
  if (!listing.ok || listing.refused) throw new Error('SHOW QUEUE could not be read');
  const entries = listing.value.queues.flatMap((queue) => queue.entries).filter((entry) => entry.jobName === job);
  // the latest entry of the job: the daily job's next run is queued while one has run
  return entries.sort((a, b) => b.entry - a.entry)[0] ?? null;
}

/** The progress of a job after its log's lines, fed in chunks of `size` lines (all at once by default). */
export function progressOf(job: string, lines: readonly NumberedLine[], size = lines.length): JobProgress {
  let progress = startProgress(itemsOf(job));
  for (let from = 0; from < lines.length; from += Math.max(1, size)) {
    progress = advanceProgress(progress, lines.slice(from, from + Math.max(1, size)), shippedProfile().knownErrors);
  }
  return progress;
}
