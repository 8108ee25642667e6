/**
 * A run of an operator procedure (DESIGN: src-main/machines), in the manner of an electronic
 * checklist: one step at a time; a manual step waits for the person's confirmation, a sensed step
 * asks the host until its condition holds, a command step shows the exact DCL and sends it when
 * the person confirms. A step is skipped only with a stated reason; Back returns to the step
 * before.
 *
 * The machine is pure: time comes with each event (`at`) and the host is reached only through
 * the two actors the run manager provides (`sense`, `command`). It has no timers: the next time to
 * ask the host is a deadline in the context (`nextCheckAt`), which a restored run still has, and
 * the run manager sends RECHECK when it passes. An actor running when the console died runs
 * again on restore (xstate restarts invocations), so each one first checks whether its effect
 * already happened.
 */
import { and, assign, fromPromise, setup } from 'xstate';
import type { ProcedureRunPlan, RunStep } from '../../../shared/procedures/procedure-types';
import type { BeforeReading, SenseReading, StepOutcome, StepRecord } from '../../../shared/procedures/run-view';

export type { BeforeReading, SenseReading, StepOutcome, StepRecord } from '../../../shared/procedures/run-view';

/**
 * Raised when the context or the states change shape; a snapshot of another version is refused
 * with its reason (../persisted-runs). 2: sensed changes (`before`), manual steps with a
 * reading, rehearsals, the courier's receipt.
 */
export const PROCEDURE_MACHINE_VERSION = 2;

/** Between two readings of a sensed condition that does not hold yet. */
export const RECHECK_AFTER_MS = 2000;

export interface ProcedureContext {
  runId: string;
  plan: ProcedureRunPlan;
  startedBy: string;
  index: number;
  records: StepRecord[];
  /** The last reading of the current sensed step, or of a manual step that reads the drive. */
  reading: SenseReading | null;
  /** The reading of this step that showed the state its sensed change starts from. */
  before: BeforeReading | null;
  nextCheckAt: string | null;
  /** The codes the operator scanned or typed per slot ("1".."7"; null: the slot is empty). */
  found: Record<string, string | null>;
  /** Who confirmed the command being sent. */
  sentBy: string | null;
  commandError: string | null;
}

export interface ProcedureInput {
  runId: string;
  plan: ProcedureRunPlan;
  startedBy: string;
}

export type ProcedureEvent =
  | { type: 'CONFIRM'; who: string; at: string; receipt?: { takenBy: string; takenAt: string } }
  | { type: 'BACK'; who: string; at: string }
  | { type: 'SKIP'; who: string; at: string; reason: string }
  | { type: 'RECHECK'; at: string }
  | { type: 'SCAN'; who: string; at: string; slot: number; code: string | null }
  | { type: 'ABANDON'; who: string; at: string; reason: string };

export interface SenseInput {
  runId: string;
  plan: ProcedureRunPlan;
  step: RunStep;
  found: Record<string, string | null>;
  /** What this step saw before (a tape loaded, before Eject), or null. */
  before: BeforeReading | null;
}

export interface CommandInput {
  runId: string;
  step: RunStep;
}

/** What a sent command did, in words for the record: "entry 412 in TAPE_BACKUP (submitted)". */
export interface CommandResult {
  detail: string;
  at: string;
}

function currentStep(context: ProcedureContext): RunStep | undefined {
  return context.plan.steps[context.index];
}

function record(context: ProcedureContext, outcome: StepOutcome, who: string, at: string, extra: { reason?: string; detail?: string } = {}): StepRecord[] {
  const step = currentStep(context);
  return [...context.records, { stepId: step?.id ?? '', index: context.index, outcome, who, at, ...extra }];
}

const FRESH_STEP = { reading: null, before: null, nextCheckAt: null, commandError: null, sentBy: null } as const;

/** A person's confirmation of a step, with what the console read beside it. */
function confirmedDetail(reading: SenseReading | null): { detail?: string } {
  if (reading === null) return {};
  return { detail: `Confirmed by the person; the console read: ${reading.read ?? reading.detail}` };
}

/** The courier's receipt as the record keeps it. */
function receiptDetail(receipt: { takenBy: string; takenAt: string }): { detail: string } {
  return { detail: `Receipt: taken by ${receipt.takenBy.trim()}, ${receipt.takenAt.trim()}` };
}

