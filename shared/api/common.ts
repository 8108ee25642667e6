/** The parts of the contract every feature shares: dates, initials, the app, the operator, the audit log, the site. */
import { z } from 'zod';
import { counted } from '../plural';

/** The years the calendar plans: wide enough for any tape in a vault, narrow enough for date arithmetic. */
export const FIRST_YEAR = 1901;
export const LAST_YEAR = 9998;

function yearInRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** A local calendar date YYYY-MM-DD that exists (2010-02-30 does not). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, m - 1, d));
    // leap days are checked on a leap year of the same kind: 2000 is one, so test y itself
    const leapOk = !(m === 2 && d === 29) || (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0));
    return date.getUTCMonth() === m - 1 && date.getUTCDate() === d && leapOk;
  }, 'is not a day of the calendar')
  .refine((value) => yearInRange(Number(value.slice(0, 4))), `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  .refine((value) => yearInRange(Number(value.slice(0, 4))), `must be a year from ${FIRST_YEAR} to ${LAST_YEAR}`);

export const hostNameSchema = z.string().regex(/^[A-Z0-9$_]{1,39}$/, 'must be the name of a host of the site profile');

const INITIALS_RULE = 'initials are 2 to 4 letters, such as JS or MAB';

/**
 * Why some initials (trimmed, upper-cased) cannot sign, or null. Too many letters are refused by
 * name, never cut to four: the report would then carry someone else's initials.
 */
export function initialsProblem(initials: string): string | null {
  if (/^[A-Z]{2,4}$/.test(initials)) return null;
  if (/^[A-Z]{5,}$/.test(initials)) return `${initials} has ${counted(initials.length, 'letter')}: ${INITIALS_RULE}`;
  return INITIALS_RULE;
}

export const initialsSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((initials, ctx) => {
    const problem = initialsProblem(initials);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * The whole audit log as a CSV file, never held whole in the page: where the browser shell
 * streams it from (a one-time path on the console's own origin), or where Electron wrote it after
 * the save dialog (null: the operator cancelled), or, with neither, its text.
 */
export type AuditExport = { fileName: string; download: string } | { fileName: string; savedTo: string | null } | { fileName: string; content: string };

/** Declares one request: its output type for the compiler, then its input schema. */
export function request<Output>() {
  return <Input extends z.ZodType>(input: Input): { input: Input; output: Output } => ({
    input,
    output: undefined as Output,
  });
}

/** What the console shows of the loaded site profile. */
export interface SiteSummary {
  name: string;
  organisation: string;
  plan: string;
  revision: string;
  /** The profile file it was loaded from. */
  file: string;
  hosts: { name: string; arch: string; roles: string[] }[];
  /** The logical names the plan names, to look up on the "Where is it?" screen. */
  logicalNames: string[];
  drive: { model: string; host: string; slots: number; media: string };
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  /** Today's local date by the main process clock. */
  today: string;
  site: SiteSummary;
  /** The console talks to its own simulated site (demo, tests), whose drive the screen can work by hand. */
  simulated: boolean;
}

export interface Operator {
  initials: string;
  name: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  who: string;
  action: string;
  subject: string | null;
  details: unknown;
}

/** A profile file the console may load: one in the data folder, or one shipped with the console. */
export interface SiteProfileChoice {
  /** The absolute path, as site.choose takes it. */
  file: string;
  /** The file's name, as listed. */
  name: string;
  /** data: the console's data folder, where an operator puts a site's own profile; shipped: assets/sites. */
  folder: 'data' | 'shipped';
}

/** The profile files Settings lists, and the folders they were looked for in (shown, so a technician knows where to put one). */
export interface SiteProfileList {
  folders: { data: string; shipped: string };
  profiles: SiteProfileChoice[];
}

/** A text file for the browser to save: calendar export, audit CSV. */
export interface IcsFile {
  fileName: string;
  content: string;
}

/** The console itself, the operator's sign-in, the site profile and the audit log. */
export const commonRequests = {
  'app.info': request<AppInfo>()(z.object({}).strict()),
  'session.signIn': request<Operator>()(z.object({ initials: initialsSchema, name: z.string().trim().max(60).optional() }).strict()),
  /** Signs the operator of this window out (audited); the next one signs in. Answers who signed out. */
  'session.signOut': request<Operator>()(z.object({}).strict()),
  /** Loads one of the profiles site.profiles lists (the browser shell takes no other path). */
  'site.choose': request<SiteSummary>()(z.object({ file: z.string().trim().min(1, 'name a profile file').max(1024) }).strict()),
  'site.profiles': request<SiteProfileList>()(z.object({}).strict()),
  /** Electron only: the operating system's file dialog, then the chosen profile loaded; null when cancelled. */
  'site.chooseFile': request<SiteSummary | null>()(z.object({}).strict()),
  /** Newest first; `beforeId` asks for the page older than the oldest record shown (keyset paging). */
  'audit.recent': request<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500), beforeId: z.number().int().min(1).optional() }).strict()),
  'audit.csv': request<AuditExport>()(z.object({}).strict()),
} as const;
