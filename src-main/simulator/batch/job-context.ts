/**
 * What a running batch job can do: write its log, wait (simulated time), submit the jobs the plan
 * says it submits, use the disks and the tape drive, and fail the way OpenVMS jobs fail.
 *
 * Two ways of failing, as in DCL. A command that fails (CommandFailure) has written its messages
 * and leaves its status in $STATUS; what happens next is the procedure's error handling: under
 * `$ SET NOON` the procedure goes on with its next command, under `$ ON ERROR THEN EXIT` (DCL's
 * own default) it exits with that status. A job that is stopped outright (JobFailure: the
 * procedure cannot go on, or the job is aborted) ends there whatever the error handling.
 */
import type { SiteJob } from '../../../shared/site/schema';
import type { TapeDrive } from '../drive/tape-drive';
import type { FaultState } from '../faults/fault-control';
import type { HostState } from '../host/host-state';
import type { SiteLayout } from '../host/site-layout';
import type { VmsFile } from '../files/volumes';
import type { BatchEntry } from './queue-manager';

/** A job script yields how many simulated milliseconds it waits; it ends by returning or throwing JobFailure. */
export type JobScript = Generator<number, void, void>;

export class JobFailure extends Error {
  constructor(
    readonly status: number,
    /** The message lines the job ended with (shown by SHOW ENTRY/FULL under a job retained on error). */
    readonly messages: string[],
  ) {
    super(messages[0] ?? 'job failed');
  }
}

/** One command of the procedure failed; its messages are already in the log. */
export class CommandFailure extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages[0] ?? 'command failed');
  }
}

/**
 * What a procedure does when a command fails: go on (`SET NOON`), or exit once a command's
 * severity reaches the ON condition (`ON WARNING`, `ON ERROR`, `ON SEVERE_ERROR THEN EXIT`).
 */
export type ErrorHandling = { kind: 'continue'; line: string } | { kind: 'exit'; at: 'W' | 'E' | 'F'; line: string | null };

export interface JobContext {
  entry: BatchEntry;
  host: HostState;
  layout: SiteLayout;
  /** The profile job the procedure is, if any. */
  job: SiteJob | null;
  faults: FaultState;
  drive: TapeDrive | undefined;
  /** The procedure's error handling, read from its text when it was submitted. */
  errorHandling: ErrorHandling;
  /** $STATUS: the condition value the last command left (the job's final status when it exits). */
  status: number;
  /** The message lines of the last command that failed, kept for SHOW ENTRY when the job ends on it. */
  statusMessages: string[];
  now(): Date;
  /** Appends a record to the job's log. */
  log(...lines: string[]): void;
  /** A verified command line, as batch logs show them: `$ COMMAND`. */
  command(text: string): void;
  /** Submits a job of the profile the way the plan's procedures do; returns the confirmation line. */
  submit(job: SiteJob, at: string | undefined): string;
  /** Creates a file as a job would (a new version). */
  createFile(spec: string, blocks: number, records?: string[] | null): VmsFile;
  /** Counts a mounted volume for the accounting trailer. */
  mounted(): void;
}

/**
 * The error handling a procedure's text sets up, read as DCL would meet its lines from the top:
 * without any, DCL's default is `ON ERROR THEN EXIT` (HP OpenVMS DCL Dictionary, ON and SET ON);
 * `SET NOON` turns error checking off; an `ON condition THEN EXIT` sets the level that exits
 * (SEVERE_ERROR: F only, ERROR: E or F, WARNING: W, E or F). An ON action other than EXIT (GOTO a
 * handler) is taken as carrying on: the simulated job has no handler to jump to.
 */
export function errorHandlingOf(records: readonly string[] | null): ErrorHandling {
  let handling: ErrorHandling = { kind: 'exit', at: 'E', line: null };
  for (const record of records ?? []) {
    const line = record
      .replace(/^\s*\$\s*/, '')
      .replace(/!.*$/, '')
      .trim()
      .replace(/\s+/g, ' ')
      .toUpperCase();
    if (/^SET NOON$/.test(line)) handling = { kind: 'continue', line };
    else if (/^SET ON$/.test(line) && handling.kind === 'continue') handling = { kind: 'exit', at: 'E', line };
    else {
      const on = /^ON (WARNING|ERROR|SEVERE_ERROR) THEN (.+)$/.exec(line);
      if (on === null) continue;
      const at = on[1] === 'WARNING' ? 'W' : on[1] === 'ERROR' ? 'E' : 'F';
      handling = /^EXIT\b/.test(on[2] as string) ? { kind: 'exit', at, line } : { kind: 'continue', line };
    }
  }
  return handling;
}

/**
 * One command of the procedure. When it fails, its messages are in the log already and $STATUS
 * holds its status; the procedure then goes on (SET NOON) or exits with that status (ON ERROR THEN
 * EXIT, DCL's default). A JobFailure (the procedure cannot go on) passes through.
 */
export function* step(ctx: JobContext, command: JobScript): JobScript {
  try {
    yield* command;
  } catch (error) {
    if (!(error instanceof CommandFailure)) throw error;
    ctx.status = error.status;
    ctx.statusMessages = error.messages;
    if (exitsOn(ctx.errorHandling, error.status)) throw new JobFailure(error.status, error.messages);
  }
}

const SEVERITY_ORDER = { W: 0, E: 1, F: 2 } as const;

/** Whether a failed command's status makes the procedure exit under this error handling. */
export function exitsOn(handling: ErrorHandling, status: number): boolean {
  if (handling.kind === 'continue' || (status & 1) === 1) return false;
  // a condition value's low three bits: 0 warning, 2 error, 4 severe (fatal)
  const severity = status & 7;
  const level = severity === 4 ? 'F' : severity === 2 ? 'E' : 'W';
  return SEVERITY_ORDER[level] >= SEVERITY_ORDER[handling.at];
}
