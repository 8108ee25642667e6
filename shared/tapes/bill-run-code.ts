/**
 * Bill Run tape label codes: the run's date as YYMMDD and the tape's letter (100803P is the
 * Prod & Devel tape of the Bill Run of 3 August 2010, in the plan's example).
 */
import { format } from 'date-fns';
import { fromLocalDate, requireLocalDate, toLocalDate, type IsoDate } from '../calendar/iso-date';

const LETTER = /^[A-Z]$/;
const CODE = /^(\d{2})(\d{2})(\d{2})([A-Z])$/;
// Two-digit years: the codes began in the 2000s and the plan gives no other century.
const CENTURY = 2000;

export function billRunCode(date: IsoDate, letter: string): string {
  if (!LETTER.test(letter)) throw new RangeError(`a Bill Run tape letter is one capital letter, not "${letter}"`);
  return `${format(requireLocalDate(date), 'yyMMdd')}${letter}`;
}

/** The date and letter of a label code, or null when it is not one (or names no real day). */
export function parseBillRunCode(code: string): { date: IsoDate; letter: string } | null {
  const match = CODE.exec(code.trim().toUpperCase());
  if (match === null) return null;
  const [, yy, mm, dd, letter] = match;
  if (yy === undefined || mm === undefined || dd === undefined || letter === undefined) return null;
  const date = toLocalDate(`${CENTURY + Number(yy)}-${mm}-${dd}`);
  return date === null ? null : { date: fromLocalDate(date), letter };
}
