import { describe, expect, it } from 'vitest';
import { jobTimeline } from '../../../shared/calendar/job-timeline';
import type { SiteJob, SiteProfile } from '../../../shared/site/schema';
import { microfinancial } from './site-profile';

function withJobs(change: (jobs: SiteJob[]) => SiteJob[]): SiteProfile {
  const profile = microfinancial();
  return { ...profile, jobs: change(profile.jobs.map((job) => ({ ...job }))) };
}

describe('jobTimeline', () => {
  it('follows the graph, not a list: a job added to the chain shows up after the job that submits it', () => {
    const profile = withJobs((jobs) => [
      ...jobs.map((job) => (job.name === 'BLT_CLEANUP' ? { ...job, submits: [{ job: 'EXTRA_STEP' }] } : job)),
      {
        ...jobs.find((job) => job.name === 'BLT_CLEANUP')!,
        name: 'EXTRA_STEP',
        title: 'An extra step',
        submittedBy: { kind: 'job', job: 'BLT_CLEANUP' },
        submits: [],
      },
    ]);
    const names = jobTimeline(profile, 'billrun').map((entry) => entry.job);
    expect(names.indexOf('EXTRA_STEP')).toBe(names.indexOf('BLT_CLEANUP') + 1);
    expect(names.indexOf('EXTRA_STEP')).toBeLessThan(names.indexOf('RMU_BACKUP_DOCUMENT'));
  });

  it('runs a job held for a later time after the ones that start at once, whatever order submits lists them in', () => {
    const profile = withJobs((jobs) => jobs.map((job) => (job.name === 'RMU_BACKUP_DATA' ? { ...job, submits: [...job.submits].reverse() } : job)));
    const names = jobTimeline(profile, 'billrun').map((entry) => entry.job);
    expect(names.slice(2, 7)).toEqual(['RMU_BACKUP_DATA', 'PROD_AND_DEVEL_BACKUP', 'BLT_CLEANUP', 'RMU_BACKUP_DOCUMENT', 'CONSOLIDATED_BACKUP_TO_TAPE']);
  });

  it('keeps adhoc jobs out of both kinds of day', () => {
    const all = [...jobTimeline(microfinancial(), 'billrun'), ...jobTimeline(microfinancial(), 'daily')].map((entry) => entry.job);
    expect(all).not.toContain('RMU_BACKUP_LEASE_DATA');
    expect(all).not.toContain('RMU_BACKUP_TAX_DATA');
  });

  it('gives the daily day its scheduled job', () => {
    expect(jobTimeline(microfinancial(), 'daily')).toEqual([
      expect.objectContaining({ job: 'DAILY_BACKUP', when: { kind: 'scheduler', by: 'BATCHMAN', at: '06:05', text: 'at 06:05, submitted by BATCHMAN' } }),
    ]);
  });

  it('ends on a cycle in the graph instead of looping', () => {
    const profile = withJobs((jobs) => jobs.map((job) => (job.name === 'CONSOLIDATED_BACKUP_TO_TAPE' ? { ...job, submits: [{ job: 'RMU_BACKUP_DATA' }] } : job)));
    const names = jobTimeline(profile, 'billrun').map((entry) => entry.job);
    expect(new Set(names).size).toBe(names.length);
  });
});
