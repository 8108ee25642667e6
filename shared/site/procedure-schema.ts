/** The plan's operator procedures, step by step: manual, sensed and command steps. */
import { z } from 'zod';
import { text, vmsName, weekday } from './schema-values';

export const senseConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('drive-unloaded') }),
  z.strictObject({ kind: z.literal('drive-loaded') }),
  z.strictObject({
    kind: z.literal('queue-entry'),
    queue: vmsName,
    job: vmsName,
    // the entry is held until this time of day (the DAILY_BACKUP waiting for 06:05), or running
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 06:05')
      .optional(),
  }),
  z.strictObject({ kind: z.literal('magazine-matches-plan') }),
  // DIRECTORY of the procedures folder: the run's command procedure is there
  z.strictObject({ kind: z.literal('procedure-listed') }),
]);

/** What each kind needs, said once here so that a profile cannot hold a step the console cannot run. */
const STEP_NEEDS = { sensed: 'sense', command: 'command' } as const;

export const procedureStepSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'must be a lower-case identifier such as press-load'),
    text,
    kind: z.enum(['manual', 'sensed', 'command']),
    sense: senseConditionSchema.optional(),
    command: z
      .union([
        z.strictObject({ job: vmsName, parameters: z.array(text).max(8).optional() }),
        // the adhoc backup job chosen when the run starts
        z.strictObject({ choose: z.literal('adhoc-job'), parameters: z.array(text).max(8).optional() }),
      ])
      .optional(),
    notes: z.array(text).optional(),
    onlyOn: z.array(weekday).min(1).optional(),
    illustrates: z.enum(['eject', 'load', 'door', 'magazine']).optional(),
    // a manual step the host cannot see (the door, the magazine out), with the drive read beside it
    reads: z.literal('drive').optional(),
    // the courier's receipt: who took the tapes and when, typed by the operator
    receipt: z.boolean().optional(),
    // the Bill Run tapes written since the courier's last pickup, with their return dates
    lists: z.literal('courier-tapes').optional(),
  })
  .superRefine((step, ctx) => {
    if (step.receipt === true && step.kind !== 'manual')
      ctx.addIssue({ code: 'custom', path: ['receipt'], input: undefined, message: `only a manual step takes a receipt; this step is ${step.kind}` });
    if (step.reads !== undefined && step.kind !== 'manual')
      ctx.addIssue({
        code: 'custom',
        path: ['reads'],
        input: undefined,
        message: `only a manual step reads the drive beside it; a ${step.kind} step is checked by the console`,
      });
    for (const [kind, field] of Object.entries(STEP_NEEDS)) {
      const present = step[field] !== undefined;
      const message =
        step.kind === kind && !present
          ? `a ${kind} step needs a ${field}`
          : step.kind !== kind && present
            ? `only a ${kind} step has a ${field}; this step is ${step.kind}`
            : undefined;
      // input: undefined keeps the message free of ", got a mapping" (the whole step)
      if (message !== undefined) ctx.addIssue({ code: 'custom', path: [field], input: undefined, message });
    }
  });

export const operatorProcedureSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case identifier such as bill-run'),
  title: text,
  when: z.enum(['billrun', 'daily', 'adhoc', 'courier', 'restore']),
  steps: z
    .array(procedureStepSchema)
    .min(1)
    .superRefine((steps, ctx) => {
      // a run keeps its place by step id: two steps of one id would share a tick
      const first = new Map<string, number>();
      steps.forEach((step, index) => {
        const earlier = first.get(step.id);
        if (earlier === undefined) first.set(step.id, index);
        else
          ctx.addIssue({
            code: 'custom',
            path: [index, 'id'],
            input: undefined,
            message: `duplicate step id "${step.id}" (also steps[${earlier}])`,
          });
      });
    }),
  notes: z.array(text).default([]),
});
