/**
 * Zod's issues reworded for someone editing a YAML profile: YAML words (list, mapping),
 * the offending value quoted, and one problem per unknown field so each is located.
 */
import type { z } from 'zod';
import { describeValue, quoteList, type PathSegment, type SiteProblem } from './problems';

type Issue = z.core.$ZodIssue;

export function problemsFromIssues(issues: readonly Issue[], data: unknown): SiteProblem[] {
  const out: SiteProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(toSegment);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'unknown field' });
      continue;
    }
    out.push({ path, message: messageFor(issue, path, data) });
  }
  return out;
}

function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'number' ? key : String(key);
}

function messageFor(issue: Issue, path: PathSegment[], data: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(data, path)) return 'required field is missing';
      return `expected ${expectedWord(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const expected = issue.values.length === 1 ? `expected ${quoteList(issue.values)}` : `expected one of ${quoteList(issue.values)}`;
      return isMissing(data, path) ? `required field is missing; ${expected}` : expected;
    }
    case 'invalid_union': {
      const options = 'options' in issue ? issue.options : undefined;
      if (issue.discriminator !== undefined && options !== undefined) {
        const prefix = isMissing(data, path) ? 'required field is missing; ' : '';
        return `${prefix}expected one of ${quoteList(options)}`;
      }
      return 'does not match any of the allowed forms';
    }
    case 'invalid_format':
      return `${formatWording(issue)}, got ${describeValue(issue.input)}`;
    case 'too_small':
      return sizeMessage('at least', issue.origin, Number(issue.minimum), issue.inclusive !== false);
    case 'too_big':
      return sizeMessage('at most', issue.origin, Number(issue.maximum), issue.inclusive !== false);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'invalid_key':
      return `invalid key ${describeValue(issue.input)}`;
    case 'invalid_element':
      return 'invalid element';
    case 'custom':
      return issue.input === undefined ? issue.message : `${issue.message}, got ${describeValue(issue.input)}`;
    default:
      return (issue as { message: string }).message;
  }
}

/** Missing means the key is absent (or undefined) in an object that is itself present. */
function isMissing(data: unknown, path: readonly PathSegment[]): boolean {
  if (path.length === 0) return data === undefined;
  let node: unknown = data;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PathSegment, unknown>)[segment];
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
  const last = path[path.length - 1] as PathSegment;
  return (node as Record<PathSegment, unknown>)[last] === undefined;
}

function expectedWord(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping';
    default:
      return expected;
  }
}

function formatWording(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  // our schemas give every regex its own wording; zod's default one starts "Invalid"
  if (!issue.message.startsWith('Invalid')) return issue.message;
  return issue.pattern !== undefined ? `must match ${issue.pattern}` : `must be a valid ${issue.format}`;
}

function sizeMessage(bound: 'at least' | 'at most', origin: string, limit: number, inclusive: boolean): string {
  switch (origin) {
    case 'string':
      if (bound === 'at least' && limit === 1 && inclusive) return 'must not be empty';
      return `must be ${bound} ${limit} characters long`;
    case 'array':
    case 'set':
      if (bound === 'at least' && limit === 1 && inclusive) return 'must have at least one item';
      return `must have ${bound} ${limit} items`;
    default:
      if (inclusive) return `must be ${bound} ${limit}`;
      return `must be ${bound === 'at least' ? 'more' : 'less'} than ${limit}`;
  }
}
