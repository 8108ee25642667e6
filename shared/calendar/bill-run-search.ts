/** Finding Bill Runs around a date: is it one, which came last, which comes next. */
import { billRunMonth, type BillRunDay } from './bill-run-days';
import { addMonthsIso, monthOf, requireLocalDate, type IsoDate } from './iso-date';
import type { CalendarRules } from '../site/schema';

type Rules = Pick<CalendarRules, 'billRunDays' | 'firstBillRun' | 'missingDay'>;

// Every month has its first Bill Run (on a day every month has), so a neighbour month always has one.
const MONTHS_TO_SEARCH = 3;

/** The Bill Run on this date, or null on a non-Bill Run day. */
export function billRunOn(rules: Rules, date: IsoDate): BillRunDay | null {
  requireLocalDate(date);
  return billRunMonth(rules, monthOf(date)).days.find((day) => day.date === date) ?? null;
}

export function isBillRunDay(rules: Rules, date: IsoDate): boolean {
  return billRunOn(rules, date) !== null;
}

/** The latest Bill Run strictly before the date. */
export function latestBillRunBefore(rules: Rules, date: IsoDate): IsoDate {
  requireLocalDate(date);
  for (let back = 0; back < MONTHS_TO_SEARCH; back += 1) {
    const days = billRunMonth(rules, addMonthsIso(monthOf(date), -back)).days;
    // ISO dates of the same width compare as strings.
    const earlier = days.filter((day) => day.date < date);
    const latest = earlier[earlier.length - 1];
    if (latest !== undefined) return latest.date;
  }
  throw new Error(`no Bill Run found in the ${MONTHS_TO_SEARCH} months up to ${date}`);
}

/** The next Bill Run strictly after the date. */
export function nextBillRunAfter(rules: Rules, date: IsoDate): IsoDate {
  requireLocalDate(date);
  for (let ahead = 0; ahead < MONTHS_TO_SEARCH; ahead += 1) {
    const days = billRunMonth(rules, addMonthsIso(monthOf(date), ahead)).days;
    const next = days.find((day) => day.date > date);
    if (next !== undefined) return next.date;
  }
  throw new Error(`no Bill Run found in the ${MONTHS_TO_SEARCH} months from ${date}`);
}
