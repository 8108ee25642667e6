/**
 * The Bill Run days of a month, from the site profile's calendar rules.
 *
 * The plan's rule: the first Bill Run is on the 3rd after a 31-day month and on the 4th after a
 * 30-day month, then on the fixed days (9, 14, 19, 24, 29). The plan is silent on the month after
 * February and on a fixed day the month lacks (29 February in a common year); the profile decides
 * both, and every date says which rule put it there so that the screen can tell the operator.
 */
import { addMonthsIso, daysInMonth, monthName, ordinal, type IsoDate, type IsoMonth } from './iso-date';
import type { CalendarRules } from '../site/schema';

/** The rule that put a Bill Run on its date: the plan itself, or the profile setting that fills a gap in it. */
export type BillRunDecision = 'plan' | 'afterFebruary' | 'missingDay';

export interface BillRunDay {
  date: IsoDate;
  decidedBy: BillRunDecision;
  /** In words, when a setting decided the date. */
  notes: string[];
}

export interface BillRunMonth {
  month: IsoMonth;
  days: BillRunDay[];
  /** Bill Runs the month does not hold because the profile skips a day the month lacks. */
  skipped: { day: number; note: string }[];
}

type CalendarDayRules = Pick<CalendarRules, 'billRunDays' | 'firstBillRun' | 'missingDay'>;

interface Candidate {
  day: number;
  decidedBy: BillRunDecision;
  note?: string;
}

function firstBillRun(rules: CalendarDayRules, month: IsoMonth): Candidate {
  const previousLength = daysInMonth(addMonthsIso(month, -1));
  if (previousLength === 31) return { day: rules.firstBillRun.afterMonthOf31Days, decidedBy: 'plan' };
  if (previousLength === 30) return { day: rules.firstBillRun.afterMonthOf30Days, decidedBy: 'plan' };
  // Only February is shorter than 30 days.
  const day = rules.firstBillRun.afterFebruary;
  return {
    day,
    decidedBy: 'afterFebruary',
    note: `The plan is silent on the first Bill Run after February; the site profile's setting (afterFebruary) puts it on the ${ordinal(day)}.`,
  };
}

export function billRunMonth(rules: CalendarDayRules, month: IsoMonth): BillRunMonth {
  const length = daysInMonth(month);
  const candidates: Candidate[] = [firstBillRun(rules, month)];
  const skipped: BillRunMonth['skipped'] = [];

  for (const day of rules.billRunDays) {
    if (day <= length) {
      candidates.push({ day, decidedBy: 'plan' });
      continue;
    }
    const lacks = `The plan is silent on a Bill Run day the month lacks (${monthName(month)} has no ${ordinal(day)})`;
    if (rules.missingDay === 'skip') {
      skipped.push({ day, note: `${lacks}; the site profile's setting (missingDay: skip) leaves it out.` });
    } else {
      candidates.push({
        day: length,
        decidedBy: 'missingDay',
        note: `${lacks}; the site profile's setting (missingDay: last-day-of-month) puts it on the ${ordinal(length)}.`,
      });
    }
  }

  // Two rules may land on the same day (a moved day onto a fixed one): one Bill Run, every note kept.
  const byDay = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    byDay.set(candidate.day, [...(byDay.get(candidate.day) ?? []), candidate]);
  }
  const days = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, same]): BillRunDay => {
      const decidedBy = same.some((c) => c.decidedBy === 'plan') ? 'plan' : (same[0]?.decidedBy ?? 'plan');
      return {
        date: `${month}-${String(day).padStart(2, '0')}`,
        decidedBy,
        notes: same.flatMap((c) => (c.note === undefined ? [] : [c.note])),
      };
    });
  return { month, days, skipped };
}

/** The Bill Run dates of a month, in order. */
export function billRunDates(rules: CalendarDayRules, month: IsoMonth): IsoDate[] {
  return billRunMonth(rules, month).days.map((day) => day.date);
}
