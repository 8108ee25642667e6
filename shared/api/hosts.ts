/** The host requests: links to the hosts, their queues, and where a logical name leads. */
import { z } from 'zod';
import type { QueueInfo } from '../vms/parsers';
import { hostNameSchema, request } from './common';

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

/** An entry of a job of the plan that runs as another user than the plan says. */
export interface WrongUserNote {
  entry: number;
  /** The job of the profile the entry runs. */
  job: string;
  /** The Username SHOW QUEUE gives. */
  runsAs: string;
  shouldRunAs: string;
  /** The plan's rule, in its words. */
  rule: string;
}

export interface QueueSnapshot {
  host: string;
  queue: string;
  /** When the host answered (console time, ISO). */
  at: string;
  info: QueueInfo | null;
  /** Why there is no answer: the link is down, the host refused, the output was unreadable. */
  problem: string | null;
  /** Entries of the plan's jobs that run as another user than the plan says; absent or empty when none. */
  wrongUsers?: WrongUserNote[];
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

export const hostRequests = {
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
        name: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9$_]{1,255}$/, 'a logical name is letters, digits, $ and _'),
        host: hostNameSchema.optional(),
      })
      .strict(),
  ),
} as const;
