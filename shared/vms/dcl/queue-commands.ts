/**
 * Commands on batch queues and their entries: SUBMIT, SHOW QUEUE, SHOW ENTRY, DELETE/ENTRY and
 * SET ENTRY/RELEASE.
 *
 * SUBMIT writes its qualifiers in one fixed order (/PARAMETER, /QUEUE, /RETAIN, /NAME, /USER,
 * /AFTER, /HOLD, /LOG_FILE, /NOPRINTER, /KEEP), the plan's own order, so that the plan's hand-typed
 *     SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM
 * comes out as the same text with only the console's /RETAIN and /NAME added. /RETAIN goes before
 * /NAME so that the name is still followed by the next qualifier or the file, as it always was. /PARAMETER is DCL's accepted
 * abbreviation of /PARAMETERS. A parameter of decimal digits only is a number and is written bare,
 * as the plan writes it (nothing in it can be upper-cased, split or substituted); every other
 * parameter is a quoted string value, so that none is ever upper-cased, split at a comma or
 * space, or read as a qualifier, comment or call. Several parameters go inside parentheses.
 */
import { DclBuildError } from './dcl-build-error';
import { assembleCommand, type DclCommand, type QualifierToken } from './command-line';
import { trusted, type DclText } from './dcl-text';
import { assertAfterTime } from './after-time';
import { assertFileSpec } from './file-spec';
import { assertJobName, assertQueueName, assertUserName } from './names';
import { assertEntryNumber } from './numbers';
import { assertRetention, type JobRetention } from './retention';
import { assertQuotedValue } from './string-value';

/** A command procedure takes P1 to P8. */
export const MAX_PARAMETERS = 8;

export interface SubmitOptions {
  /** The command procedure: exactly one file, no wildcards. */
  file: string;
  queue: string;
  /** P1 to P8, each a string value (./string-value). */
  parameters?: readonly string[];
  /** Run the job under this user name (/USER). */
  user?: string;
  /** Hold the job until this time (./after-time). */
  after?: string;
  hold?: boolean;
  /** The job name (/NAME); see ./submission-name for a unique one. */
  name?: string;
  /** How long the queue keeps the entry once the job has ended (./retention); none written when absent. */
  retain?: JobRetention;
  logFile?: string;
  noPrinter?: boolean;
  keep?: boolean;
}

export function submit(options: SubmitOptions): DclCommand {
  const qualifiers: QualifierToken<'SUBMIT'>[] = [];
  const parameters = options.parameters ?? [];
  if (parameters.length > MAX_PARAMETERS) {
    throw new DclBuildError({
      code: 'too-many-parameters',
      field: 'parameters',
      message: `${parameters.length} parameters were given; a command procedure takes at most ${MAX_PARAMETERS} (P1 to P8)`,
    });
  }
  if (parameters.length > 0) {
    const written = parameters.map((value, index) => parameterText(value, `parameters[${index}]`));
    qualifiers.push({ name: 'PARAMETER', value: trusted(written.length === 1 ? written.join('') : `(${written.join(',')})`) });
  }
  qualifiers.push({ name: 'QUEUE', value: trusted(assertQueueName(options.queue, 'queue')) });
  if (options.retain !== undefined) qualifiers.push({ name: 'RETAIN', value: trusted(assertRetention(options.retain, 'retain')) });
  if (options.name !== undefined) qualifiers.push({ name: 'NAME', value: trusted(assertJobName(options.name, 'name')) });
  if (options.user !== undefined) qualifiers.push({ name: 'USER', value: trusted(assertUserName(options.user, 'user')) });
  if (options.after !== undefined) qualifiers.push({ name: 'AFTER', value: trusted(assertAfterTime(options.after, 'after')) });
  if (options.hold === true) qualifiers.push({ name: 'HOLD' });
  if (options.logFile !== undefined) {
    qualifiers.push({ name: 'LOG_FILE', value: trusted(assertFileSpec(options.logFile, 'logFile', { nameOptional: true })) });
  }
  if (options.noPrinter === true) qualifiers.push({ name: 'NOPRINTER' });
  if (options.keep === true) qualifiers.push({ name: 'KEEP' });
  const file = trusted(assertFileSpec(options.file, 'file'));
  return assembleCommand({ verb: 'SUBMIT', qualifiers, parameters: [file] });
}

/** Digits only, and short enough to be a number DCL reads as it is. */
const NUMBER_PARAMETER = /^[0-9]{1,10}$/u;

function parameterText(value: string, field: string): string {
  return typeof value === 'string' && NUMBER_PARAMETER.test(value) ? value : assertQuotedValue(value, field);
}

export interface ShowQueueOptions {
  /** One queue; all queues when absent. */
  queue?: string;
  full?: boolean;
  /** Every job in the queue, not only the operator's own (/ALL_JOBS). */
  all?: boolean;
  /** Batch queues only. */
  batch?: boolean;
}

export function showQueue(options: ShowQueueOptions = {}): DclCommand {
  const qualifiers: QualifierToken<'SHOW QUEUE'>[] = [];
  if (options.batch === true) qualifiers.push({ name: 'BATCH' });
  if (options.all === true) qualifiers.push({ name: 'ALL_JOBS' });
  if (options.full === true) qualifiers.push({ name: 'FULL' });
  const parameters: DclText[] = options.queue === undefined ? [] : [trusted(assertQueueName(options.queue, 'queue'))];
  return assembleCommand({ verb: 'SHOW QUEUE', qualifiers, parameters });
}

export interface ShowEntryOptions {
  /** One entry; the operator's own entries when absent. */
  entry?: number;
  full?: boolean;
}

export function showEntry(options: ShowEntryOptions = {}): DclCommand {
  const qualifiers: QualifierToken<'SHOW ENTRY'>[] = options.full === true ? [{ name: 'FULL' }] : [];
  const parameters: DclText[] = options.entry === undefined ? [] : [entryText(options.entry)];
  return assembleCommand({ verb: 'SHOW ENTRY', qualifiers, parameters });
}

export function deleteEntry(entry: number): DclCommand {
  return assembleCommand({ verb: 'DELETE', qualifiers: [{ name: 'ENTRY', value: entryText(entry) }] });
}

/** Releases a held entry (SET ENTRY n /RELEASE), for a job submitted with /HOLD. */
export function releaseEntry(entry: number): DclCommand {
  return assembleCommand({ verb: 'SET ENTRY', qualifiers: [{ name: 'RELEASE' }], parameters: [entryText(entry)] });
}

function entryText(entry: number): DclText {
  return trusted(String(assertEntryNumber(entry, 'entry')));
}
