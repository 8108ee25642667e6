/**
 * A problem found in a site profile, located by its path in the profile.
 * Printed as `jobs[2].queue: unknown queue "X"` so that the operator editing the YAML can find it.
 */
export type PathSegment = string | number;

export interface SiteProblem {
  path: PathSegment[];
  message: string;
}

/** Shown for a problem with the profile as a whole (e.g. it is not a mapping at all). */
export const ROOT_PATH = '(profile)';

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? ROOT_PATH : out;
}

export function formatProblem(problem: SiteProblem): string {
  return `${formatPath(problem.path)}: ${problem.message}`;
}

export function problem(path: PathSegment[], message: string): SiteProblem {
  return { path, message };
}

/** A value as the operator would write it in the YAML, for quoting in a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(' | ');
}
