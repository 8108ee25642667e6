/**
 * The line assembler: the one place where a command line is put together.
 *
 * Verbs and qualifiers come from the fixed lists below, checked at run time as well as by the
 * types, so no caller can slip in a verb (PIPE, @, a second command) or a qualifier (/USER=SYSTEM).
 * Values arrive as `DclText`, made only from validated input (./dcl-text). After assembly the
 * whole line is checked once more against invariants that hold for every command the console can
 * send; a line that breaks one is a bug in the builder and is refused rather than sent.
 *
 * Line length: the console sends every command as one line of at most 255 characters. Before
 * OpenVMS V7.3-2 DCL took one line of at most 255 characters, reaching 1024 only by continuing
 * the command over more lines with a final hyphen (CLI$DCL_PARSE, LIB$DO_COMMAND), and a single
 * token was limited to 255. The site runs V7.2-1, and the builder never writes continuation lines
 * (a final hyphen is refused), so 255 is the limit that holds there.
 */
import { DclBuildError } from './dcl-build-error';
import type { DclText } from './dcl-text';

export const COMMAND_LINE_MAX_LENGTH = 255;

/** Every verb the console can send, with the qualifiers it may give each one. */
const QUALIFIERS = {
  SUBMIT: ['PARAMETER', 'QUEUE', 'RETAIN', 'NAME', 'USER', 'AFTER', 'HOLD', 'LOG_FILE', 'NOPRINTER', 'KEEP'],
  'SHOW QUEUE': ['BATCH', 'ALL_JOBS', 'FULL'],
  'SHOW ENTRY': ['FULL'],
  DELETE: ['ENTRY'],
  'SET ENTRY': ['RELEASE'],
  'SHOW DEVICE': ['FULL'],
  'SHOW LOGICAL': ['FULL'],
  DIRECTORY: ['SIZE', 'DATE'],
  TYPE: [],
  'SET DEFAULT': [],
  'SHOW DEFAULT': [],
  'SHOW TIME': [],
  WRITE: [],
  'SET TERMINAL': ['WIDTH', 'PAGE', 'ECHO', 'NOECHO', 'BROADCAST', 'NOBROADCAST'],
  INITIALIZE: [],
  MOUNT: ['FOREIGN'],
  DISMOUNT: ['UNLOAD'],
  'SET PROMPT': [],
} as const satisfies Record<string, readonly string[]>;

export type DclVerb = keyof typeof QUALIFIERS;
export type DclQualifier<V extends DclVerb> = (typeof QUALIFIERS)[V][number];

export const DCL_VERBS: readonly DclVerb[] = Object.keys(QUALIFIERS) as DclVerb[];

/** Verbs written `VERB=value` (SET PROMPT="..."), the value being the one thing they take. */
const VERBS_WITH_VALUE: readonly DclVerb[] = ['SET PROMPT'];

/** One command line, ready to be sent. */
export interface DclCommand {
  readonly command: string;
}

export interface QualifierToken<V extends DclVerb> {
  name: DclQualifier<V>;
  value?: DclText;
}

export interface CommandParts<V extends DclVerb> {
  verb: V;
  /** For the verbs written `VERB=value`. */
  verbValue?: DclText;
  qualifiers?: readonly QualifierToken<V>[];
  parameters?: readonly DclText[];
}

export function assembleCommand<V extends DclVerb>(parts: CommandParts<V>): DclCommand {
  const { verb } = parts;
  const allowed: readonly string[] | undefined = Object.hasOwn(QUALIFIERS, verb) ? QUALIFIERS[verb] : undefined;
  if (allowed === undefined) unsafe(`the verb ${JSON.stringify(verb)} is not one the console sends`);
  let line: string = verb;
  if (parts.verbValue !== undefined) {
    if (!VERBS_WITH_VALUE.includes(verb)) unsafe(`${verb} takes no value`);
    line += `=${parts.verbValue}`;
  }
  for (const qualifier of parts.qualifiers ?? []) {
    if (!allowed.includes(qualifier.name)) unsafe(`${verb} takes no qualifier /${String(qualifier.name)}`);
    line += `/${qualifier.name}${qualifier.value === undefined ? '' : `=${qualifier.value}`}`;
  }
  for (const parameter of parts.parameters ?? []) line += ` ${parameter}`;
  checkLine(line, verb);
  return { command: line };
}

/** Outside quotes: names, file specs, numbers, times and the punctuation of qualifiers and lists. */
const UNQUOTED = /^[A-Z0-9$_:;.[\]/=(),*% -]*$/u;

/**
 * The invariants of every line: one line of printable ASCII within the length limit, starting
 * with its verb, with no apostrophe anywhere, balanced quotes, nothing outside quotes that DCL
 * would read as a comment (!), a procedure call (@), a substitution (&, '), a pipe or a
 * continuation, and no final hyphen.
 */
function checkLine(line: string, verb: DclVerb): void {
  if (line.length > COMMAND_LINE_MAX_LENGTH) {
    throw new DclBuildError({
      code: 'line-too-long',
      field: 'command',
      message: `the ${verb} command would be ${line.length} characters long; the console sends at most ${COMMAND_LINE_MAX_LENGTH} on one line`,
    });
  }
  if (!/^[\x20-\x7e]*$/u.test(line)) unsafe('the line holds a character outside printable ASCII');
  if (line.includes("'")) unsafe('the line holds an apostrophe');
  if (!line.startsWith(verb) || !/^(?:[/ =]|$)/u.test(line.slice(verb.length))) unsafe('the line does not start with its verb');
  if (line.endsWith('-')) unsafe('the line ends with a hyphen');
  let inQuotes = false;
  let unquoted = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') {
      if (inQuotes && line[i + 1] === '"') {
        i++;
        continue;
      }
      inQuotes = !inQuotes;
      unquoted += ' ';
      continue;
    }
    if (!inQuotes) unquoted += c;
  }
  if (inQuotes) unsafe('a quoted string is not closed');
  if (!UNQUOTED.test(unquoted)) unsafe('the line holds, outside quotes, a character DCL would read as more than text');
}

function unsafe(reason: string): never {
  throw new DclBuildError({ code: 'unsafe-line', field: 'command', message: `the DCL builder refused its own line: ${reason}` });
}
