/**
 * The one contract between the renderer and main (DESIGN rule 2): every request with its zod
 * input schema and its output type, and every event stream with its payload type. Both shells
 * (Electron IPC and the browser WebSocket) carry exactly these, and main validates every input.
 */
import { z } from 'zod';
import { EVENT_NAMES, REQUEST_NAMES, type EventName, type RequestName } from './api-channels';
import type { QueueInfo } from './vms/parsers';
import { FAULT_NAMES } from './simulator-faults';
import type { DayPlan } from './calendar/day-plan';
import type { MonthCalendar } from './calendar/month';
import type { ProcedureChoice, RunView } from './procedures/run-view';
import { labelSelectionSchema, stockIdSchema, type LabelFile, type LabelPreview, type LabelPrintResult, type LabelStocksView, type PrinterView } from './labels-api';

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

export const runIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'must be the id of a procedure run');

export const hostNameSchema = z.string().regex(/^[A-Z0-9$_]{1,39}$/, 'must be the name of a host of the site profile');

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

/** The simulated drive as the person at the rack sees it. */
export interface SimulatedDriveView {
  done: string;
  doorOpen: boolean;
  magazineInDrive: boolean;
  loaded: string | null;
  slots: (string | null)[];
  /** The magnetic volume label of each slot's tape (what INITIALIZE wrote), or null. */
  labels: (string | null)[];
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

/** A link failure as the screen shows it. */
export interface LinkFailureView {
  code: string;
  message: string;
  offered?: { algorithm: string; fingerprint: string };
}

/** The state of the link to one host, pushed on every change (plain data). */
export type HostLinkStateView =
  | { kind: 'disconnected'; host: string; at: string; lastError?: LinkFailureView }
  | { kind: 'connecting'; host: string; at: string; attempt: number }
  | { kind: 'awaiting-host-key-approval'; host: string; at: string; address: string; port: number; offered: { algorithm: string; fingerprint: string }; message: string }
  | { kind: 'connected'; host: string; at: string; mode: 'shell' | 'exec'; latencyMs?: number; warnings: readonly string[] }
  | { kind: 'reconnecting'; host: string; at: string; attempt: number; nextAttemptAt: string; delayMs: number; lastError: LinkFailureView };

export interface HostView {
  name: string;
  arch: string;
  roles: string[];
  address: string;
  port: number;
  user: string;
  /** Whether this host is served by the console's own simulated site. */
  simulated: boolean;
  /** Whether the console holds a password for it (never the password itself). */
  hasPassword: boolean;
  state: HostLinkStateView;
  latencyMs: number | null;
  /** The SHA256 fingerprint pinned for this host, if an operator approved one. */
  pinned: { algorithm: string; fingerprint: string; approvedBy: string; approvedAt: string } | null;
}

export interface QueueSnapshot {
  host: string;
  queue: string;
  /** When the host answered (console time, ISO). */
  at: string;
  info: QueueInfo | null;
  /** Why there is no answer: the link is down, the host refused, the output was unreadable. */
  problem: string | null;
}

export interface LogicalStep {
  name: string;
  value: string;
  table: string;
  concealed: boolean;
}

/** Where a logical name leads: LEASE_FILES → DISK$PROD_09:[LEASE_FILES] on $1$DGA15:. */
export interface LogicalResolution {
  host: string;
  name: string;
  steps: LogicalStep[];
  /** The last specification still named by a logical name, e.g. DISK$PROD_09:[LEASE_FILES]. */
  location: string;
  /** The physical device it is on, e.g. $1$DGA15:. */
  device: string;
}

/** A text file for the browser to save: calendar export, audit CSV. */
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
  'audit.csv': request<IcsFile>()(z.object({}).strict()),
  'hosts.list': request<HostView[]>()(z.object({}).strict()),
  'hosts.connect': request<HostView>()(z.object({ host: hostNameSchema }).strict()),
  'hosts.disconnect': request<HostView>()(z.object({ host: hostNameSchema }).strict()),
  'hosts.approveKey': request<HostView>()(
    z.object({ host: hostNameSchema, fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'must be a SHA256 fingerprint') }).strict(),
  ),
  'hosts.setPassword': request<HostView>()(
    z
      .object({
        host: hostNameSchema,
        password: z
          .string()
          .min(1, 'type the password')
          .max(255, 'is longer than 255 characters')
          .regex(/^[\x20-\x7e]+$/, 'may hold only printable ASCII characters'),
      })
      .strict(),
  ),
  'queues.show': request<QueueSnapshot[]>()(z.object({}).strict()),
  'logical.resolve': request<LogicalResolution>()(
    z
      .object({
        name: z.string().trim().toUpperCase().regex(/^[A-Z0-9$_]{1,255}$/, 'a logical name is letters, digits, $ and _'),
        host: hostNameSchema.optional(),
      })
      .strict(),
  ),
  'simulator.fault': request<{ active: string[] }>()(
    z
      .object({
        fault: z.enum(FAULT_NAMES),
        on: z.boolean(),
        host: hostNameSchema.optional(),
        queue: hostNameSchema.optional(),
        slot: z.number().int().min(1).max(16).optional(),
        delayMs: z.number().int().min(0).max(60_000).optional(),
      })
      .strict(),
  ),
  'labels.stocks': request<LabelStocksView>()(z.object({}).strict()),
  'labels.chooseStock': request<LabelStocksView>()(z.object({ use: z.enum(['set', 'cartridge']), stockId: stockIdSchema }).strict()),
  'labels.preview': request<LabelPreview>()(z.object({ selection: labelSelectionSchema(isoDateSchema), stockId: stockIdSchema.optional() }).strict()),
  'labels.file': request<LabelFile>()(
    z.object({ selection: labelSelectionSchema(isoDateSchema), stockId: stockIdSchema.optional(), format: z.enum(['pdf', 'zpl']) }).strict(),
  ),
  'labels.print': request<LabelPrintResult>()(
    z
      .object({
        selection: labelSelectionSchema(isoDateSchema),
        stockId: stockIdSchema.optional(),
        /** browser: the renderer printed with the browser's own print and asks only for the record. */
        via: z.enum(['browser', 'dialog', 'printer']),
        printer: z.string().min(1).max(200).optional(),
      })
      .strict()
      .refine((input) => input.via !== 'printer' || input.printer !== undefined, { message: 'name the printer', path: ['printer'] }),
  ),
  'labels.printers': request<PrinterView[]>()(z.object({}).strict()),
  'simulator.drive': request<SimulatedDriveView>()(
    z
      .object({
        act: z.enum(['eject', 'remove-magazine', 'empty-magazine', 'insert', 'insert-magazine', 'close-door', 'load', 'look']),
        slot: z.number().int().min(1).max(16).optional(),
        code: z.string().trim().toUpperCase().regex(/^[A-Z0-9 ]{1,12}$/, 'a tape label is letters, digits and spaces').optional(),
      })
      .strict()
      .refine((a) => a.act !== 'insert' || (a.slot !== undefined && a.code !== undefined), { message: 'name the slot and the tape', path: ['slot'] }),
  ),
  'procedures.list': request<{ choices: ProcedureChoice[]; runs: RunView[] }>()(z.object({}).strict()),
  'procedures.start': request<RunView>()(
    z
      .object({
        procedureId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a procedure id such as bill-run'),
        date: isoDateSchema,
        /** The adhoc backup job, for a procedure that asks for one. */
        job: z.string().regex(/^[A-Z0-9$_]{1,39}$/, 'must be the name of a job of the site profile').optional(),
      })
      .strict(),
  ),
  'procedures.act': request<RunView>()(
    z
      .object({
        runId: runIdSchema,
        action: z.enum(['confirm', 'back', 'skip', 'recheck', 'scan', 'abandon']),
        reason: z.string().trim().min(1, 'say why').max(500).optional(),
        slot: z.number().int().min(1).max(16).optional(),
        /** A tape's label as scanned or typed; null: the slot is empty. */
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9 ]{1,12}$/, 'a tape label is letters, digits and spaces, such as 100803D or DAILY 3')
          .nullable()
          .optional(),
      })
      .strict()
      .refine((a) => !(a.action === 'skip' || a.action === 'abandon') || a.reason !== undefined, { message: 'say why', path: ['reason'] })
      .refine((a) => a.action !== 'scan' || (a.slot !== undefined && a.code !== undefined), { message: 'name the slot and its label', path: ['slot'] }),
  ),
} as const;

/** Event streams pushed from main to every open console. */
export interface ApiEvents {
  'audit.appended': AuditEntry;
  'site.changed': SiteSummary;
  'hosts.changed': HostView;
  'procedures.changed': RunView;
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
