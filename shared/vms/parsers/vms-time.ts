/**
 * OpenVMS times as the host prints them.
 *
 * An absolute time is `25-NOV-2026 06:05:00.12` (day may be blank-padded: ` 8-JAN-2004`; older
 * displays stop at the minute: `11-DEC-1999 13:12`). It is the host's local time, so it is kept as
 * text and also given as an ISO local date-time without a zone, `2026-11-25T06:05:00.120`, which
 * sorts and compares as text. A delta time (CPU time, elapsed time) is `0 00:55:59.12`: days, then
 * hours to hundredths.
 */

export interface VmsTime {
  /** As printed, trimmed. */
  text: string;
  /** Local, no zone: YYYY-MM-DDTHH:MM:SS.mmm. */
  iso: string;
}

export interface VmsDelta {
  text: string;
  milliseconds: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The pattern of an absolute time, to find one inside a longer line. */
export const VMS_TIME_SOURCE = String.raw`\d{1,2}-[A-Za-z]{3}-\d{4}(?:[ :]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,2})?)?)?`;
/** The pattern of a delta time, to find one inside a longer line. */
export const VMS_DELTA_SOURCE = String.raw`(?:\d{1,4} )?\d{1,2}:\d{2}:\d{2}(?:\.\d{1,2})?`;

const ABSOLUTE = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:[ :](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,2}))?)?)?$/;
const DELTA = /^(?:(\d{1,4}) )?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Fraction digits as milliseconds: ".12" is 120 ms, ".5" is 500 ms. */
function fractionMs(digits: string | undefined): number {
  if (digits === undefined) return 0;
  return Number(digits.padEnd(3, '0').slice(0, 3));
}

/** Reads an absolute time, or null when the text is not one (or names a day that does not exist). */
export function parseVmsTime(text: string): VmsTime | null {
  const trimmed = text.trim();
  const match = ABSOLUTE.exec(trimmed);
  if (match === null) return null;
  const day = Number(match[1]);
  const month = MONTHS.indexOf((match[2] ?? '').toUpperCase()) + 1;
  const year = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const ms = fractionMs(match[7]);
  // OpenVMS time starts on 17-NOV-1858; it ends at 31-DEC-9999.
  if (month === 0 || year < 1858 || day < 1 || day > daysIn(month, year)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${pad(ms, 3)}`;
  return { text: trimmed, iso };
}

/** Reads a delta time such as `0 00:55:59.12`, or null. */
export function parseVmsDelta(text: string): VmsDelta | null {
  const trimmed = text.trim();
  const match = DELTA.exec(trimmed);
  if (match === null) return null;
  const days = Number(match[1] ?? 0);
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  const seconds = Number(match[4]);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const milliseconds = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + fractionMs(match[5]);
  return { text: trimmed, milliseconds };
}
