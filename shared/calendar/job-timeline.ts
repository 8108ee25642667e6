/**
 * The jobs that run on a day, in order, derived from the profile's jobs graph: the jobs of the
 * day's kind that nothing else of that day submits are the roots, each followed by the chain it
 * submits. Nothing here lists a job by name; the profile is the plan.
 */
import type { SiteJob, SiteProfile } from '../site/schema';

/** When a job starts, as data and as words for the screen. */
export type JobStart =
  | { kind: 'at'; at: string; submittedBy?: string; text: string }
  | { kind: 'after'; job: string; text: string }
  | { kind: 'scheduler'; by: string; at?: string; text: string }
  | { kind: 'operator'; text: string };

export interface TimelineEntry {
  job: string;
  title: string;
  procedure: string;
  queue: string;
  host: string;
  type: SiteJob['type'];
  when: JobStart;
  /** The tapes the job writes or prepares, by label code, when the day's plan knows them. */
  tapes?: string[];
  notes: string[];
}

type TimelineProfile = Pick<SiteProfile, 'jobs' | 'initializeTapes'>;

interface Edge {
  parent: string;
  at?: string;
}

/** Who submits each job, from both sides of the graph (a parent's submits, a child's submittedBy). */
function parentsOf(jobs: readonly SiteJob[]): Map<string, Edge> {
  const parents = new Map<string, Edge>();
  for (const job of jobs) {
    for (const submit of job.submits) {
      parents.set(submit.job, submit.at === undefined ? { parent: job.name } : { parent: job.name, at: submit.at });
    }
  }
  for (const job of jobs) {
    if (job.submittedBy.kind === 'job' && !parents.has(job.name)) parents.set(job.name, { parent: job.submittedBy.job });
  }
  return parents;
}

function childrenOf(jobs: readonly SiteJob[], parents: Map<string, Edge>, name: string): SiteJob[] {
  const children = jobs.filter((job) => parents.get(job.name)?.parent === name);
  const startAt = (job: SiteJob) => parents.get(job.name)?.at ?? job.at;
  // A job submitted to start at once runs before one held for a later time.
  return children
    .map((job, index) => ({ job, index, at: startAt(job) }))
    .sort((a, b) => {
      if (a.at === undefined && b.at === undefined) return a.index - b.index;
      if (a.at === undefined) return -1;
      if (b.at === undefined) return 1;
      return a.at === b.at ? a.index - b.index : a.at < b.at ? -1 : 1;
    })
    .map((entry) => entry.job);
}

function startOf(profile: TimelineProfile, job: SiteJob, edge: Edge | undefined): JobStart {
  if (edge !== undefined) {
    const at = edge.at ?? job.at;
    if (at !== undefined) return { kind: 'at', at, submittedBy: edge.parent, text: `at ${at}, submitted by ${edge.parent}` };
    return { kind: 'after', job: edge.parent, text: `after ${edge.parent} completes` };
  }
  switch (job.submittedBy.kind) {
    case 'scheduler': {
      const by = job.submittedBy.by;
      return job.at === undefined
        ? { kind: 'scheduler', by, text: `submitted by ${by}` }
        : { kind: 'scheduler', by, at: job.at, text: `at ${job.at}, submitted by ${by}` };
    }
    case 'operator':
      return {
        kind: 'operator',
        text: job.name === profile.initializeTapes.job ? 'submitted by the operator in the morning, once the magazine is loaded' : 'submitted by the operator',
      };
    case 'job':
      // Its parent is not a job of this day: it only runs if that job is run by hand.
      return { kind: 'after', job: job.submittedBy.job, text: `after ${job.submittedBy.job} completes` };
  }
}

/**
 * The timeline of the jobs of one kind of day ('billrun' or 'daily'): the tape initialisation
 * first, since the operator submits it in the morning once the magazine is loaded, then the other
 * roots in profile order, each followed by the chain it submits.
 */
export function jobTimeline(profile: TimelineProfile, when: 'billrun' | 'daily'): TimelineEntry[] {
  const parents = parentsOf(profile.jobs);
  const ofDay = new Set(profile.jobs.filter((job) => job.when === when).map((job) => job.name));
  const roots = profile.jobs.filter((job) => {
    if (!ofDay.has(job.name)) return false;
    const parent = parents.get(job.name)?.parent;
    return parent === undefined || !ofDay.has(parent);
  });

  const entries: TimelineEntry[] = [];
  const seen = new Set<string>();
  const visit = (job: SiteJob, edge: Edge | undefined) => {
    if (seen.has(job.name)) return; // a cycle in the profile would otherwise never end
    seen.add(job.name);
    entries.push({
      job: job.name,
      title: job.title,
      procedure: job.procedure,
      queue: job.queue,
      host: job.host,
      type: job.type,
      when: startOf(profile, job, edge),
      notes: [],
    });
    for (const child of childrenOf(profile.jobs, parents, job.name)) visit(child, parents.get(child.name));
  };
  const morningFirst = [...roots].sort((a, b) => Number(b.name === profile.initializeTapes.job) - Number(a.name === profile.initializeTapes.job));
  for (const root of morningFirst) visit(root, undefined);
  return entries;
}
