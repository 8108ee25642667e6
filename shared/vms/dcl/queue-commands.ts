/**
 * Commands on batch queues and their entries: SUBMIT, SHOW QUEUE, SHOW ENTRY, DELETE/ENTRY and
 * SET ENTRY/RELEASE.
 *
 * SUBMIT writes its qualifiers in one fixed order (/QUEUE, /PARAMETERS, /NAME, /USER, /AFTER,
 * /HOLD, /LOG_FILE, /NOPRINTER, /KEEP) and every parameter as a quoted string inside
 * parentheses. A plan's hand-typed
 *     SUBMIT/PARAMETER=3/QUEUE=<queue> <procedure>
 * and the console's
 *     SUBMIT/QUEUE=<queue>/PARAMETERS=("3")/NAME=<unique name> <procedure>
 * mean the same: DCL does not care about qualifier order, /PARAMETER is an abbreviation of
 * /PARAMETERS, and P1 is the string 3 either way. The console always quotes so that no parameter
 * is ever upper-cased, split at a comma or space, or read as a qualifier, comment or call.
 */
import { DclBuildError } from './dcl-build-error';
import { assembleCommand, type DclCommand, type QualifierToken } from './command-line';
import { trusted, type DclText } from './dcl-text';
import { assertAfterTime } from './after-time';
import { assertFileSpec } from './file-spec';
import { assertJobName, assertQueueName, assertUserName } from './names';
import { assertEntryNumber } from './numbers';
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
  logFile?: string;
  noPrinter?: boolean;
  keep?: boolean;
}

export function submit(options: SubmitOptions): DclCommand {
  const qualifiers: QualifierToken<'SUBMIT'>[] = [{ name: 'QUEUE', value: trusted(assertQueueName(options.queue, 'queue')) }];
  const parameters = options.parameters ?? [];
  if (parameters.length > MAX_PARAMETERS) {
    throw new DclBuildError({
      code: 'too-many-parameters',
      field: 'parameters',
      message: `${parameters.length} parameters were given; a command procedure takes at most ${MAX_PARAMETERS} (P1 to P8)`,
    });
  }
  if (parameters.length > 0) {
    const quoted = parameters.map((value, index) => assertQuotedValue(value, `parameters[${index}]`));
    qualifiers.push({ name: 'PARAMETERS', value: trusted(`(${quoted.join(',')})`) });
  }
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
