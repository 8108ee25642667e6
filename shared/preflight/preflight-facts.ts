/**
 * What pre-flight reads before it judges: the queues, the drive, the magazine and the backup area
 * as the host (or, for the magazine, the person's scans or the simulated loader) showed them at one
 * moment. Plain data, so that the checks are pure and a test can state a site in a few lines.
 * Every part that could not be read says why instead (`problem`), and the check that needs it fails
 * with that reason rather than guessing.
 */
import type { EntryState } from '../vms/parsers/entry-status';

export interface EntryFact {
  entry: number;
  jobName: string;
  state: EntryState;
  /** The Status column as printed: "Holding until  4-AUG-2010 06:05:00". */
  statusText: string;
  /** When a held entry is released (its "Holding until" or /AFTER), local YYYY-MM-DDTHH:MM:SS. */
  releaseAt: string | null;
}

export interface QueueFact {
  name: string;
  host: string;
  /** The queue's state words as SHOW QUEUE prints them ("idle", "stopped", ...); null when not read. */
  states: string[] | null;
  entries: EntryFact[];
  /** Why the queue could not be read (link down, not listed); null when it was. */
  problem: string | null;
}

export type DriveFact = { online: boolean; loaded: boolean; words: string; problem: null } | { problem: string };

export interface TapeInSlot {
  /** The paper label's code (100803E, DAILY 1). */
  code: string;
  /** The magnetic volume label, where the reading knows it; null for a blank or unknown one. */
  volumeLabel: string | null;
}

/**
 * The magazine slot by slot. The host cannot see the labels in a TZ-series loader's magazine, so a
 * reading comes from the person's scans or, on the simulated site, from its loader; `unseen`
 * says that none was made.
 */
export type MagazineFact = { source: 'scanned' | 'simulated-loader'; slots: (TapeInSlot | null)[]; volumeLabelsKnown: boolean } | { source: 'unseen'; why: string };

export interface AreaFile {
  name: string;
  type: string;
  version: number | null;
  blocks: number;
}

export interface BackupAreaFact {
  /** The host asked. */
  host: string;
  /** The device part of the backup area's path (DISK$...). */
  device: string;
  /** Free blocks of every volume of the device (a bound volume set shows each member). */
  freeBlocks: number | null;
  files: AreaFile[];
  problem: string | null;
}

export interface PreflightFacts {
  /** When the facts were read, local YYYY-MM-DDTHH:MM:SS. */
  at: string;
  queues: QueueFact[];
  drive: DriveFact;
  magazine: MagazineFact;
  backupArea: BackupAreaFact;
}
