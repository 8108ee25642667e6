/**
 * Whole validation of a site profile: its shape (zod), then the references between its parts.
 * Every problem is reported, not just the first, so one edit-and-check round fixes the file.
 */
import { checkCalendar } from './check-calendar';
import { checkJobs } from './check-jobs';
import { checkUniqueNames } from './check-names';
import { checkProcedures } from './check-procedures';
import { checkSite } from './check-site';
import { checkTapes } from './check-tapes';
import { formatProblem, type SiteProblem } from './problems';
import { siteProfileSchema, type SiteProfile } from './schema';
import { viewOfProfile, viewOfRawData, type ProfileView } from './view';
import { problemsFromIssues } from './zod-issues';

export type SiteProfileValidation = { ok: true; profile: SiteProfile } | { ok: false; problems: string[] };

/** The problems with their paths, for callers that locate them (e.g. a line in the YAML file). */
export function findSiteProblems(data: unknown): { profile: SiteProfile | undefined; problems: SiteProblem[] } {
  const parsed = siteProfileSchema.safeParse(data, { reportInput: true });
  const shapeProblems = parsed.success ? [] : problemsFromIssues(parsed.error.issues, data);
  // with a broken shape, the parts that do parse are still cross-referenced
  const view = parsed.success ? viewOfProfile(parsed.data) : viewOfRawData(data);
  const problems = [...shapeProblems, ...crossReferenceProblems(view)];
  return { profile: parsed.success && problems.length === 0 ? parsed.data : undefined, problems };
}

export function crossReferenceProblems(view: ProfileView): SiteProblem[] {
  return [...checkUniqueNames(view), ...checkSite(view), ...checkJobs(view), ...checkTapes(view), ...checkCalendar(view), ...checkProcedures(view)];
}

export function validateSiteProfile(data: unknown): SiteProfileValidation {
  const { profile, problems } = findSiteProblems(data);
  if (profile && problems.length === 0) return { ok: true, profile };
  return { ok: false, problems: problems.map(formatProblem) };
}
