/** What a DCL process and a batch job may ask of the site they run on. */
import type { SiteProfile } from '../../../shared/site/schema';
import type { BatchEntry, QueueManager } from '../batch/queue-manager';
import type { TapeDrive } from '../drive/tape-drive';
import type { Faults } from '../faults/fault-control';
import type { HostState } from '../host/host-state';
import type { SiteLayout } from '../host/site-layout';
import type { LogicalTable } from '../files/logical-names';

export interface SubmitRequest {
  /** The procedure, as the user gave it (resolved against `defaults`). */
  file: string;
  defaults: { device: string; directory: string };
  tables: LogicalTable[];
  queue: string | undefined;
  jobName: string | undefined;
  username: string;
  parameters: string[];
  after: Date | null;
  hold: boolean;
  logFile: string | undefined;
  keep: boolean;
  printer: boolean;
}

export interface SiteServices {
  readonly profile: SiteProfile;
  readonly layout: SiteLayout;
  readonly faults: Faults;
  now(): Date;
  /** Plays every event due by now (jobs moving on, scheduled submissions). */
  advance(): void;
  queues(host: string): QueueManager | undefined;
  submit(host: HostState, request: SubmitRequest): { entry: BatchEntry; confirmation: string };
  drive(host: string): TapeDrive | undefined;
}
