/** The requests of the console's own simulated site: faults on demand, and the person's acts at its drive. */
import { z } from 'zod';
import { faultRequestSchema } from '../simulator-faults';
import { request } from './common';

/** The simulated drive as the person at the rack sees it. */
export interface SimulatedDriveView {
  done: string;
  doorOpen: boolean;
  magazineInDrive: boolean;
  loaded: string | null;
  slots: (string | null)[];
  /** The magnetic volume label of each slot's tape (what INITIALIZE wrote), or null. */
  labels: (string | null)[];
}

/** One act at the simulated drive; `look` changes nothing and answers what is there. */
export const driveActSchema = z.discriminatedUnion('act', [
  z.object({ act: z.enum(['eject', 'remove-magazine', 'empty-magazine', 'insert-magazine', 'close-door', 'load', 'look']) }).strict(),
  z
    .object({
      act: z.literal('insert'),
      slot: z.number().int().min(1).max(16),
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9 ]{1,12}$/, 'a tape label is letters, digits and spaces'),
    })
    .strict(),
]);

export type DriveAct = z.output<typeof driveActSchema>;

export const simulatorRequests = {
  'simulator.fault': request<{ active: string[] }>()(faultRequestSchema),
  'simulator.drive': request<SimulatedDriveView>()(driveActSchema),
} as const;
