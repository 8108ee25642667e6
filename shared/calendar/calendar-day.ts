/** One day of the backup calendar: Bill Run or daily, its daily tape, courier, and why. */
import { billRunMonth, type BillRunDecision } from './bill-run-days';
import { isCourierPickupDay } from './courier-days';
import { dailyTapeFor } from './daily-tape';
import { daysInMonth, monthOf, requireLocalDate, weekdayOf, type IsoDate, type Weekday } from './iso-date';
import { weekendBillRunNote } from './weekend-bill-run';
import type { SiteProfile } from '../site/schema';

export type DayKind = 'billrun' | 'daily';

export type CalendarProfile = Pick<SiteProfile, 'calendar' | 'tapes' | 'courier'>;

export interface CalendarDay {
  date: IsoDate;
  kind: DayKind;
  /** The tape of that date's daily backup job; absent on Bill Run days, when the job does not run. */
  dailyTape?: string;
  courierPickup: boolean;
  /** Which setting decided this date where the plan is silent, in words; empty when the plan did. */
  notes: string[];
  weekday: Weekday;
  /** On Bill Run days, the rule that put the Bill Run on this date. */
  decidedBy?: BillRunDecision;
  /** On a Bill Run day at a weekend, the flag in words (the plan is silent on weekends). */
  weekendBillRun?: string;
}

export function calendarDay(profile: CalendarProfile, date: IsoDate): CalendarDay {
  requireLocalDate(date);
  const month = monthOf(date);
  const billRuns = billRunMonth(profile.calendar, month);
  const billRun = billRuns.days.find((day) => day.date === date);
  const notes = [...(billRun?.notes ?? [])];
  // A skipped day the month lacks would have fallen at its end: that is the date the setting decided.
  if (Number(date.slice(8)) === daysInMonth(month)) notes.push(...billRuns.skipped.map((s) => s.note));

  const courierPickup = isCourierPickupDay(profile.courier, date);
  const weekday = weekdayOf(date);
  if (billRun !== undefined) {
    const weekend = weekendBillRunNote(profile.calendar.weekendBillRuns, date);
    return { date, kind: 'billrun', courierPickup, notes, weekday, decidedBy: billRun.decidedBy, ...(weekend === null ? {} : { weekendBillRun: weekend }) };
  }
  const daily = dailyTapeFor(profile, date);
  if (daily === null) throw new Error(`${date} is neither a Bill Run day nor a daily backup day`);
  return { date, kind: 'daily', dailyTape: daily.tape, courierPickup, notes: [...notes, ...daily.notes], weekday };
}
