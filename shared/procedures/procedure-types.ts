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
  /**
   * SHOW DEVICE/FULL of the drive, a change within the step: a tape seen loaded, then "no tape
   * loaded" (Eject pressed). "No tape loaded" alone shows nothing was pressed, so a drive already
   * empty when the step began leaves the step to the person, with the reading beside it.
   */
  | { kind: 'drive-unloaded' }
  /** SHOW DEVICE/FULL of the drive, a change within the step: no tape (or offline), then online with a tape loaded (Load pressed). */
  | { kind: 'drive-loaded' }
  /**
   * SHOW QUEUE/FULL/ALL_JOBS of the queue: an entry of this job (by the run's own /NAME, or the
   * job's name); with `at`, one held until that time (the DAILY_BACKUP waiting for 06:05) or
   * already running.
   */
  | { kind: 'queue-entry'; queue: string; job: string; at?: string }
  /** The magazine as the operator scans or types each slot's label: every slot of the plan holds its code. */
  | { kind: 'magazine-matches-plan' }
  /**
   * DIRECTORY of the profile's procedures folder through the host link: the command procedure of
   * the run's job is there (the plan's SET DEFAULT and DIRECTORY, done by the console).
   */
  | { kind: 'procedure-listed' };

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
  /**
   * manual steps: what the console reads while the person acts, shown beside the step and kept
   * with its confirmation; for an act the host cannot see (the door, the magazine out).
   */
  reads?: 'drive';
  /** manual steps: the person types who took the tapes and when (the courier's receipt), kept in the audit log. */
  receipt?: boolean;
  /** What the step lists: the Bill Run tapes written since the courier's last pickup, with their return dates. */
  lists?: 'courier-tapes';
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
  /** The volume label the tape gets when it is initialised (six characters), by the profile's rule (shared/tapes/volume-label). */
  volume?: string;
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
  /** manual steps: what the console reads beside the step (./procedure-types ProcedureStepDef.reads). */
  reads?: 'drive';
  /** The person types who took the tapes and when before confirming. */
  receipt?: boolean;
  /** What the step lists, filled in for the day: a tape code and what to know of it (its return date). */
  items?: { code: string; detail: string }[];
  /** The command procedure a `procedure-listed` step looks for (the run's job's .COM file). */
  procedure?: { host: string; directory: string; file: string };
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
  /** After the last step: the jobs the run prepared for, when they run, and where to follow them. */
  next?: string[];
  /**
   * A walk-through for a day other than the console's today: nothing is sent and nothing is
   * checked on the host; every step is the person's, recorded as rehearsed.
   */
  rehearsal?: boolean;
  /** Said above every step: the run is not on the day the plan gives (a courier run on another weekday). */
  warnings?: string[];
}
