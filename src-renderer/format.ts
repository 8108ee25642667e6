import { format, parseISO } from 'date-fns';

/** "Tuesday, August 3, 2010" for a YYYY-MM-DD date. */
export function longDate(date: string): string {
  return format(parseISO(date), 'EEEE, MMMM d, yyyy');
}

/** "August 2010" for a YYYY-MM month. */
export function monthTitle(month: string): string {
  return format(parseISO(`${month}-01`), 'MMMM yyyy');
}

export function shiftDate(date: string, days: number): string {
  const d = parseISO(date);
  d.setDate(d.getDate() + days);
  return format(d, 'yyyy-MM-dd');
}

export function shiftMonth(month: string, months: number): string {
  const d = parseISO(`${month}-01`);
  d.setMonth(d.getMonth() + months);
  return format(d, 'yyyy-MM');
}
