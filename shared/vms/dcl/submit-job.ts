/**
 * The SUBMIT for one job of the site profile.
 *
 * The job is taken as a plain object with the four fields needed, so that this module does not
 * depend on the profile's zod schema. The command is the job's procedure submitted to its queue
 * with its parameters, plus a unique /NAME (./submission-name) and the console's /RETAIN
 * (./retention, CONSOLE_RETENTION: the entry stays listed for a day after the job ends, so that
 * after a dropped link "not in the queue" can only mean "never arrived") and the user it runs as.
 *
 * Who a job runs as is one rule (`jobUser`): "All backups should run as USER=LEASE_BATCH, just
 * like other batch jobs", so every job carries /USER= the profile's batch user, except a job whose
 * procedure is in SYS$LOGIN:. SYS$LOGIN: is the submitting account's own login directory, so such
 * a procedure is that account's own command and runs as it: the plan's
 *     SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM
 * is typed after "log in as system manager", without /USER, and is sent as the plan writes it.
 */
import { DclBuildError, describeInput } from './dcl-build-error';
import type { DclCommand } from './command-line';
import { assertDirectorySpec, assertFileSpec } from './file-spec';
import { checkJobName } from './names';
import { submit, type SubmitOptions } from './queue-commands';
import { CONSOLE_RETENTION, type JobRetention } from './retention';
import { submissionName } from './submission-name';

export interface ProfileJob {
  name: string;
  /** A file spec (`DISK$USER:[DIR]X.COM`, `SYS$LOGIN:X.COM`) or a bare `X.COM` in the procedures directory. */
  procedure: string;
  queue: string;
  parameters?: readonly string[];
}

export interface SubmitJobOptions extends Pick<SubmitOptions, 'after' | 'hold' | 'logFile' | 'noPrinter' | 'keep'> {
  /** The unique part of the job name (./submission-name, `uniquePartFrom`). */
  uniquePart: string;
  /** What the job name starts with, before the job's own name. */
  namePrefix?: string;
  /** Where a procedure given without device or directory lives (the profile's procedures path). */
  proceduresDirectory?: string;
  /**
   * The profile's batchUser: the user every job runs as (/USER), except a procedure of the
   * submitting account's own (`jobUser`).
   */
  batchUser: string;
  /** Replaces the profile's parameters for this one submission. */
  parameters?: readonly string[];
  /**
   * How long the queue keeps the entry after the job ends; CONSOLE_RETENTION by default. Another
   * retention is for tests and for a SUBMIT the operator asks for by hand: with one that lets a
   * finished job leave the queue, a dropped link leaves the question "did it arrive" to the
   * operator (the submission check in main).
   */
  retain?: JobRetention;
}

export const DEFAULT_NAME_PREFIX = 'TAPEOPS';

export interface JobSubmission extends DclCommand {
  /** The unique /NAME, to look the job up in the queue later. */
  readonly name: string;
  /** The /USER the job runs as; null: it runs as the account that submits it (`jobUser`). */
  readonly user: string | null;
}

/** The login directory of the account that submits: a procedure there is that account's own. */
const OWN_LOGIN = /^SYS\$LOGIN:/iu;

/**
 * The user a job of the profile runs as: the batch user, or null for a procedure in the
 * submitting account's own login directory (SYS$LOGIN:), which runs as that account.
 */
export function jobUser(job: Pick<ProfileJob, 'procedure'>, batchUser: string): string | null {
  return OWN_LOGIN.test(job.procedure) ? null : batchUser;
}

export function submitJob(job: ProfileJob, options: SubmitJobOptions): JobSubmission {
  // Problems with the job itself are reported under the job's own field names.
  const jobName = checkJobName(job.name, 'name');
  // A long job name is fine: the submission name cuts it short.
  if (!jobName.ok && jobName.problem.code !== 'too-long') throw new DclBuildError(jobName.problem);
  const name = submissionName(`${options.namePrefix ?? DEFAULT_NAME_PREFIX}_${job.name}`, options.uniquePart);
  const user = jobUser(job, options.batchUser);
  const { command } = submit({
    file: procedureFile(job.procedure, options.proceduresDirectory),
    queue: job.queue,
    parameters: options.parameters ?? job.parameters ?? [],
    name,
    retain: options.retain ?? CONSOLE_RETENTION,
    ...(user === null ? {} : { user }),
    after: options.after,
    hold: options.hold,
    logFile: options.logFile,
    noPrinter: options.noPrinter,
    keep: options.keep,
  });
  return { command, name, user };
}

function procedureFile(procedure: string, proceduresDirectory: string | undefined): string {
  assertFileSpec(procedure, 'procedure');
  // A spec with a device or directory is used as it is.
  if (/[:[\]]/u.test(procedure)) return procedure;
  if (proceduresDirectory === undefined) {
    throw new DclBuildError({
      code: 'bad-syntax',
      field: 'procedure',
      message: `procedure ${describeInput(procedure)} names no device or directory, and no procedures directory was given`,
    });
  }
  return `${assertDirectorySpec(proceduresDirectory, 'proceduresDirectory')}${procedure}`;
}
