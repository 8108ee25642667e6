/**
 * Which Bill Run tapes the operator's initialise job prepares, and why the others are left alone.
 *
 * The plan: the top tapes are initialised by the backup jobs that write them; the operator's job
 * initialises the rest, starting at the position its parameter names (/PARAMETER=3: the 3rd, 4th
 * and 5th). Both come from the profile; when they disagree the screen says so.
 */
import { billRunSet, type BillRunTape } from '../tapes/bill-run-set';
import { ordinal, type IsoDate } from './iso-date';
import type { SiteProfile } from '../site/schema';

export interface InitializedTape {
  position: number;
  code: string;
  letter: string;
  job: string;
}

export interface TapeLeftAlone extends InitializedTape {
  reason: string;
}

export interface InitializeTapesPlan {
  job: string;
  command: string;
  /** The first magazine position the job initialises, as its parameter gives it; null when it gives none. */
  parameter: number | null;
  initializes: InitializedTape[];
  notInitialized: TapeLeftAlone[];
  notes: string[];
}

type InitializeProfile = Pick<SiteProfile, 'tapes' | 'initializeTapes' | 'jobs'>;

// DCL accepts /PARAMETER=3, /PARAMETERS=(3,...) and abbreviations down to /PARA.
const PARAMETER_QUALIFIER = /\/PARA[A-Z]*\s*=\s*\(?\s*"?(\d+)/i;

function firstParameter(profile: InitializeProfile): number | null {
  const fromCommand = PARAMETER_QUALIFIER.exec(profile.initializeTapes.command)?.[1];
  if (fromCommand !== undefined) return Number(fromCommand);
  const fromJob = profile.jobs.find((job) => job.name === profile.initializeTapes.job)?.parameters[0];
  return fromJob !== undefined && /^\d+$/.test(fromJob) ? Number(fromJob) : null;
}

function tapeOf(tape: BillRunTape): InitializedTape {
  return { position: tape.position, code: tape.code, letter: tape.letter, job: tape.job };
}

export function initializeTapesPlan(profile: InitializeProfile, date: IsoDate): InitializeTapesPlan {
  const set = billRunSet(profile, date);
  const byJobs = profile.tapes.billRun.initializedByJobs;
  const parameter = firstParameter(profile);
  const from = parameter ?? byJobs + 1;
  const job = profile.initializeTapes.job;
  const notes: string[] = [];

  if (parameter === null) {
    notes.push(`The command gives no parameter; ${job} is taken to start at the ${ordinal(from)} tape, after the ${byJobs} its backup jobs initialise.`);
  } else if (parameter !== byJobs + 1) {
    notes.push(`The command's parameter (${parameter}) does not follow the ${byJobs} tapes the backup jobs initialise themselves: check the site profile.`);
  }

  const notInitialized: TapeLeftAlone[] = [];
  const initializes: InitializedTape[] = [];
  for (const tape of set) {
    if (tape.position >= from) {
      // A tape its own job also initialises is still listed: the job's parameter decides.
      initializes.push(tapeOf(tape));
    } else if (tape.position <= byJobs) {
      notInitialized.push({ ...tapeOf(tape), reason: `initialised by its own backup job, ${tape.job}` });
    } else {
      notInitialized.push({ ...tapeOf(tape), reason: `initialised neither by ${job} nor by its own backup job: check the site profile` });
    }
  }
  return { job, command: profile.initializeTapes.command, parameter, initializes, notInitialized, notes };
}
