/**
 * One live connection to one host, as the host link sees it. The SSH implementation is in
 * ./ssh-transport; tests of the link's queue, reconnection and submit safety use a fake one.
 */
import type { DclCommand } from '../../shared/vms/dcl/command-line';
import type { PinnedHostKey } from './host-key-check';
import type { FileReader } from './file-reader';
import type { HostLinkError } from './host-link-error';

/** Where a host is and who logs in, from the host's entry in the site profile. */
export interface HostEndpoint {
  name: string;
  address: string;
  port: number;
  user: string;
}

export interface TransportRunResult {
  /** Without echo and prompt, LF line ends. */
  output: string;
  /** The OpenVMS condition value of the command. */
  status: number;
  /** `%X` and 8 hex digits. */
  statusHex: string;
  /** A round trip measured on the way, when the transport could measure one. */
  latencyMs?: number;
}

export interface LinkTransport {
  readonly mode: 'shell' | 'exec';
  /** What the Hosts screen should show about this connection (legacy algorithms, setup). */
  readonly warnings: readonly string[];
  /** Round trip measured while connecting. */
  readonly latencyMs: number | undefined;
  /**
   * Runs one command. A failure carries `mayHaveRun` when the command may have reached the
   * host; after a timeout or lost framing the transport closes itself and reports the drop.
   */
  run(dcl: DclCommand, timeoutMs: number): Promise<TransportRunResult>;
  /** Files read from an offset on a channel of their own (SFTP), when the transport has them. */
  readonly files?: FileReader;
  /** Called once when the connection ends other than by `close()`. */
  onDrop(listener: (error: HostLinkError) => void): void;
  close(): void;
}

export interface TransportRequest {
  host: HostEndpoint;
  /** The key the operator approved, if any; the transport refuses any other. */
  pinned: PinnedHostKey | undefined;
}

/**
 * Opens a connection; rejects with a HostLinkError: `host-key-unknown` (with the offered key),
 * `host-key-changed`, `auth-failed`, `unreachable`, `timeout`, `no-common-algorithm`...
 */
export type OpenTransport = (request: TransportRequest) => Promise<LinkTransport>;
