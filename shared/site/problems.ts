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
    else {
      // a field name comes from the file: an unknown one may be anything, of any length
      const name = excerpt(segment);
      out += out === '' ? name : `.${name}`;
    }
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
  if (typeof value === 'string') return quoteExcerpt(value);
  return excerpt(String(value));
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? quoteExcerpt(v) : excerpt(String(v)))).join(' | ');
}

/**
 * The most characters of a value from the file that a message quotes: enough to recognise the
 * value, too few to copy out a secret (the file may be a private key or /proc/self/environ).
 */
export const EXCERPT_LENGTH = 40;

/**
 * A string quoted as JSON would (so `"25:00"` reads as before), cut to a short excerpt that says
 * the full length when it was cut: `"SECRET=…" (4316 characters)`.
 */
export function quoteExcerpt(value: string): string {
  const { shown, cut } = shorten(value, EXCERPT_LENGTH, QUOTED_ESCAPES);
  return cut ? `"${shown}${ELLIPSIS}" (${[...value].length} characters)` : `"${shown}"`;
}

/**
 * A text fit to print in one line of a message: every character that does not print (controls,
 * newlines, bidirectional overrides, lone surrogates) written as an escape, and cut after `max`
 * characters with an ellipsis. An escape is never cut in two.
 */
export function excerpt(text: string, max: number = EXCERPT_LENGTH): string {
  const { shown, cut } = shorten(text, max, ESCAPES);
  return cut ? shown + ELLIPSIS : shown;
}

/** A whole message in one printable line, however long. */
export function printable(text: string): string {
  return shorten(text, Number.POSITIVE_INFINITY, ESCAPES).shown;
}

const ELLIPSIS = '…';
// control, format (bidi overrides, zero-width), surrogate, private use, unassigned, line/paragraph separators
const NOT_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]$/u;
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);
// the escapes of JSON.stringify, which quoted values before
const QUOTED_ESCAPES: ReadonlyMap<string, string> = new Map([...ESCAPES, ['"', '\\"'], ['\\', '\\\\'], ['\b', '\\b'], ['\f', '\\f']]);

function shorten(text: string, max: number, escapes: ReadonlyMap<string, string>): { shown: string; cut: boolean } {
  let shown = '';
  for (const char of text) {
    const written = escapes.get(char) ?? (NOT_PRINTABLE.test(char) ? escapeCodePoint(char) : char);
    if (shown.length + written.length > max) return { shown, cut: true };
    shown += written;
  }
  return { shown, cut: false };
}

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
