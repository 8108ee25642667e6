import { systemClock, type Clock } from '../../shared/clock';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { userDataDir } from '../app/paths';
import { createHostLink, isHostLinkError } from '../hosts';
import { MemoryCredentialStore } from '../hosts/credentials';
import { submitOnce } from '../hosts/submit-once';
import { openStore } from '../store';
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
      batchUser: profile.batchUser,
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

export interface SubmitSendOptions {
  job: string;
  parameters: string[] | undefined;
  siteFile?: string;
  dataDir?: string;
  /** The operator's initials, for the audit log. */
  as: string;
  /** The password of the job's host (the CLI reads it from TAPEOPS_PASSWORD; it is never stored). */
  password: string;
  /** When the audit record says it was sent (`--now`). */
  clock?: Clock;
}

/**
 * `tapeops submit JOB`: sends the SUBMIT to the job's host at its profile address, over the same
 * host link as the console, with the host key the console pinned, and never twice (submitOnce).
 */
export async function runSubmitSend(options: SubmitSendOptions, out: NodeJS.WritableStream): Promise<number> {
  const { profile } = loadCliSite(options.siteFile);
  const submission = buildJobSubmission(profile, options.job, options.parameters);
  const job = profile.jobs.find((candidate) => candidate.name === options.job) as SiteProfile['jobs'][number];
  const host = profile.hosts.find((candidate) => candidate.name === job.host);
  if (!host) throw new UsageError(`${job.name} runs on ${job.host}, which is not a host of the site profile`);
  const clock = options.clock ?? systemClock;
  const store = openStore(join(options.dataDir ?? userDataDir(), 'tapeops.db'), { now: () => clock.now() });
  const operator = store.operators.signIn(options.as);
  const credentials = new MemoryCredentialStore();
  await credentials.set(host.name, { kind: 'password', password: options.password });
  const link = createHostLink({
    host: { name: host.name, address: host.address, port: host.port, user: host.user },
    access: { authentication: host.authentication, legacyAlgorithms: host.legacyAlgorithms, exec: host.exec },
    pins: { get: (name) => store.hostKeys.get(name), approve: (key, by) => store.hostKeys.approve(key, by) },
    credentials,
    clock,
  });
  try {
    try {
      await link.connect();
    } catch (error) {
      const state = link.state;
      if (state.kind === 'awaiting-host-key-approval') throw new Error(`${state.message} Nothing was submitted.`);
      throw new Error(`${isHostLinkError(error) ? error.message : String(error)} Nothing was submitted.`);
    }
    out.write(`${submission.command}\n`);
    const outcome = await submitOnce(link, submission, submission.name, { queue: job.queue });
    store.audit.append({ who: operator.initials, action: 'job.submit', subject: job.name, details: { command: submission.command, outcome: outcome.kind } });
    if (outcome.kind === 'refused') {
      out.write(outcome.result.output);
      return 1;
    }
    if (outcome.kind === 'already-in-queue') {
      out.write(`already in the queue: entry ${outcome.entry} on ${outcome.queue}\n`);
      return 0;
    }
    out.write(outcome.result.output.endsWith('\n') ? outcome.result.output : `${outcome.result.output}\n`);
    return 0;
  } finally {
    link.disconnect();
    store.close();
  }
}
