/**
 * The labels of one day's tapes, as the plan's Figure 2 has them: the code for the date and job
 * type, the name of the backup job and the date the job is run, with the set and how long it
 * stays offsite. The tapes are the day plan's own (planDay), so the labels never disagree with
 * the Today screen.
 */
import { CalendarInputError } from '../calendar/calendar-input-error';
import { planDay, type DayPlan, type TapeToPull } from '../calendar/day-plan';
import type { IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { apDate, apDateWithWeekday } from './label-date';
import { billRunRetention, dailyRetention, type Retention } from './retention';
import { volumeLabelOf } from './volume-label';

export type LabelSetChoice = 'billrun' | 'daily' | 'all';

export interface SetLabel {
  kind: 'billrun' | 'daily';
  /** The plan's code: a Bill Run code such as "100803P", or the daily tape's own label. */
  code: string;
  /** The job that writes the tape, with the number its title gives it when one job writes several tapes ("JOB #2"). */
  jobName: string;
  /** The day the job runs: the Bill Run day, or for a daily tape the next morning. */
  runDate: IsoDate;
  runDateText: string;
  /** "Bill Run of Aug. 3, 2010 · tape 1 of 5", "Daily backup". */
  setText: string;
  /** Place in the Bill Run set, 1 for the top tape; Bill Run labels only. */
  position?: number;
  retention: Retention;
  /** What the barcode carries: the code itself, spaces included (Code 128 and Code 39 both carry a space). */
  barcodeText: string;
  /** The volume label INITIALIZE writes on the tape (six characters at most), by the profile's rule. */
  volumeLabel: string;
}

export type SetLabelsResult = { ok: true; labels: SetLabel[] } | { ok: false; problem: string };

// A title such as "Backup to tape #2": the number after # tells the tapes of one job apart.
const NUMBER_IN_TITLE = /#\s*(\d+)/;

function jobName(tape: TapeToPull): string {
  const number = NUMBER_IN_TITLE.exec(tape.title)?.[1];
  return number === undefined ? tape.job : `${tape.job} #${number}`;
}

function labelOf(profile: SiteProfile, tape: TapeToPull, setSize: number): SetLabel {
  const common = {
    code: tape.code,
    jobName: jobName(tape),
    runDate: tape.runs,
    runDateText: apDate(tape.runs),
    barcodeText: tape.code,
    volumeLabel: volumeLabelOf(tape.code, profile.tapes.billRun.volumeLabel),
  };
  if (tape.kind === 'daily') {
    return { kind: 'daily', ...common, setText: 'Daily backup', retention: dailyRetention(profile) };
  }
  const position = tape.position ?? tape.slot;
  return {
    kind: 'billrun',
    ...common,
    setText: `Bill Run of ${apDate(tape.runs)} · tape ${position} of ${setSize}`,
    position,
    retention: billRunRetention(profile, tape.runs),
  };
}

function planOf(profile: SiteProfile, date: IsoDate): DayPlan | string {
  try {
    return planDay(profile, date);
  } catch (error) {
    if (error instanceof CalendarInputError) return error.message;
    throw error;
  }
}

function noDailyTape(plan: DayPlan): string {
  const { date, tomorrow } = plan;
  if (tomorrow.kind === 'billrun') {
    const offer = plan.preparesFor === null ? '' : ` Its Bill Run labels can be printed today: they are the labels of ${tomorrow.date}.`;
    return `No daily tape is loaded on ${date}: the next day, ${apDateWithWeekday(tomorrow.date)}, is a Bill Run day, when the daily backup job does not run.${offer}`;
  }
  return plan.tapesNotes[0] ?? `No daily tape is loaded on ${date}.`;
}

/** The labels to print on a date: its Bill Run set, the daily tape loaded that day for the next morning, or both. */
export function setLabels(profile: SiteProfile, date: IsoDate, set: LabelSetChoice): SetLabelsResult {
  const plan = planOf(profile, date);
  if (typeof plan === 'string') return { ok: false, problem: plan };
  const billRun = plan.tapesToPull.filter((tape) => tape.kind === 'billrun');
  const daily = plan.tapesToPull.filter((tape) => tape.kind === 'daily');

  if (set === 'billrun' && billRun.length === 0) {
    return { ok: false, problem: `${date} is not a Bill Run day; the next Bill Run is ${apDateWithWeekday(plan.nextBillRun)}.` };
  }
  const chosen = set === 'billrun' ? billRun : set === 'daily' ? daily : [...billRun, ...daily];
  if (chosen.length === 0) return { ok: false, problem: noDailyTape(plan) };
  return { ok: true, labels: chosen.map((tape) => labelOf(profile, tape, billRun.length)) };
}

/** Every label of a date ('all'). */
export function labelsForDate(profile: SiteProfile, date: IsoDate): SetLabelsResult {
  return setLabels(profile, date, 'all');
}
