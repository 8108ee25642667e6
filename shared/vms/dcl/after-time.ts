/**
 * Times for SUBMIT /AFTER.
 *
 * DCL accepts absolute, delta and combination times and the words TODAY, TOMORROW, YESTERDAY,
 * BOOT and LOGIN. The console accepts two forms only, because each names one moment without
 * depending on when the command happens to run or on a sign (`+`) that must be quoted:
 * - a time of day `HH:MM` (today at that time, in the host's time), written as given;
 * - an absolute date and time `DD-MMM-YYYY HH:MM[:SS[.CC]]` (the colon form
 *   `DD-MMM-YYYY:HH:MM...` is read too), written in the colon form, which needs no quotes.
 * Months are the upper-case English abbreviations DCL uses (JAN ... DEC).
 */
import { accept, type Checked, describeInput, orThrow, refuse } from './dcl-build-error';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

const SYNTAX = 'a time is HH:MM or DD-MMM-YYYY HH:MM[:SS[.CC]], such as 12:00 or 25-NOV-2026 12:00';

const TIME_OF_DAY = /^(?<hour>\d{2}):(?<minute>\d{2})$/u;
const DATE_TIME = /^(?<day>\d{1,2})-(?<month>[A-Za-z]{3})-(?<year>\d{4})[ :](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<hundredth>\d{2}))?)?$/u;

export function checkAfterTime(time: string, field = 'after'): Checked<string> {
  if (typeof time !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(time)}`);
  if (time.length === 0) return refuse('empty', field, `${field} is empty; ${SYNTAX}`);
  const ofDay = TIME_OF_DAY.exec(time)?.groups;
  if (ofDay !== undefined) {
    const clock = checkClock(ofDay, field, time);
    return clock.ok ? accept(time) : clock;
  }
  const dated = DATE_TIME.exec(time)?.groups;
  if (dated === undefined) return refuse('bad-syntax', field, `${field} ${describeInput(time)} is not a time the console sends; ${SYNTAX}`);
  const monthText = dated['month'] ?? '';
  if (monthText !== monthText.toUpperCase()) {
    return refuse('lower-case', field, `${field} ${describeInput(time)} must be written in upper case`);
  }
  const month = MONTHS.indexOf(monthText as (typeof MONTHS)[number]);
  if (month < 0) return refuse('bad-syntax', field, `${field} ${describeInput(time)} has no month ${describeInput(monthText)}; months are JAN to DEC`);
  const day = Number(dated['day']);
  const year = Number(dated['year']);
  if (year < 1900 || !isRealDay(year, month, day)) {
    return refuse('out-of-range', field, `${field} ${describeInput(time)} is not a day of the calendar (years 1900 to 9999)`);
  }
  const clock = checkClock(dated, field, time);
  if (!clock.ok) return clock;
  const seconds = dated['second'] === undefined ? '' : `:${dated['second']}${dated['hundredth'] === undefined ? '' : `.${dated['hundredth']}`}`;
  return accept(`${String(day).padStart(2, '0')}-${monthText}-${dated['year']}:${dated['hour']}:${dated['minute']}${seconds}`);
}

export function assertAfterTime(time: string, field = 'after'): string {
  return orThrow(checkAfterTime(time, field));
}

function checkClock(groups: Record<string, string | undefined>, field: string, time: string): Checked<true> {
  const hour = Number(groups['hour']);
  const minute = Number(groups['minute']);
  const second = groups['second'] === undefined ? 0 : Number(groups['second']);
  if (hour > 23 || minute > 59 || second > 59) {
    return refuse('out-of-range', field, `${field} ${describeInput(time)} is not a time of day (00:00 to 23:59:59.99)`);
  }
  return accept(true);
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month, day));
  return day >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day;
}
