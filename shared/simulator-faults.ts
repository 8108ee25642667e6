/** The faults the simulated site produces on demand, by the names the API and the CLI take. */
export const FAULT_NAMES = [
  'backup-area-full',
  'file-open',
  'tape-write-error',
  'medium-offline',
  'tape-not-initialized',
  'queue-stopped',
  'link-dropped',
  'slow-link',
  'exec-refused',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

export interface FaultRequest {
  fault: FaultName;
  on: boolean;
  /** The host it concerns (link faults); every host when absent. */
  host?: string;
  /** queue-stopped: the queue. */
  queue?: string;
  /** tape-not-initialized: the magazine slot, from 1. */
  slot?: number;
  /** slow-link: the delay of each piece of output, in milliseconds. */
  delayMs?: number;
}
