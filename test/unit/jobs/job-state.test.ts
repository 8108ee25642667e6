/** Each job's state on the screen, from the simulated site's queue entries and the logs' progress. */
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/jobs/job-progress';
import { jobState, type JobState } from '../../../shared/jobs/job-state';
import { run } from '../simulator/site-fixture';
import { billRunDay, logLines, progressOf, queueEntry, type Site } from './simulated-day';

/** What the console would show for a job: its entry, and its log's progress once it has started. */
async function stateOf(site: Site, job: string): Promise<{ state: JobState; reason: string }> {
  const entry = await queueEntry(site, job);
  const followed = entry === null || !['pending', 'holding', 'holding-until'].includes(entry.status.state);
  const lines = followed ? await logLines(site, job) : [];
  // a log that is an earlier run's (the procedure has not run today) is not followed
  const today = lines.length > 1 ? progressOf(job, lines) : null;
  return jobState(entry, today);
}

describe('the jobs of a Bill Run day', () => {
  it('waiting, pending, holding, executing and completed, as the queues and logs show them at 08:30 and 11:30', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(2.5);
    // an adhoc backup submitted while PROD_AND_DEVEL_BACKUP has the tape queue
    const submitted = await run(site, 'SUBMIT/QUEUE=TAPE_BACKUP/USER=LEASE_BATCH DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_TAX_DATA.COM');
    expect(submitted.lines[0]).toMatch(/^Job RMU_BACKUP_TAX_DATA \(queue TAPE_BACKUP, entry \d+\) pending$/);
    expect(await stateOf(site, 'RMU_BACKUP_TAX_DATA')).toEqual({ state: 'pending', reason: 'the queue shows "Pending"' });
    expect((await stateOf(site, 'PROD_AND_DEVEL_BACKUP')).state).toBe('executing');
    expect((await stateOf(site, 'INVOICE_STATEMENT_GENERATE')).state).toBe('completed');
    expect((await stateOf(site, 'DAILY_BACKUP')).state).toBe('holding');

    clock.advanceHours(3); // 11:30
    expect((await stateOf(site, 'RMU_BACKUP_DATA')).state).toBe('executing');
    expect((await stateOf(site, 'PROD_AND_DEVEL_BACKUP')).state).toBe('completed');
    // RMU_BACKUP_DATA submits it at its end
    expect(await stateOf(site, 'RMU_BACKUP_DOCUMENT')).toEqual({ state: 'waiting', reason: 'not yet submitted: no queue entry and no log' });
  });

  it('completed with errors: the backup area full, the jobs retained on completion with F messages in their logs', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(6.25);
    site.advance();
    site.faults.backupAreaFull();
    clock.advanceHours(4);
    const document = await stateOf(site, 'RMU_BACKUP_DOCUMENT');
    expect(document.state).toBe('completed-with-errors');
    expect(document.reason).toMatch(/^the queue shows "Retained on completion", but its log holds \d+ E or F messages$/);
    // RMU_BACKUP_DATA had finished before the disk filled
    expect((await stateOf(site, 'RMU_BACKUP_DATA')).state).toBe('completed');
  });

  it('failed: the medium offline, CONSOLIDATED_BACKUP_TO_TAPE retained on error with the message it ended on', async () => {
    const { site, clock } = await billRunDay();
    clock.advanceHours(2);
    site.advance();
    site.faults.mediumOffline();
    clock.advanceHours(12);
    const consolidated = await stateOf(site, 'CONSOLIDATED_BACKUP_TO_TAPE');
    expect(consolidated.state).toBe('failed');
    expect(consolidated.reason).toBe('the queue shows "Retained on error": %DISM-W-CANNOTDMT, _$2$MKA500: cannot be dismounted');
    // the device backups failed too, but the procedure ended on a SUBMIT that worked
    expect((await stateOf(site, 'PROD_AND_DEVEL_BACKUP')).state).toBe('completed-with-errors');
  });
});

describe("queues that keep no finished job (the plan's)", () => {
  async function endedDay(fault: (site: Site) => void): Promise<Site> {
    const { site, clock } = await billRunDay({ retain: false });
    clock.advanceHours(2);
    site.advance();
    fault(site);
    clock.advanceHours(22);
    return site;
  }

  it('reads how a job ended from its log: completed, with errors, or failed on its last command', async () => {
    const offline = await endedDay((site) => site.faults.mediumOffline());
    expect(await queueEntry(offline, 'CONSOLIDATED_BACKUP_TO_TAPE')).toBeNull();
    const consolidated = await stateOf(offline, 'CONSOLIDATED_BACKUP_TO_TAPE');
    expect(consolidated.state).toBe('failed');
    expect(consolidated.reason).toMatch(/ended on a command that failed \(line \d+\)$/);
    expect((await stateOf(offline, 'PROD_AND_DEVEL_BACKUP')).state).toBe('completed-with-errors');

    const normal = await endedDay(() => undefined);
    expect((await stateOf(normal, 'CONSOLIDATED_BACKUP_TO_TAPE')).state).toBe('completed');
  });

  it('keeps a job executing while its log has not reached the trailer, even when the queue no longer shows it', async () => {
    const site = await endedDay(() => undefined);
    const lines = await logLines(site, 'RMU_BACKUP_DATA');
    const beforeTrailer: JobProgress = progressOf(
      'RMU_BACKUP_DATA',
      lines.filter((line) => line.number < (lines.find((l) => / job terminated at /.test(l.text))?.number ?? 0)),
    );
    expect(beforeTrailer.ended).toBeNull();
    expect(jobState(null, beforeTrailer).state).toBe('executing');
    expect(jobState(null, progressOf('RMU_BACKUP_DATA', lines)).state).toBe('completed');
  });
});
