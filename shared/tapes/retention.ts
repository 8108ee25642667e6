/**
 * How long a set of tapes stays offsite, from the plan's "Storing Backups Offsite": the first Bill
 * Run set of each month and the year-end set are stored with no return date, the other Bill Run
 * sets for some months (six in the plan), and the daily tapes are re-used between Bill Runs.
 */
import { addMonths } from 'date-fns';
import { billRunDates } from '../calendar/bill-run-days';
import { isBillRunDay } from '../calendar/bill-run-search';
import { fromLocalDate, monthName, monthOf, requireLocalDate, type IsoDate } from '../calendar/iso-date';
import type { SiteProfile } from '../site/schema';
import { apDate } from './label-date';

export type RetentionProfile = Pick<SiteProfile, 'calendar' | 'retention'>;

/** `reason` is the plan's rule in words, `text` the few words that fit on the label. */
export type Retention =
  | { kind: 'no-return-date'; reason: string; text: string }
  | { kind: 'return-after'; date: IsoDate; reason: string; text: string }
  | { kind: 'reused'; reason: string; text: string };

/** The retention of the Bill Run set of a date; a date that is no Bill Run day is a RangeError. */
export function billRunRetention(profile: RetentionProfile, date: IsoDate): Retention {
  const rules = profile.calendar;
  if (!isBillRunDay(rules, date)) throw new RangeError(`${date} is not a Bill Run day, so no Bill Run set is made on it`);
  const month = monthOf(date);
  if (billRunDates(rules, month)[0] === date) {
    return { kind: 'no-return-date', reason: `first Bill Run set of ${monthName(month)}`, text: 'No return date' };
  }
  const december = `${date.slice(0, 4)}-12`;
  if (billRunDates(rules, december).at(-1) === date) {
    return { kind: 'no-return-date', reason: `year-end set: the last Bill Run of ${monthName(december)}`, text: 'No return date' };
  }
  const months = profile.retention.otherBillRunsMonths;
  const returns = fromLocalDate(addMonths(requireLocalDate(date), months));
  return {
    kind: 'return-after',
    date: returns,
    reason: `Bill Run sets after the first of the month are stored for ${months} months, then returned and re-used`,
    text: `Return after ${apDate(returns)}`,
  };
}

export function dailyRetention(profile: Pick<SiteProfile, 'retention'>): Retention {
  return { kind: 'reused', reason: profile.retention.daily, text: 'Re-used between Bill Runs' };
}
