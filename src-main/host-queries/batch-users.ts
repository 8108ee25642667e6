/**
 * Which entries of a queue run as another user than the plan says: a job of the profile (by its
 * own name, or by the console's /NAME for it) that should run as the batch user and does not.
 * The console sends its own jobs with /USER (shared/vms/dcl `jobUser`); this catches a job sent by
 * hand, or by an older console, as the account it logged in with.
 */
import type { WrongUserNote } from '../../shared/api';
import type { SiteJob, SiteProfile } from '../../shared/site/schema';
import { DEFAULT_NAME_PREFIX, jobUser, UNIQUE_PART_LENGTH } from '../../shared/vms/dcl';
import type { QueueInfo } from '../../shared/vms/parsers';

const CONSOLE_NAME = new RegExp(`^${DEFAULT_NAME_PREFIX}_([A-Z0-9$_]+)_[0-9A-Z]{${UNIQUE_PART_LENGTH}}$`, 'u');

/** The job of the profile an entry runs: its own name, or the console's submission name for it (whose job part may be cut short). */
export function profileJobOf(profile: SiteProfile, jobName: string): SiteJob | undefined {
  const own = profile.jobs.find((job) => job.name === jobName);
  if (own !== undefined) return own;
  const base = CONSOLE_NAME.exec(jobName)?.[1];
  if (base === undefined) return undefined;
  const named = profile.jobs.find((job) => job.name === base);
  if (named !== undefined) return named;
  const cut = profile.jobs.filter((job) => job.name.startsWith(base));
  return cut.length === 1 ? cut[0] : undefined;
}

/** The plan's own words for the rule, or the profile's setting when it has none. */
function ruleText(profile: SiteProfile): string {
  return profile.rules?.find((rule) => rule.includes(`USER=${profile.batchUser}`)) ?? `The site profile's batch user is ${profile.batchUser}.`;
}

export function wrongUsers(profile: SiteProfile, info: QueueInfo): WrongUserNote[] {
  const notes: WrongUserNote[] = [];
  for (const entry of info.entries) {
    const job = profileJobOf(profile, entry.jobName);
    const wanted = job === undefined ? null : jobUser(job, profile.batchUser);
    if (job === undefined || wanted === null || entry.username === wanted) continue;
    notes.push({ entry: entry.entry, job: job.name, runsAs: entry.username, shouldRunAs: wanted, rule: ruleText(profile) });
  }
  return notes;
}