/** What a rehearsed step did not do, for the record. */
function rehearsedDetail(step: RunStep | undefined): string {
  if (step?.command) return `Rehearsal: not sent: ${step.command.dcl}`;
  if (step?.kind === 'sensed') return 'Rehearsal: not checked on the host.';
  return 'Rehearsal.';
}

function later(at: string, ms: number): string {
  return new Date(Date.parse(at) + ms).toISOString();
}

export const procedureMachine = setup({
  types: {
    context: {} as ProcedureContext,
    events: {} as ProcedureEvent,
    input: {} as ProcedureInput,
  },
  actors: {
    // The run manager provides the real ones (./procedure-actors); these say so if it did not.
    sense: fromPromise<SenseReading, SenseInput>(async () => {
      throw new Error('no sensing is connected to this run');
    }),
    command: fromPromise<CommandResult, CommandInput>(async () => {
      throw new Error('no host is connected to this run');
    }),
  },
  actions: {
    /** What the operator scanned or typed for a slot (null: the slot is empty). */
    recordScan: assign(({ context, event }) => (event.type === 'SCAN' ? { found: { ...context.found, [String(event.slot)]: event.code } } : {})),
  },
  guards: {
    finished: ({ context }) => context.index >= context.plan.steps.length,
    isManual: ({ context }) => currentStep(context)?.kind === 'manual',
    readsBeside: ({ context }) => currentStep(context)?.reads !== undefined,
    rehearsing: ({ context }) => context.plan.rehearsal === true,
    // the courier's receipt step is confirmed only with who took the tapes and when
    receiptGiven: ({ context, event }) =>
      currentStep(context)?.receipt !== true ||
      (event.type === 'CONFIRM' && event.receipt !== undefined && event.receipt.takenBy.trim() !== '' && event.receipt.takenAt.trim() !== ''),
    personConfirms: ({ context }) => context.reading?.personConfirms === true,
    isSensed: ({ context }) => currentStep(context)?.kind === 'sensed',
    canGoBack: ({ context }) => context.index > 0,
    hasReason: ({ event }) => 'reason' in event && event.reason.trim().length > 0,
    validSlot: ({ context, event }) => event.type === 'SCAN' && Number.isInteger(event.slot) && event.slot >= 1 && event.slot <= context.plan.drive.slots,
  },
}).createMachine({
  id: 'procedure',
  context: ({ input }) => ({ ...input, index: 0, records: [], found: {}, ...FRESH_STEP }),
  initial: 'step',
  on: {
    BACK: {
      guard: 'canGoBack',
      target: '.step',
      actions: assign(({ context, event }) => ({
        records: record(context, 'back', event.who, event.at),
        index: context.index - 1,
        ...FRESH_STEP,
      })),
    },
    SKIP: {
      guard: 'hasReason',
      target: '.step',
      actions: assign(({ context, event }) => ({
        records: record(context, 'skipped', event.who, event.at, { reason: event.reason.trim() }),
        index: context.index + 1,
        ...FRESH_STEP,
      })),
    },
    ABANDON: {
      guard: 'hasReason',
      target: '.abandoned',
      actions: assign(({ context, event }) => ({ records: record(context, 'abandoned', event.who, event.at, { reason: event.reason.trim() }) })),
    },
  },
  states: {
    step: {
      always: [
        { guard: 'finished', target: 'done' },
        { guard: 'rehearsing', target: 'rehearsal' },
        { guard: and(['isManual', 'readsBeside']), target: 'manualRead' },
        { guard: 'isManual', target: 'manual' },
        { guard: 'isSensed', target: 'sensing' },
        { target: 'review' },
      ],
    },
    manual: {
      on: {
        CONFIRM: {
          guard: 'receiptGiven',
          target: 'step',
          reenter: true,
          actions: assign(({ context, event }) => ({
            records: record(context, 'confirmed', event.who, event.at, event.receipt ? receiptDetail(event.receipt) : confirmedDetail(context.reading)),
            index: context.index + 1,
            ...FRESH_STEP,
          })),
        },
      },
    },
    // a rehearsal asks nothing of the host and sends nothing: each step is walked through by the person
    rehearsal: {
      on: {
        CONFIRM: {
          target: 'step',
          reenter: true,
          actions: assign(({ context, event }) => ({
            records: record(context, 'rehearsed', event.who, event.at, { detail: rehearsedDetail(currentStep(context)) }),
            index: context.index + 1,
            ...FRESH_STEP,
          })),
        },
      },
    },
    // a manual step the host cannot see, with the drive read beside it: the person need not wait for the reading
    manualRead: {
      on: {
        CONFIRM: {
          target: 'step',
          actions: assign(({ context, event }) => ({
            records: record(context, 'confirmed', event.who, event.at, confirmedDetail(context.reading)),
            index: context.index + 1,
            ...FRESH_STEP,
          })),
        },
      },
      invoke: {
        id: 'sense',
        src: 'sense',
        input: ({ context }): SenseInput => ({ runId: context.runId, plan: context.plan, step: currentStep(context) as RunStep, found: context.found, before: null }),
        onDone: { target: 'manual', actions: assign(({ event }) => ({ reading: event.output })) },
        onError: { target: 'manual' },
      },
    },
    sensing: {
      // a label scanned while the host is being read must not be lost: read again with it
      on: {
        SCAN: {
          guard: 'validSlot',
          target: 'sensing',
          reenter: true,
          actions: 'recordScan',
        },
      },
      invoke: {
        id: 'sense',
        src: 'sense',
        input: ({ context }): SenseInput => ({
          runId: context.runId,
          plan: context.plan,
          step: currentStep(context) as RunStep,
          found: context.found,
          before: context.before,
        }),
        onDone: [
          {
            guard: ({ event }) => event.output.satisfied,
            target: 'step',
            actions: assign(({ context, event }) => ({
              records: record(context, 'sensed', 'system', event.output.at, { detail: event.output.detail }),
              index: context.index + 1,
              ...FRESH_STEP,
            })),
          },
          {
            target: 'waiting',
            actions: assign(({ context, event }) => ({
              reading: event.output,
              // the first sight of the state the change starts from is the step's evidence
              before: context.before ?? (event.output.before === true ? { read: event.output.read ?? event.output.detail, at: event.output.at } : null),
              nextCheckAt: later(event.output.at, RECHECK_AFTER_MS),
            })),
          },
        ],
        // the run manager's sense actor answers every failure as a reading; this is for a bug in it
        onError: {
          target: 'waiting',
          actions: assign(({ context, event }) => ({
            reading: { satisfied: false, detail: event.error instanceof Error ? event.error.message : String(event.error), at: context.reading?.at ?? '' },
            nextCheckAt: null,
          })),
        },
      },
    },
    waiting: {
      on: {
        RECHECK: 'sensing',
        // only where the console said it cannot see the act; the record keeps what it read
        CONFIRM: {
          guard: 'personConfirms',
          target: 'step',
          actions: assign(({ context, event }) => ({
            records: record(context, 'confirmed', event.who, event.at, confirmedDetail(context.reading)),
            index: context.index + 1,
            ...FRESH_STEP,
          })),
        },
        SCAN: {
          guard: 'validSlot',
          target: 'sensing',
          actions: 'recordScan',
        },
      },
    },
    review: {
      on: {
        CONFIRM: { target: 'sending', actions: assign(({ event }) => ({ sentBy: event.who })) },
      },
    },
    sending: {
      invoke: {
        id: 'command',
        src: 'command',
        input: ({ context }): CommandInput => ({ runId: context.runId, step: currentStep(context) as RunStep }),
        onDone: {
          target: 'step',
          actions: assign(({ context, event }) => ({
            records: record(context, 'sent', context.sentBy ?? context.startedBy, event.output.at, { detail: event.output.detail }),
            index: context.index + 1,
            ...FRESH_STEP,
          })),
        },
        onError: {
          target: 'commandFailed',
          actions: assign(({ event }) => ({ commandError: event.error instanceof Error ? event.error.message : String(event.error) })),
        },
      },
    },
    commandFailed: {
      on: { CONFIRM: { target: 'sending', actions: assign(({ event }) => ({ sentBy: event.who, commandError: null })) } },
    },
    done: { type: 'final' },
    abandoned: { type: 'final' },
  },
});
