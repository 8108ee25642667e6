/** The procedure requests: the plan's checklists, a run started for a day, and the operator's acts on it. */
import { z } from 'zod';
import type { DayOffers } from '../procedures/day-offers';
import type { ProcedureChoice, RunView } from '../procedures/run-view';
import { isoDateSchema, request } from './common';

export const runIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be the id of a procedure run');

const reasonSchema = z.string().trim().min(1, 'say why').max(500);

/** A tape's label as scanned or typed; null: the slot is empty. */
const scannedCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9 ]{1,12}$/, 'a tape label is letters, digits and spaces, such as 100803D or DAILY 3')
  .nullable();

/** What the operator does to a run: the procedure machine's operator events, less who and when. */
export const operatorActionSchema = z.discriminatedUnion('action', [
  z.object({ runId: runIdSchema, action: z.enum(['back', 'recheck']) }).strict(),
  z
    .object({
      runId: runIdSchema,
      action: z.literal('confirm'),
      /** The courier's receipt, typed by the operator: who took the tapes, and when. */
      receipt: z
        .object({
          takenBy: z.string().trim().min(1, 'say who took the tapes').max(80),
          takenAt: z.string().trim().min(1, 'say when they were taken').max(40),
        })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ runId: runIdSchema, action: z.enum(['skip', 'abandon']), reason: reasonSchema }).strict(),
  z.object({ runId: runIdSchema, action: z.literal('scan'), slot: z.number().int().min(1).max(16), code: scannedCodeSchema }).strict(),
]);

export type OperatorAction = z.output<typeof operatorActionSchema>;

export const procedureRequests = {
  /** With a date: also what the screen offers for that day (which procedures apply, a rehearsal or not). */
  'procedures.list': request<{ choices: ProcedureChoice[]; runs: RunView[]; day?: DayOffers }>()(z.object({ date: isoDateSchema.optional() }).strict()),
  'procedures.start': request<RunView>()(
    z
      .object({
        procedureId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a procedure id such as bill-run'),
        date: isoDateSchema,
        /** The adhoc backup job, for a procedure that asks for one. */
        job: z
          .string()
          .regex(/^[A-Z0-9$_]{1,39}$/, 'must be the name of a job of the site profile')
          .optional(),
        /** Walk through the steps without sending or checking anything: the only way to run a day other than today. */
        rehearsal: z.boolean().optional(),
      })
      .strict(),
  ),
  'procedures.act': request<RunView>()(operatorActionSchema),
} as const;
