/**
 * The plan of one day for the Today screen: what kind of day it is, which jobs run when, which
 * tapes to pull, label and load in which slot, and who comes for them. Plain data: it crosses the
 * process boundary as JSON.
 */
import { calendarDay, type DayKind } from './calendar-day';
import { nextBillRunAfter } from './bill-run-search';
import { dailyTapeFor } from './daily-tape';
import { initializeTapesPlan, type InitializeTapesPlan } from './initialize-tapes';
import { addDaysIso, requireLocalDate, type IsoDate, type Weekday } from './iso-date';
import { jobTimeline, type TimelineEntry } from './job-timeline';
import { billRunSet } from '../tapes/bill-run-set';
import { apDateWithWeekday } from '../tapes/label-date';
import { counted } from '../plural';
import type { SiteProfile } from '../site/schema';

export interface TapeToPull {
  code: string;
  kind: 'billrun' | 'daily';
  /** The job that writes the tape. */
  job: string;
  title: string;
  /** Place in the Bill Run set, 1 for the top tape; Bill Run tapes only. */
  position?: number;
  /** The magazine slot it goes in, from 1. */
  slot: number;
  /** Whether it needs a new label today; daily tapes are re-used and already labelled. */
  label: boolean;
  /** The date of the job that writes it. */
  runs: IsoDate;
}

export interface DailyBackupToday {
  job: string;
  at: string;
  tape: string;
}

export interface CourierPickup {
  company: string;
  pickupTime: string;
  handOff: string;
}

export interface TomorrowAtAGlance {
  date: IsoDate;
  kind: DayKind;
  dailyTape?: string;
}

/**
 * Tomorrow's Bill Run, offered on the day before: its tapes can be pulled and labelled today,
 * so that the morning of the Bill Run starts with the magazine ready.
 */
export interface PreparesFor {
  date: IsoDate;
  weekday: Weekday;
  kind: 'billrun';
  /** A plain note (information, not a problem): tomorrow is a Bill Run day, and what can be done today. */
  note: string;
  /** Tomorrow's own tapes to pull, as tomorrow's plan has them: the Bill Run set, then the daily tape loaded with it. */
  tapes: TapeToPull[];
  /** Tomorrow's magazine, slot 1 first. */
  slots: (string | null)[];
  /** When tomorrow's Bill Run falls at a weekend, the flag in words. */
  weekendBillRun?: string;
}

export interface DayPlan {
  date: IsoDate;
  weekday: Weekday;
  kind: DayKind;
  /** The profile settings that decided this date where the plan is silent, in words. */
  notes: string[];
  /** The day's jobs in the order they run. */
  timeline: TimelineEntry[];
  tapesToPull: TapeToPull[];
  /** Why nothing (or less than usual) is pulled today. */
  tapesNotes: string[];
  /** The magazine, slot 1 first: the label code of the tape that goes in it, or null for empty. */
  slots: (string | null)[];
  dailyBackupToday: DailyBackupToday | null;
  /** Bill Run days only. */
  initializeTapes: InitializeTapesPlan | null;
  /** On the courier's pickup weekday only. */
  courier: CourierPickup | null;
  tomorrow: TomorrowAtAGlance;
  /** The next Bill Run after this date. */
  nextBillRun: IsoDate;
  /** When tomorrow is a Bill Run day: its set, to label now. */
  preparesFor: PreparesFor | null;
  /** On a Bill Run day at a weekend, the flag in words (the plan is silent on weekends). */
  weekendBillRun: string | null;
}

function jobTitle(profile: SiteProfile, name: string): string {
  return profile.jobs.find((job) => job.name === name)?.title ?? name;
}

/** The daily tape loaded today for tomorrow's daily backup, or why there is none. */
function tomorrowsDailyTape(profile: SiteProfile, tomorrow: IsoDate, slot: number, today: DayKind): TapeToPull | string {
  const use = dailyTapeFor(profile, tomorrow);
  if (use === null) {
    return today === 'billrun'
      ? `Tomorrow, ${tomorrow}, is also a Bill Run day: no daily tape goes in with the Bill Run tapes.`
      : `Tomorrow, ${tomorrow}, is a Bill Run day: the daily backup job does not run, so no daily tape is loaded today. The Bill Run tapes go in tomorrow morning; their labels can be printed today.`;
  }
  return { code: use.tape, kind: 'daily', job: use.job, title: jobTitle(profile, use.job), slot, label: false, runs: tomorrow };
}

function billRunDayTimeline(profile: SiteProfile, date: IsoDate, initialize: InitializeTapesPlan): TimelineEntry[] {
  const set = billRunSet(profile, date);
  return jobTimeline(profile, 'billrun').map((entry) => {
    const written = set.filter((tape) => tape.job === entry.job).map((tape) => tape.code);
    if (written.length > 0) return { ...entry, tapes: written };
    if (entry.job === initialize.job) return { ...entry, tapes: initialize.initializes.map((tape) => tape.code) };
    return entry;
  });
}

