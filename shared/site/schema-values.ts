/** The small value schemas every part of the site profile is built from. */
import { z } from 'zod';

export const vmsName = z.string().regex(/^[A-Z0-9$_]{1,39}$/, 'must be an OpenVMS name: A-Z, 0-9, $ and _, at most 39 characters');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');
export const vmsDirectory = z.string().regex(/^[A-Z0-9$_]+:\[[A-Z0-9$_.-]+\]$/, 'must be an OpenVMS directory such as DISK$USER:[DIR.SUBDIR]');
export const commandProcedure = z
  .string()
  .regex(/^([A-Z0-9$_]+:)?(\[[A-Z0-9$_.-]+\])?[A-Z0-9$_]+\.COM$/, 'must be an OpenVMS command procedure such as DISK$USER:[DIR]NAME.COM');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDate, 'must be a real calendar date');
export const text = z.string().min(1);
export const severityCode = z.enum(['S', 'I', 'W', 'E', 'F']);

function isRealDate(value: string): boolean {
  // a value of the wrong form is already reported by the regex
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return true;
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const weekday = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
