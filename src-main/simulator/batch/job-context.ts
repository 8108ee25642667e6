/**
 * What a running batch job can do: write its log, wait (simulated time), submit the jobs the plan
 * says it submits, use the disks and the tape drive, and fail the way OpenVMS jobs fail.
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

export interface JobContext {
  entry: BatchEntry;
  host: HostState;
  layout: SiteLayout;
  /** The profile job the procedure is, if any. */
  job: SiteJob | null;
  faults: FaultState;
  drive: TapeDrive | undefined;
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
