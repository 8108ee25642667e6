/** The plan's queue rule in the profile check: tape jobs in the tape queue, disk-to-disk jobs in the disk queue. */
import { describe, expect, it } from 'vitest';
import { validateSiteProfile } from '../../../shared/site/validate';
import { changed, jobIndex, planData } from './plan-data';

function problemsOf(data: unknown): string[] {
  const result = validateSiteProfile(data);
  return result.ok ? [] : result.problems;
}

/** The problems about a job's queue (other checks, such as a procedure step looking in the old queue, may add their own). */
function queueProblemsOf(data: unknown): string[] {
  return problemsOf(data).filter((problem) => /^jobs\[\d+\]\.queue: /.test(problem));
}

const plan = planData();

describe('the profile check: each job in the queue the plan says', () => {
  it('accepts the shipped profile, whose jobs follow the plan', () => {
    expect(problemsOf(plan)).toEqual([]);
  });

  it('refuses a tape job in the disk-to-disk queue, naming the queue it belongs in', () => {
    const index = jobIndex(plan, 'RMU_BACKUP_LEASE_DATA');
    expect(queueProblemsOf(changed(['jobs', index, 'queue'], 'TIME_BLT4'))).toEqual([
      `jobs[${index}].queue: RMU_BACKUP_LEASE_DATA uses the tape drive (a disk-to-tape job), so it runs in TAPE_BACKUP, not in TIME_BLT4, a disk-to-disk queue`,
    ]);
  });

  it('refuses the daily backup (disk to disk and tape) and the tape initialisation outside the tape queue', () => {
    const daily = jobIndex(plan, 'DAILY_BACKUP');
    expect(queueProblemsOf(changed(['jobs', daily, 'queue'], 'TIME_BLT4'))).toEqual([
      `jobs[${daily}].queue: DAILY_BACKUP uses the tape drive (a disk-to-disk-and-tape job), so it runs in TAPE_BACKUP, not in TIME_BLT4, a disk-to-disk queue`,
    ]);
    const initialize = jobIndex(plan, 'INITIALIZE_TAPES');
    expect(queueProblemsOf(changed(['jobs', initialize, 'queue'], 'TIME_BLT4'))).toEqual([
      `jobs[${initialize}].queue: INITIALIZE_TAPES uses the tape drive (a tape-preparation job), so it runs in TAPE_BACKUP, not in TIME_BLT4, a disk-to-disk queue`,
    ]);
  });

  it('refuses a disk-to-disk backup in the tape queue', () => {
    const index = jobIndex(plan, 'RMU_BACKUP_DATA');
    expect(queueProblemsOf(changed(['jobs', index, 'queue'], 'TAPE_BACKUP'))).toEqual([
      `jobs[${index}].queue: RMU_BACKUP_DATA is a disk-to-disk backup, so it runs in TIME_BLT4, not in TAPE_BACKUP, a tape queue`,
    ]);
  });

  it('reads the kind from the queue, not its name: a tape job is refused when its queue is declared disk-to-disk', () => {
    const tapeQueue = plan.queues.findIndex((q) => q.name === 'TAPE_BACKUP');
    const problems = queueProblemsOf(changed(['queues', tapeQueue, 'kind'], 'disk-to-disk'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.includes('uses the tape drive') && p.includes('a queue of kind tape on BLT4'))).toBe(true);
  });

  it('lets billing and housekeeping jobs run in either queue', () => {
    expect(queueProblemsOf(changed(['jobs', jobIndex(plan, 'BLT_CLEANUP'), 'queue'], 'TAPE_BACKUP'))).toEqual([]);
    expect(queueProblemsOf(changed(['jobs', jobIndex(plan, 'INVOICE_STATEMENT_GENERATE'), 'queue'], 'TAPE_BACKUP'))).toEqual([]);
  });
});
