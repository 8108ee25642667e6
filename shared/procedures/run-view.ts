/** A procedure run as the screen shows it: shared by the machine (main) and the renderer. */
import type { ProcedureRunPlan } from './procedure-types';

export type StepOutcome = 'confirmed' | 'sensed' | 'sent' | 'rehearsed' | 'skipped' | 'back' | 'abandoned';

export interface StepRecord {
  stepId: string;
  index: number;
  outcome: StepOutcome;
  /** Operator initials, or "system" for what the console sensed itself. */
  who: string;
  at: string;
  reason?: string;
  detail?: string;
}

export interface SenseReading {
  satisfied: boolean;
  /** What was read, and when not satisfied, why and what to do. */
  detail: string;
  at: string;
  /** What the host said, plainly ("_$2$MKA500: online, a tape loaded"), for the record. */
  read?: string;
  /** This reading shows the state a sensed change starts from (a tape loaded, before Eject). */
  before?: boolean;
  /** The console cannot see the act from here: the person confirms it, with this reading kept. */
  personConfirms?: boolean;
}

/** The first reading of a sensed step that showed the state its change starts from. */
export interface BeforeReading {
  read: string;
  at: string;
}

export type RunState = 'manual' | 'manualRead' | 'rehearsal' | 'sensing' | 'waiting' | 'review' | 'sending' | 'commandFailed' | 'done' | 'abandoned';
export type RunStatus = 'active' | 'done' | 'abandoned' | 'refused';

export interface RunView {
  runId: string;
  procedureId: string;
  date: string;
  status: RunStatus;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  /** Absent only for a run this console refused to restore (see `message`). */
  plan: ProcedureRunPlan | null;
  state: RunState | null;
  index: number;
  records: StepRecord[];
  reading: SenseReading | null;
  /** What the current sensed step saw at its start (a tape loaded, before Eject). */
  before?: BeforeReading | null;
  nextCheckAt: string | null;
  found: Record<string, string | null>;
  commandError: string | null;
  /** Why a run could not be restored, in words. */
  message?: string;
  /**
   * Counts the run's changes in this console: a view reaches the screen both as a reply and as an
   * event, in either order, and only the newer may replace the older.
   */
  seq: number;
}

export interface ProcedureChoice {
  id: string;
  title: string;
  when: string;
  /** For a procedure whose command is chosen at the start (an adhoc backup): the jobs to choose from. */
  jobs?: { name: string; title: string }[];
}

/** How each step was done, for the completion summary and the audit: what the console saw itself, what a person confirmed. */
export interface HowDone {
  sensed: { step: number; stepId: string; read: string }[];
  confirmed: { step: number; stepId: string; read?: string }[];
  rehearsed: { step: number; stepId: string }[];
  sent: { step: number; stepId: string; detail: string }[];
  skipped: { step: number; stepId: string; reason: string }[];
}

/** The last record of each step still behind the run (a step gone back over counts once, as last done). */
export function howDone(records: readonly StepRecord[]): HowDone {
  const last = new Map<number, StepRecord>();
  for (const record of records) {
    if (record.outcome === 'back') last.delete(record.index);
    else if (record.outcome !== 'abandoned') last.set(record.index, record);
  }
  const done: HowDone = { sensed: [], confirmed: [], rehearsed: [], sent: [], skipped: [] };
  for (const record of [...last.values()].sort((a, b) => a.index - b.index)) {
    const at = { step: record.index + 1, stepId: record.stepId };
    if (record.outcome === 'sensed') done.sensed.push({ ...at, read: record.detail ?? '' });
    else if (record.outcome === 'confirmed') done.confirmed.push({ ...at, ...(record.detail === undefined ? {} : { read: record.detail }) });
    else if (record.outcome === 'rehearsed') done.rehearsed.push(at);
    else if (record.outcome === 'sent') done.sent.push({ ...at, detail: record.detail ?? '' });
    else if (record.outcome === 'skipped') done.skipped.push({ ...at, reason: record.reason ?? '' });
  }
  return done;
}
