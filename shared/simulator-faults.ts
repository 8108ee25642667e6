/** The faults the simulated site produces on demand, by the names the API and the CLI take. */
import { z } from 'zod';
import { hostNameSchema } from './api/common';

export const FAULT_NAMES = [
  'backup-area-full',
  'file-open',
  'tape-write-error',
  'medium-offline',
  'tape-not-initialized',
  'tape-missing',
  'queue-stopped',
  'link-dropped',
  'slow-link',
  'exec-refused',
] as const;

export type FaultName = (typeof FAULT_NAMES)[number];

/** A fault turned on or off; the fields after `on` matter to some faults only. */
export const faultRequestSchema = z
  .object({
    fault: z.enum(FAULT_NAMES),
    on: z.boolean(),
    /** The host it concerns (link faults); every host when absent. */
    host: hostNameSchema.optional(),
    /** queue-stopped: the queue. */
    queue: hostNameSchema.optional(),
    /** tape-not-initialized, tape-missing: the magazine slot, from 1. */
    slot: z.number().int().min(1).max(16).optional(),
    /** slow-link: the delay of each piece of output, in milliseconds. */
    delayMs: z.number().int().min(0).max(60_000).optional(),
  })
  .strict();

export type FaultRequest = z.output<typeof faultRequestSchema>;
