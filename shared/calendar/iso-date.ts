/**
 * Local calendar dates as ISO strings (YYYY-MM-DD) and months (YYYY-MM).
 * The calendar works on dates, never on instants: a Date object only lives inside these helpers,
 * at local midnight, so that date-fns does the month and leap-year arithmetic.
 */
import { addDays, addMonths, format, getDay, getDaysInMonth, isValid, parseISO } from 'date-fns';
import { CalendarInputError } from './calendar-input-error';

/** A local calendar date, YYYY-MM-DD. */
export type IsoDate = string;
/** A calendar month, YYYY-MM. */
export type IsoMonth = string;

export type Weekday = 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';

// In getDay() order (0 = Sunday).
const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The local-midnight Date of an ISO date, or null when the text is not a day of the calendar. */
export function toLocalDate(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const date = parseISO(value);
  // parseISO accepts some impossible days; the round trip rejects them (2010-02-30).
  if (!isValid(date) || format(date, 'yyyy-MM-dd') !== value) return null;
  return date;
}

export function isIsoDate(value: string): boolean {
  return toLocalDate(value) !== null;
}

/** The local-midnight Date of an ISO date; a malformed one is a CalendarInputError. */
export function requireLocalDate(value: string): Date {
  const date = toLocalDate(value);
  if (date === null) {
    throw new CalendarInputError('malformed-date', value, `"${value}" is not a date: give a day of the calendar as YYYY-MM-DD, such as 2010-08-03.`);
  }
  return date;
}

export function fromLocalDate(date: Date): IsoDate {
  return format(date, 'yyyy-MM-dd');
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromLocalDate(addDays(requireLocalDate(date), days));
}

export function weekdayOf(date: IsoDate): Weekday {
  const weekday = WEEKDAYS[getDay(requireLocalDate(date))];
  if (weekday === undefined) throw new Error(`no weekday for ${date}`);
  return weekday;
}

export type MonthParse = { ok: true; month: IsoMonth; first: Date } | { ok: false; problem: string };

/** Reads a month YYYY-MM; the problem, when there is one, is a sentence for the operator. */
export function parseMonth(value: string): MonthParse {
  const match = ISO_MONTH.exec(value);
  if (match === null) {
    return { ok: false, problem: `"${value}" is not a month: give it as YYYY-MM, such as 2010-08.` };
  }
  return { ok: true, month: value, first: parseISO(`${value}-01`) };
}

export function requireMonthStart(value: string): Date {
  const parsed = parseMonth(value);
  if (!parsed.ok) throw new CalendarInputError('malformed-month', value, parsed.problem);
  return parsed.first;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function addMonthsIso(month: IsoMonth, months: number): IsoMonth {
  return format(addMonths(requireMonthStart(month), months), 'yyyy-MM');
}

export function daysInMonth(month: IsoMonth): number {
  return getDaysInMonth(requireMonthStart(month));
}

/** Every date of a month, in order. */
export function datesOfMonth(month: IsoMonth): IsoDate[] {
  const first = requireMonthStart(month);
  const count = getDaysInMonth(first);
  return Array.from({ length: count }, (_, index) => fromLocalDate(addDays(first, index)));
}

/** "February 2010", for sentences. */
export function monthName(month: IsoMonth): string {
  return format(requireMonthStart(month), 'MMMM yyyy');
}

/** 1st, 2nd, 3rd, 4th, 11th, 21st ... for sentences. */
export function ordinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  switch (day % 10) {
    case 1:
      return `${day}st`;
    case 2:
      return `${day}nd`;
    case 3:
      return `${day}rd`;
    default:
      return `${day}th`;
  }
}
