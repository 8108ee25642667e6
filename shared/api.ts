/**
 * The one contract between the renderer and main (DESIGN rule 2): every request with its zod
 * input schema and its output type, and every event stream with its payload type. Both shells
 * (Electron IPC and the browser WebSocket) carry exactly these, and main validates every input.
 */
import { z } from 'zod';
import { EVENT_NAMES, REQUEST_NAMES, type EventName, type RequestName } from './api-channels';
import type { DayPlan } from './calendar/day-plan';
import type { MonthCalendar } from './calendar/month';

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

export const initialsSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}$/, 'initials are 2 to 4 letters, such as JS or MAB');

/** What the console shows of the loaded site profile. */
export interface SiteSummary {
  name: string;
  organisation: string;
  plan: string;
  revision: string;
  /** The profile file it was loaded from. */
  file: string;
  hosts: { name: string; arch: string; roles: string[] }[];
  drive: { model: string; host: string; slots: number; media: string };
}

export interface AppInfo {
  version: string;
  shell: 'electron' | 'browser';
  /** Today's local date by the main process clock. */
  today: string;
  site: SiteSummary;
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

export interface IcsFile {
  fileName: string;
  content: string;
}

/** Declares one request: its output type for the compiler, then its input schema. */
function request<Output>() {
  return <Input extends z.ZodType>(input: Input): { input: Input; output: Output } => ({
    input,
    output: undefined as Output,
  });
}

export const apiRequests = {
  'app.info': request<AppInfo>()(z.object({}).strict()),
  'session.signIn': request<Operator>()(
    z.object({ initials: initialsSchema, name: z.string().trim().max(60).optional() }).strict(),
  ),
  'day.plan': request<DayPlan>()(z.object({ date: isoDateSchema }).strict()),
  'calendar.month': request<MonthCalendar>()(z.object({ month: monthSchema }).strict()),
  'calendar.ics': request<IcsFile>()(
    z
      .object({ month: monthSchema, months: z.number().int().min(1).max(24) })
      .strict()
      .refine(({ month, months }) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5)) - 1 + months <= (LAST_YEAR + 1) * 12, {
        message: `the export must end by December ${LAST_YEAR}`,
        path: ['months'],
      }),
  ),
  'site.choose': request<SiteSummary>()(
    z.object({ file: z.string().trim().min(1, 'name a profile file').max(1024) }).strict(),
  ),
  'audit.recent': request<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }).strict()),
} as const;

/** Event streams pushed from main to every open console. */
export interface ApiEvents {
  'audit.appended': AuditEntry;
  'site.changed': SiteSummary;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when api-channels.ts and the maps above name different requests or events. */
const channelsMatch: [Same<RequestName, keyof typeof apiRequests>, Same<EventName, keyof ApiEvents>] = [true, true];
void channelsMatch;

export type RequestInput<N extends RequestName> = z.input<(typeof apiRequests)[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<(typeof apiRequests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof apiRequests)[N]['output'];

export const requestNames: readonly RequestName[] = REQUEST_NAMES;
export const apiEventNames: readonly EventName[] = EVENT_NAMES;
export { BRIDGE_GLOBAL, IPC_EVENT_PREFIX, IPC_REQUEST_PREFIX, isEventName, isRequestName, type EventName, type RequestName } from './api-channels';

/** The client the renderer knows; it never learns which shell carries it. */
export interface ConsoleApi {
  request<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>>;
  subscribe<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void;
}

/** The function-per-request surface the Electron preload exposes through contextBridge. */
export type BridgeApi = {
  [N in RequestName]: (input: RequestInput<N>) => Promise<unknown>;
} & {
  subscribe(event: EventName, handler: (payload: unknown) => void): () => void;
};
