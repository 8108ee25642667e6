/** A procedure run as the screen shows it: shared by the machine (main) and the renderer. */
import type { ProcedureRunPlan } from './procedure-types';

export type StepOutcome = 'confirmed' | 'sensed' | 'sent' | 'skipped' | 'back' | 'abandoned';

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
}

export type RunState = 'manual' | 'sensing' | 'waiting' | 'review' | 'sending' | 'commandFailed' | 'done' | 'abandoned';
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
