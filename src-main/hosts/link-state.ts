import type { HostLinkErrorCode, OfferedHostKey } from './host-link-error';

/** A failure as the state stream carries it: plain data, so it can cross to the renderer. */
export interface LinkFailure {
  code: HostLinkErrorCode;
  message: string;
  offered?: OfferedHostKey;
}

/** What the Hosts screen shows for one host; every change is pushed on the link's state stream. */
export type HostLinkState =
  | { kind: 'disconnected'; host: string; at: string; lastError?: LinkFailure }
  | { kind: 'connecting'; host: string; at: string; attempt: number }
  | {
      kind: 'awaiting-host-key-approval';
      host: string;
      at: string;
      address: string;
      port: number;
      offered: OfferedHostKey;
      message: string;
    }
  | {
      kind: 'connected';
      host: string;
      at: string;
      mode: 'shell' | 'exec';
      latencyMs?: number;
      warnings: readonly string[];
    }
  | {
      kind: 'reconnecting';
      host: string;
      at: string;
      /** The attempt that will be made next, counted from 1 after the link was lost. */
      attempt: number;
      nextAttemptAt: string;
      delayMs: number;
      lastError: LinkFailure;
    };

export type HostLinkStateKind = HostLinkState['kind'];
