/**
 * How the DCL builder says no.
 *
 * Every validator returns a `Checked` result and never throws, so that a screen can show the
 * reason next to the field; the `assert…` variants and the command builders throw a
 * `DclBuildError` carrying the same code, field and message, so that no half-built command can
 * be sent by forgetting to look at a result.
 */

export type DclProblemCode =
  /** Not a string (or not a number, for numbers): a caller bypassed the types. */
  | 'wrong-type'
  | 'empty'
  | 'too-long'
  /** Names are accepted in upper case only: DCL would upper-case them anyway, and a console that
   *  quietly changed what it was given would hide a typo in the profile. */
  | 'lower-case'
  | 'bad-character'
  /** An apostrophe starts a symbol substitution, even inside quotes (`''X'`). */
  | 'apostrophe'
  | 'control-character'
  | 'non-ascii'
  /** The characters are allowed but their arrangement is not the OpenVMS syntax. */
  | 'bad-syntax'
  | 'wildcard-not-allowed'
  | 'out-of-range'
  | 'too-many-parameters'
  /** A physical device name that is not a tape drive, given to a tape-only command. */
  | 'not-a-tape-drive'
  | 'nothing-to-do'
  | 'line-too-long'
  /** The assembled line broke one of the builder's own invariants: a bug, never input. */
  | 'unsafe-line';

export interface DclProblem {
  code: DclProblemCode;
  /** The input the problem is about, as the caller named it: `queue`, `parameters[3]`, ... */
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: DclProblem };

export class DclBuildError extends Error {
  readonly code: DclProblemCode;
  readonly field: string;

  constructor(problem: DclProblem) {
    super(problem.message);
    this.name = 'DclBuildError';
    this.code = problem.code;
    this.field = problem.field;
  }

  get problem(): DclProblem {
    return { code: this.code, field: this.field, message: this.message };
  }
}

export function accept<T>(value: T): Checked<T> {
  return { ok: true, value };
}

export function refuse<T = never>(code: DclProblemCode, field: string, message: string): Checked<T> {
  return { ok: false, problem: { code, field, message } };
}

/** The value of a result, or the result's problem thrown as a `DclBuildError`. */
export function orThrow<T>(result: Checked<T>): T {
  if (!result.ok) throw new DclBuildError(result.problem);
  return result.value;
}

/** Runs a builder and turns a `DclBuildError` into a result; any other error is a bug and goes on. */
export function attempt<T>(build: () => T): Checked<T> {
  try {
    return accept(build());
  } catch (error) {
    if (error instanceof DclBuildError) return { ok: false, problem: error.problem };
    throw error;
  }
}

/**
 * An input quoted for a message. Messages end up on screen and in logs, so the input is cut short
 * and every character outside printable ASCII is written as an escape: a refused escape sequence
 * must not clear the operator's screen on its way to being reported.
 */
export function describeInput(value: unknown): string {
  if (typeof value !== 'string') return value === undefined ? 'nothing' : typeof value;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown).replace(/[^\x20-\x7e]/gu, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A character named for a message: `"/" (slash)`, or its code when it is not printable. */
export function describeCharacter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code < 0x20 || code === 0x7f) return `control character ${hex}`;
  if (code > 0x7e) return `non-ASCII character ${hex}`;
  const name = CHARACTER_NAMES[c];
  return name === undefined ? `"${c}"` : `"${c}" (${name})`;
}

const CHARACTER_NAMES: Record<string, string> = {
  ' ': 'space',
  '/': 'slash',
  ',': 'comma',
  '+': 'plus sign',
  '!': 'exclamation mark',
  '@': 'at sign',
  '&': 'ampersand',
  "'": 'apostrophe',
  '"': 'quotation mark',
  '-': 'hyphen',
  '|': 'vertical bar',
  '=': 'equals sign',
  '(': 'parenthesis',
  ')': 'parenthesis',
  '<': 'angle bracket',
  '>': 'angle bracket',
  '*': 'asterisk',
  '%': 'percent sign',
  ';': 'semicolon',
  ':': 'colon',
  '.': 'full stop',
};

/** The first character of `value` that `allowed` does not match, if any. */
export function firstCharacterNotIn(value: string, allowed: RegExp): string | undefined {
  for (const c of value) if (!allowed.test(c)) return c;
  return undefined;
}
