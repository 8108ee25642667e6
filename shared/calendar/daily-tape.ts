/**
 * Which daily tape the daily backup job uses on a non-Bill Run day.
 *
 * The daily tapes are re-used between Bill Runs: the first non-Bill Run day after a Bill Run uses
 * the first daily label, the next day the second, and so on. With the plan's calendar there are at
 * most five such days, one per daily tape; a profile that allows more wraps round and says so.
 */
import { differenceInCalendarDays } from 'date-fns';
import { isBillRunDay, latestBillRunBefore } from './bill-run-search';
import { ordinal, requireLocalDate, type IsoDate } from './iso-date';
import type { SiteProfile } from '../site/schema';

export type DailyTapeProfile = Pick<SiteProfile, 'calendar' | 'tapes'>;

export interface DailyTapeUse {
  date: IsoDate;
  job: string;
  at: string;
  /** The tape's label, one of the profile's daily labels. */
  tape: string;
  /** How many non-Bill Run days since the latest Bill Run, counting this one (1 = the day after). */
  dayAfterBillRun: number;
  latestBillRun: IsoDate;
  /** True when there are more days since the Bill Run than daily tapes. */
  wrapped: boolean;
  notes: string[];
}

/** The daily tape of the n-th non-Bill Run day after a Bill Run (n from 1), wrapping round the labels. */
export function dailyTapeLabel(labels: readonly string[], dayAfterBillRun: number): { tape: string; wrapped: boolean } {
  if (labels.length === 0) throw new Error('the site profile names no daily tapes');
  const index = (dayAfterBillRun - 1) % labels.length;
  const tape = labels[index];
  if (tape === undefined) throw new Error(`no daily tape at index ${index}`);
  return { tape, wrapped: dayAfterBillRun > labels.length };
}

export function wrapNote(labels: readonly string[], dayAfterBillRun: number, latestBillRun: IsoDate, tape: string): string {
  return (
    `This is the ${ordinal(dayAfterBillRun)} daily backup since the Bill Run of ${latestBillRun}, ` +
    `but there are only ${labels.length} daily tapes: the rotation wraps round to ${tape}.`
  );
}

/** The daily backup of this date and its tape, or null on a Bill Run day (the job does not run). */
export function dailyTapeFor(profile: DailyTapeProfile, date: IsoDate): DailyTapeUse | null {
  const rules = profile.calendar;
  if (isBillRunDay(rules, date)) return null;
  const latestBillRun = latestBillRunBefore(rules, date);
  const dayAfterBillRun = differenceInCalendarDays(requireLocalDate(date), requireLocalDate(latestBillRun));
  const labels = profile.tapes.daily.labels;
  const { tape, wrapped } = dailyTapeLabel(labels, dayAfterBillRun);
  return {
    date,
    job: rules.dailyBackup.job,
    at: rules.dailyBackup.at,
    tape,
    dayAfterBillRun,
    latestBillRun,
    wrapped,
    notes: wrapped ? [wrapNote(labels, dayAfterBillRun, latestBillRun, tape)] : [],
  };
}