function dailyDayTimeline(profile: SiteProfile, date: IsoDate, tape: string): TimelineEntry[] {
  const dailyJob = profile.calendar.dailyBackup;
  const yesterdayWasBillRun = calendarDay(profile, addDaysIso(date, -1)).kind === 'billrun';
  return jobTimeline(profile, 'daily').map((entry) => {
    if (entry.job !== dailyJob.job) return entry;
    const when = entry.when.kind === 'scheduler' ? { ...entry.when, at: dailyJob.at, text: `at ${dailyJob.at}, submitted by ${entry.when.by}` } : entry.when;
    const notes = yesterdayWasBillRun
      ? [...entry.notes, `Yesterday was a Bill Run day: the job runs once the Bill Run jobs are done, on the first daily tape in the magazine (${tape}).`]
      : entry.notes;
    return { ...entry, when, tapes: [tape], notes };
  });
}

function magazine(slots: number, tapes: readonly TapeToPull[]): { slots: (string | null)[]; notes: string[] } {
  const placed = Array.from({ length: slots }, (_, index) => tapes.find((tape) => tape.slot === index + 1)?.code ?? null);
  const notes = tapes.filter((tape) => tape.slot < 1 || tape.slot > slots).map((tape) => `${tape.code} has no slot: the magazine holds ${slots} tapes.`);
  return { slots: placed, notes };
}

function preparesForNote(today: DayKind, next: DayPlan): string {
  const billRun = next.tapesToPull.filter((tape) => tape.kind === 'billrun').map((tape) => tape.code);
  const daily = next.tapesToPull.filter((tape) => tape.kind === 'daily').map((tape) => tape.code);
  const when = `Tomorrow, ${apDateWithWeekday(next.date)}, is ${today === 'billrun' ? 'also ' : ''}a Bill Run day.`;
  const set = `Its ${counted(billRun.length, 'Bill Run tape')} (${billRun.join(', ')})`;
  const withDaily = daily.length === 0 ? '' : ` and the daily tape loaded with them (${daily.join(', ')})`;
  return `${when} ${set}${withDaily} can be pulled and labelled today, ready for the morning.`;
}

function preparesFor(profile: SiteProfile, today: DayKind, tomorrow: IsoDate): PreparesFor {
  const next = plan(profile, tomorrow, false);
  return {
    date: next.date,
    weekday: next.weekday,
    kind: 'billrun',
    note: preparesForNote(today, next),
    tapes: next.tapesToPull,
    slots: next.slots,
    ...(next.weekendBillRun === null ? {} : { weekendBillRun: next.weekendBillRun }),
  };
}

/** The plan of a date; a malformed date is a CalendarInputError. */
export function planDay(profile: SiteProfile, date: IsoDate): DayPlan {
  return plan(profile, date, true);
}

// Tomorrow's plan is made without its own tomorrow's offer: one day ahead is what the technician prepares.
function plan(profile: SiteProfile, date: IsoDate, withTomorrowsBillRun: boolean): DayPlan {
  requireLocalDate(date);
  const today = calendarDay(profile, date);
  const tomorrowDate = addDaysIso(date, 1);
  const tomorrow = calendarDay(profile, tomorrowDate);
  const notes = [...today.notes];
  const tapesNotes: string[] = [];
  const tapesToPull: TapeToPull[] = [];
  let timeline: TimelineEntry[];
  let initializeTapes: InitializeTapesPlan | null = null;
  let dailyBackupToday: DailyBackupToday | null = null;

  if (today.kind === 'billrun') {
    const set = billRunSet(profile, date);
    tapesToPull.push(
      ...set.map((tape): TapeToPull => ({
        code: tape.code,
        kind: 'billrun',
        job: tape.job,
        title: tape.title,
        position: tape.position,
        slot: tape.position,
        label: true,
        runs: date,
      })),
    );
    initializeTapes = initializeTapesPlan(profile, date);
    timeline = billRunDayTimeline(profile, date, initializeTapes);
  } else {
    const use = dailyTapeFor(profile, date);
    if (use === null) throw new Error(`${date} is a daily backup day without a daily backup`);
    dailyBackupToday = { job: use.job, at: use.at, tape: use.tape };
    timeline = dailyDayTimeline(profile, date, use.tape);
  }

  const daily = tomorrowsDailyTape(profile, tomorrowDate, tapesToPull.length + 1, today.kind);
  if (typeof daily === 'string') tapesNotes.push(daily);
  else tapesToPull.push(daily);

  if (!timeline.some((entry) => entry.job === profile.calendar.dailyBackup.job) && today.kind === 'daily') {
    notes.push(`The site profile has no daily job named ${profile.calendar.dailyBackup.job}.`);
  }

  const loaded = magazine(profile.drive.slots, tapesToPull);
  const { company, pickupTime, handOff } = profile.courier;
  return {
    date,
    weekday: today.weekday,
    kind: today.kind,
    notes,
    timeline,
    tapesToPull,
    tapesNotes: [...tapesNotes, ...loaded.notes],
    slots: loaded.slots,
    dailyBackupToday,
    initializeTapes,
    courier: today.courierPickup ? { company, pickupTime, handOff } : null,
    tomorrow:
      tomorrow.dailyTape === undefined ? { date: tomorrow.date, kind: tomorrow.kind } : { date: tomorrow.date, kind: tomorrow.kind, dailyTape: tomorrow.dailyTape },
    nextBillRun: nextBillRunAfter(profile.calendar, date),
    preparesFor: withTomorrowsBillRun && tomorrow.kind === 'billrun' ? preparesFor(profile, today.kind, tomorrowDate) : null,
    weekendBillRun: today.weekendBillRun ?? null,
  };
}
