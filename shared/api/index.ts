/**
 * The one contract between the renderer and main (DESIGN rule 2): every request with its zod
 * input schema and its output type, and every event stream with its payload type, gathered from
 * one file per feature. Both shells (Electron IPC and the browser WebSocket) carry exactly these,
 * and main validates every input.
 */
import type { z } from 'zod';
import { EVENT_NAMES, REQUEST_NAMES, type EventName, type RequestName } from './channels';
import type { RunView } from '../procedures/run-view';
import { calendarRequests } from './calendar';
import { commonRequests, type AuditEntry, type SiteSummary } from './common';
import { hostRequests, type HostView, type QueueSnapshot } from './hosts';
import { jobRequests, type ChainView } from './jobs';
import { labelRequests } from './labels';
import { procedureRequests } from './procedures';
import { simulatorRequests } from './simulator';

export * from './common';
export * from './calendar';
export * from './hosts';
export * from './jobs';
export * from './labels';
export * from './procedures';
export * from './simulator';

export const apiRequests = {
  ...commonRequests,
  ...calendarRequests,
  ...hostRequests,
  ...labelRequests,
  ...simulatorRequests,
  ...procedureRequests,
  ...jobRequests,
} as const;

/** Event streams pushed from main to every open console. */
export interface ApiEvents {
  'audit.appended': AuditEntry;
  'site.changed': SiteSummary;
  'hosts.changed': HostView;
  'procedures.changed': RunView;
  /** The site's queues as main last read them (it polls them once for every console). */
  'queues.changed': QueueSnapshot[];
  /** A day's job chain, at every change the host shows. */
  'jobs.changed': ChainView;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Fails to compile when channels.ts and the maps above name different requests or events. */
const channelsMatch: [Same<RequestName, keyof typeof apiRequests>, Same<EventName, keyof ApiEvents>] = [true, true];
void channelsMatch;

export type RequestInput<N extends RequestName> = z.input<(typeof apiRequests)[N]['input']>;
export type ParsedInput<N extends RequestName> = z.output<(typeof apiRequests)[N]['input']>;
export type RequestOutput<N extends RequestName> = (typeof apiRequests)[N]['output'];

export const requestNames: readonly RequestName[] = REQUEST_NAMES;
export const apiEventNames: readonly EventName[] = EVENT_NAMES;
export { BRIDGE_GLOBAL, IPC_EVENT_PREFIX, IPC_REQUEST_PREFIX, isEventName, isRequestName, type EventName, type RequestName } from './channels';

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
