import { randomInt } from 'node:crypto';
import { DclBuildError, submitJob, uniquePartFrom, type JobSubmission } from '../../shared/vms/dcl';
import type { SiteProfile } from '../../shared/site/schema';
import { loadCliSite } from './cli-site';
import { UsageError } from './usage';

/** The SUBMIT the console would send for a job of the profile, every value checked by the DCL builder. */
export function buildJobSubmission(profile: SiteProfile, jobName: string, parameters: string[] | undefined): JobSubmission {
  const job = profile.jobs.find((candidate) => candidate.name === jobName);
  if (!job) throw new UsageError(`no job ${JSON.stringify(jobName)} in the site profile; its jobs are ${profile.jobs.map((j) => j.name).join(', ')}`);
  try {
    return submitJob(job, {
      uniquePart: uniquePartFrom(randomInt(0, 36 ** 6)),
      proceduresDirectory: profile.directories.procedures.path,
      parameters,
    });
  } catch (error) {
    if (error instanceof DclBuildError) throw new UsageError(`${jobName}: ${error.message}`);
    throw error;
  }
}

export function runSubmitDryRun(options: { job: string; parameters: string[] | undefined; siteFile?: string }): string {
  const { profile } = loadCliSite(options.siteFile);
  const submission = buildJobSubmission(profile, options.job, options.parameters);
  return `${submission.command}\n`;
}
