/**
 * Operator procedures as data (DESIGN: shared/procedures): the plan's checklists, each step with
 * its kind. A manual step is confirmed by the person (only they can see it); a sensed step the
 * console checks itself by asking the host; a command step the console runs after showing the
 * exact DCL. A run of a procedure works on a ProcedureRunPlan: the steps with the day's values
 * filled in (codes, slots, the SUBMIT), frozen when the run starts so that a profile changed later
 * cannot change a run under way.
 */

/** What a sensed step waits for, and how the console reads it from the drive's host. */
export type SenseCondition =
  /** SHOW DEVICE/FULL of the drive: "no tape loaded" (Eject pressed, the magazine out). */
  | { kind: 'drive-unloaded' }
  /** SHOW DEVICE/FULL of the drive: online with a tape loaded (magazine in, door closed, Load pressed). */
  | { kind: 'drive-loaded' }
  /** SHOW QUEUE/FULL/ALL_JOBS of the queue: an entry of this job (by the run's own /NAME, or the job's name). */
  | { kind: 'queue-entry'; queue: string; job: string }
  /** The magazine as the operator scans or types each slot's label: every slot of the plan holds its code. */
  | { kind: 'magazine-matches-plan' };

export type StepKind = 'manual' | 'sensed' | 'command';

/** One step as the profile holds it: the plan's words, and for sensed and command steps what to do. */
export interface ProcedureStepDef {
  /** Unique within the procedure: `obtain-tapes`, `press-load`. */
  id: string;
  /** The plan's text, word for word where the plan has one. */
  text: string;
  kind: StepKind;
  /** sensed steps */
  sense?: SenseCondition;
  /**
   * command steps: a job of the profile, submitted with these parameters (built by the DCL
   * builder); or `choose: 'adhoc-job'`, the adhoc backup job the operator chooses when the run
   * starts (the plan's RMU_BACKUP_<database>_DATA.COM).
   */
  command?: { job: string; parameters?: string[] } | { choose: 'adhoc-job'; parameters?: string[] };
  /** Shown under the text: the plan's notes for this step. */
  notes?: string[];
  /** Only on these weekdays (the Tuesday delivery to the receptionist); always when absent. */
  onlyOn?: ('monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday')[];
  /**
   * What the step's picture shows: a button or the door of the drive's front, or the magazine's
   * slot plan. Said in the profile rather than guessed from the id, so renaming a step keeps it.
   */
  illustrates?: 'eject' | 'load' | 'door' | 'magazine';
}

export type ProcedureWhen = 'billrun' | 'daily' | 'adhoc' | 'courier' | 'restore';

export interface ProcedureDef {
  /** `bill-run`, `daily`, `adhoc`, `courier`, `test-restore`. */
  id: string;
  title: string;
  when: ProcedureWhen;
  steps: ProcedureStepDef[];
  notes: string[];
}

/** A slot of the magazine in a run's plan. */
export interface SlotPlan {
  slot: number;
  /** The code of the tape that goes there, or null for an empty slot. */
  code: string | null;
}

/** A step of one run, with the day's values filled in. */
export interface RunStep {
  id: string;
  text: string;
  kind: StepKind;
  notes: string[];
  sense?: SenseCondition;
  /** command steps: the exact line the console will send, and the job and host it goes to. */
  command?: { job: string; host: string; queue: string; dcl: string; parameters: string[] };
  /** Steps about the magazine show the slot plan. */
  showsMagazine: boolean;
  /** Steps about the drive's buttons show the drive's front: which button to press. */
  showsDrive?: 'eject' | 'load' | 'door';
}

/** Everything a run needs, fixed when it starts. */
export interface ProcedureRunPlan {
  procedureId: string;
  title: string;
  /** The day the run is for (the Bill Run's date, the daily tape's day). */
  date: string;
  /** The drive's host and device, for the sensed steps. */
  drive: {
    host: string;
    model: string;
    slots: number;
    /** The drive's OpenVMS device (SHOW DEVICE): optional only so that plans built without it still type-check. */
    device?: string;
  };
  slots: SlotPlan[];
  steps: RunStep[];
  notes: string[];
}
