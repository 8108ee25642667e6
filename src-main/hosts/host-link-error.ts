/**
 * The one error type the host link throws. The code tells callers (and the Hosts screen) what
 * happened; the message is already fit for an operator to read.
 */
export type HostLinkErrorCode =
  /** First connection: the operator has not yet approved this host's key. */
  | 'host-key-unknown'
  /** The host offered a key other than the one pinned: the connection is refused. */
  | 'host-key-changed'
  | 'auth-failed'
  /** No credentials are stored for the host. */
  | 'no-credentials'
  /** No TCP connection (refused, unreachable, name not found). */
  | 'unreachable'
  /** The host and the console share no key exchange, host key, cipher or MAC algorithm. */
  | 'no-common-algorithm'
  /** The connection broke (reset, closed, keepalives unanswered). */
  | 'link-dropped'
  | 'timeout'
  /** The host refused an exec request or a shell. */
  | 'exec-refused'
  | 'shell-refused'
  /** The shell's output could not be framed (prompt or status not where expected). */
  | 'framing-lost'
  | 'not-connected'
  /** A SUBMIT may or may not have reached the queue manager: ask the queue before sending again. */
  | 'unsure-if-submitted'
  /** A SUBMIT was refused because the queue already holds an entry by its name. */
  | 'already-submitted'
  /** A file could not be read over SFTP (no such file, no SFTP on the host, a read refused). */
  | 'file-unreadable';

export interface OfferedHostKey {
  /** Key type as the host sent it, such as `ssh-rsa`. */
  algorithm: string;
  /** `SHA256:` and the unpadded base64 digest, as OpenSSH prints it. */
  fingerprint: string;
}

export interface HostLinkErrorDetails {
  host?: string;
  /** The key the host offered, for host-key errors. */
  offered?: OfferedHostKey;
  /** The key that was pinned, for host-key-changed. */
  pinned?: OfferedHostKey;
  /** For a command: whether it may have run on the host before the failure. */
  mayHaveRun?: boolean;
  /** The /NAME of the submission concerned. */
  submissionName?: string;
  cause?: unknown;
}

export class HostLinkError extends Error {
  override readonly name = 'HostLinkError';
  readonly host: string | undefined;
  readonly offered: OfferedHostKey | undefined;
  readonly pinned: OfferedHostKey | undefined;
  readonly mayHaveRun: boolean;
  readonly submissionName: string | undefined;

  constructor(
    readonly code: HostLinkErrorCode,
    message: string,
    details: HostLinkErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.host = details.host;
    this.offered = details.offered;
    this.pinned = details.pinned;
    this.mayHaveRun = details.mayHaveRun ?? false;
    this.submissionName = details.submissionName;
  }

  /** The serialisable form for the API and the state stream. */
  toJSON(): { code: HostLinkErrorCode; message: string; host?: string; offered?: OfferedHostKey } {
    return {
      code: this.code,
      message: this.message,
      ...(this.host === undefined ? {} : { host: this.host }),
      ...(this.offered === undefined ? {} : { offered: this.offered }),
    };
  }
}

export function isHostLinkError(value: unknown, code?: HostLinkErrorCode): value is HostLinkError {
  return value instanceof HostLinkError && (code === undefined || value.code === code);
}

/**
 * Failures after which trying again later may work. Host-key and authentication failures are
 * not among them: OpenVMS intrusion detection locks an account out after repeated failed
 * logins, and a changed key needs an operator.
 */
export function isRetryable(error: HostLinkError): boolean {
  return error.code === 'unreachable' || error.code === 'link-dropped' || error.code === 'timeout' || error.code === 'framing-lost';
}
