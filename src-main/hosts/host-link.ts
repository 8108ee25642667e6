/**
 * The host link: the one door to one OpenVMS host (DESIGN rule 5). It keeps one connection,
 * sends commands one at a time from a queue, reconnects with backoff when the connection is lost,
 * and never sends a command that changes the site twice on its own.
 */
import { systemClock, type Clock } from '../../shared/clock';
import type { DclCommand } from '../../shared/vms/dcl/command-line';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { PinnedHostKey } from './host-key-check';
import { HostLinkError, isRetryable, type OfferedHostKey } from './host-link-error';
import type { HostLinkState, LinkFailure } from './link-state';
import { isSuccess } from './shell-framing';
import type { FileReader } from './file-reader';
import type { HostEndpoint, LinkTransport, OpenTransport, TransportRunResult } from './link-transport';
import { realTimers, type Timers } from './timers';

/** One command for the host. */
export interface LinkCommand {
  /** A line made by the DCL builder (shared/vms/dcl), the only code that quotes: never free text. */
  dcl: DclCommand;
  /** Whether the command changes the site (SUBMIT, DELETE/ENTRY, INITIALIZE...): never re-sent blindly. */
  mutates: boolean;
  /** The unique /NAME of a SUBMIT, so the queue can be asked whether it arrived. */
  submissionName?: string;
}

export interface RunOptions {
  /** How long the command may take on the host; the link's default otherwise. */
  timeoutMs?: number;
  /** For a read-only command: how many times it is sent again after the link drops under it. */
  retries?: number;
}

export interface RunResult extends TransportRunResult {
  /** From sending the command to reading its status. */
  elapsedMs: number;
}

/** The pinned host keys, as the link needs them (the store's host-keys repository has this shape). */
export interface HostKeyPins {
  get(host: string): PinnedHostKey | undefined;
  approve(key: Omit<PinnedHostKey, 'approvedBy' | 'approvedAt'>, approvedBy: string): PinnedHostKey;
}

export interface HostLinkOptions {
  host: HostEndpoint;
  pins: HostKeyPins;
  open: OpenTransport;
  clock?: Clock;
  timers?: Timers;
  backoff?: BackoffPolicy;
  /** Default time a command may take on the host. */
  commandTimeoutMs?: number;
  /** How long a command waits in the queue for the link to come (back) up. */
  queueWaitMs?: number;
  /** Default retries of a read-only command after a drop. */
  readOnlyRetries?: number;
}

interface Job {
  command: LinkCommand;
  timeoutMs: number;
  retriesLeft: number;
  resolve(result: RunResult): void;
  reject(error: HostLinkError): void;
  /** Gives up waiting in the queue. */
  waitTimer: unknown;
}

type Listener = (state: HostLinkState) => void;

export class HostLink {
  readonly host: HostEndpoint;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly backoff: BackoffPolicy;
  private readonly commandTimeoutMs: number;
  private readonly queueWaitMs: number;
  private readonly readOnlyRetries: number;

  private current: HostLinkState;
  private readonly listeners = new Set<Listener>();
  private transport: LinkTransport | undefined;
  /** The operator wants the link up: drops are followed by reconnection. */
  private wanted = false;
  private opening = false;
  private retryTimer: unknown;
  /** Failures in a row (a drop counts as one); the backoff grows with them. */
  private failures = 0;
  /** Connection attempts since the link was last up, for the state stream. */
  private attemptsSinceUp = 0;
  /** The key offered on the last refused connection, for `approveHostKey`. */
  private offered: OfferedHostKey | undefined;
  private connectWaiters: { resolve(): void; reject(error: HostLinkError): void }[] = [];
  private readonly queue: Job[] = [];
  private busy = false;
  private lastLatencyMs: number | undefined;
  private readonly unsure = new Set<string>();
  private readonly submitted = new Set<string>();

  constructor(private readonly options: HostLinkOptions) {
    this.host = options.host;
    this.clock = options.clock ?? systemClock;
    this.timers = options.timers ?? realTimers;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 120_000;
    this.queueWaitMs = options.queueWaitMs ?? 60_000;
    this.readOnlyRetries = options.readOnlyRetries ?? 1;
    this.current = { kind: 'disconnected', host: this.host.name, at: this.now() };
  }

  get state(): HostLinkState {
    return this.current;
  }

  /** Calls `listener` on every state change; returns the function that stops it. */
  onState(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The last round trip measured (status read in shell mode, channel open in exec mode). */
  get latencyMs(): number | undefined {
    return this.lastLatencyMs;
  }

  /**
   * Brings the link up. Resolves once connected; rejects with the failure of the next attempt
   * (a retryable failure keeps the link retrying in the background, as the state shows).
   */
  connect(): Promise<void> {
    this.wanted = true;
    if (this.current.kind === 'connected') return Promise.resolve();
    const settled = new Promise<void>((resolve, reject) => this.connectWaiters.push({ resolve, reject }));
    // a caller may start the link without waiting for it (the state stream says how it went):
    // that must not become an unhandled rejection, which would stop the process
    settled.catch(() => undefined);
    if (!this.opening) {
      this.cancelRetry();
      void this.attempt();
    }
    return settled;
  }

  /** Closes the link and stops reconnecting; commands waiting fail with `not-connected`. */
  disconnect(): void {
    this.wanted = false;
    this.cancelRetry();
    this.failures = 0;
    this.attemptsSinceUp = 0;
    const transport = this.transport;
    this.transport = undefined;
    transport?.close();
    this.settleConnectWaiters(new HostLinkError('not-connected', `the link to ${this.host.name} was closed`, { host: this.host.name }));
    this.failQueue(new HostLinkError('not-connected', `the link to ${this.host.name} was closed before the command was sent`, { host: this.host.name }));
    this.setState({ kind: 'disconnected', host: this.host.name, at: this.now() });
  }

  /**
   * Pins the key the host offered on the refused connection, after the operator compared its
   * fingerprint, and connects. The fingerprint given must be the one shown to the operator.
   */
  async approveHostKey(fingerprint: string, approvedBy: string): Promise<void> {
    const offered = this.offered;
    if (offered === undefined || offered.fingerprint !== fingerprint) {
      throw new HostLinkError(
        'host-key-unknown',
        offered === undefined
          ? `${this.host.name} has offered no key to approve; connect first`
          : `the fingerprint approved (${fingerprint}) is not the one ${this.host.name} offered (${offered.fingerprint})`,
        { host: this.host.name, offered },
      );
    }
    this.options.pins.approve(
      { host: this.host.name, address: this.host.address, port: this.host.port, algorithm: offered.algorithm, fingerprint: offered.fingerprint },
      approvedBy,
    );
    this.offered = undefined;
    await this.connect();
  }

  /**
   * Queues one command; commands wait in the queue while the link is (re)connecting. A
   * read-only command in flight when the link drops is sent again (`retries`); one that changes
   * the site never is: it fails with `mayHaveRun`, or `unsure-if-submitted` for a SUBMIT.
   */
  run(command: LinkCommand, opts: RunOptions = {}): Promise<RunResult> {
    const name = command.submissionName;
    if (name !== undefined && this.unsure.has(name)) {
      return Promise.reject(
        new HostLinkError('unsure-if-submitted', `${name} may already be in a queue on ${this.host.name}: the queue must be asked before it is submitted again`, {
          host: this.host.name,
          submissionName: name,
          mayHaveRun: true,
        }),
      );
    }
    if (name !== undefined && this.submitted.has(name)) {
      return Promise.reject(
        new HostLinkError('already-submitted', `${name} was already submitted on ${this.host.name}; a submission is sent once`, {
          host: this.host.name,
          submissionName: name,
        }),
      );
    }
    if (!this.wanted || this.current.kind === 'disconnected' || this.current.kind === 'awaiting-host-key-approval') {
      return Promise.reject(this.notConnected());
    }
    return new Promise<RunResult>((resolve, reject) => {
      const job: Job = {
        command,
        timeoutMs: opts.timeoutMs ?? this.commandTimeoutMs,
        retriesLeft: command.mutates ? 0 : (opts.retries ?? this.readOnlyRetries),
        resolve,
        reject,
        waitTimer: undefined,
      };
      this.enqueue(job, false);
      this.pump();
    });
  }

  /**
   * The connection's file reader (SFTP on a channel of its own, so it never waits behind the
   * DCL session's queue). Fails with `not-connected` while the link is down; a read cut by a drop
   * fails and is asked again by its caller, which knows where it was.
   */
  files(): FileReader {
    const files = this.current.kind === 'connected' ? this.transport?.files : undefined;
    if (files === undefined) {
      if (this.current.kind === 'connected')
        throw new HostLinkError('file-unreadable', `${this.host.name} offers no way to read a file from an offset (no SFTP)`, { host: this.host.name });
      throw this.notConnected();
    }
    return files;
  }

  /** Whether a submission is in doubt after a drop (see ./submit-once). */
  isUnsure(submissionName: string): boolean {
    return this.unsure.has(submissionName);
  }

  /**
   * Records what the queue said about a submission in doubt: found there, or not (and so it may
   * be sent again). Only ./submit-once calls this, after asking the queue.
   */
  resolveSubmission(submissionName: string, found: boolean): void {
    this.unsure.delete(submissionName);
    if (found) this.submitted.add(submissionName);
  }

  /** Resolves when the link is connected; rejects after `timeoutMs` or when it stops trying. */
  whenConnected(timeoutMs: number): Promise<void> {
    if (this.current.kind === 'connected') return Promise.resolve();
    if (!this.wanted) return Promise.reject(this.notConnected());
    return new Promise<void>((resolve, reject) => {
      let stop = (): void => undefined;
      const timer = this.timers.setTimeout(() => {
        stop();
        reject(new HostLinkError('timeout', `${this.host.name} did not come back within ${timeoutMs / 1000} s`, { host: this.host.name }));
      }, timeoutMs);
      stop = this.onState((state) => {
        if (state.kind === 'connected') {
          stop();
          this.timers.clearTimeout(timer);
          resolve();
        } else if (state.kind === 'disconnected' || state.kind === 'awaiting-host-key-approval') {
          stop();
          this.timers.clearTimeout(timer);
          reject(this.notConnected());
        }
      });
    });
  }

  // --- connection ------------------------------------------------------------------------------

  private async attempt(): Promise<void> {
    this.opening = true;
    this.retryTimer = undefined;
    this.attemptsSinceUp++;
    this.setState({ kind: 'connecting', host: this.host.name, at: this.now(), attempt: this.attemptsSinceUp });
    let transport: LinkTransport;
    try {
      transport = await this.options.open({ host: this.host, pinned: this.options.pins.get(this.host.name) });
    } catch (raw) {
      this.opening = false;
      this.failedAttempt(asLinkError(raw, this.host.name));
      return;
    }
    this.opening = false;
    if (!this.wanted) {
      // disconnect() came while the connection was being opened
      transport.close();
      return;
    }
    this.transport = transport;
    this.failures = 0;
    this.attemptsSinceUp = 0;
    this.offered = undefined;
    if (transport.latencyMs !== undefined) this.lastLatencyMs = transport.latencyMs;
    transport.onDrop((error) => this.dropped(transport, error));
    this.setState({
      kind: 'connected',
      host: this.host.name,
      at: this.now(),
      mode: transport.mode,
      ...(this.lastLatencyMs === undefined ? {} : { latencyMs: this.lastLatencyMs }),
      warnings: transport.warnings,
    });
    this.settleConnectWaiters();
    this.pump();
  }

  private failedAttempt(error: HostLinkError): void {
    this.settleConnectWaiters(error);
    if (!this.wanted) return;
    if (error.code === 'host-key-unknown' && error.offered !== undefined) {
      this.offered = error.offered;
      this.wanted = false;
      this.failQueue(this.notConnected(error));
      this.setState({
        kind: 'awaiting-host-key-approval',
        host: this.host.name,
        at: this.now(),
        address: this.host.address,
        port: this.host.port,
        offered: error.offered,
        message: error.message,
      });
      return;
    }
    if (!isRetryable(error)) {
      // a changed key may be approved as a replacement once the operator has checked it
      this.offered = error.code === 'host-key-changed' ? error.offered : undefined;
      this.wanted = false;
      this.failures = 0;
      this.attemptsSinceUp = 0;
      this.failQueue(this.notConnected(error));
      this.setState({ kind: 'disconnected', host: this.host.name, at: this.now(), lastError: failureOf(error) });
      return;
    }
    this.failures++;
    this.scheduleRetry(error);
  }

  private dropped(transport: LinkTransport, error: HostLinkError): void {
    if (this.transport !== transport) return;
    this.transport = undefined;
    if (!this.wanted) return;
    this.failures = 1;
    this.attemptsSinceUp = 0;
    this.scheduleRetry(error);
  }

  private scheduleRetry(error: HostLinkError): void {
    const next = this.attemptsSinceUp + 1;
    const delayMs = backoffDelay(this.failures, this.backoff);
    this.setState({
      kind: 'reconnecting',
      host: this.host.name,
      at: this.now(),
      attempt: next,
      nextAttemptAt: new Date(this.clock.now().getTime() + delayMs).toISOString(),
      delayMs,
      lastError: failureOf(error),
    });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (this.wanted && !this.opening) void this.attempt();
    }, delayMs);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private settleConnectWaiters(error?: HostLinkError): void {
    const waiters = this.connectWaiters;
    this.connectWaiters = [];
    for (const waiter of waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
  }

  // --- queue -----------------------------------------------------------------------------------

  private enqueue(job: Job, atHead: boolean): void {
    if (atHead) this.queue.unshift(job);
    else this.queue.push(job);
    if (this.current.kind !== 'connected') this.startWaitTimer(job);
  }

  private startWaitTimer(job: Job): void {
    if (job.waitTimer !== undefined) return;
    job.waitTimer = this.timers.setTimeout(() => {
      const index = this.queue.indexOf(job);
      if (index < 0) return;
      this.queue.splice(index, 1);
      job.reject(
        new HostLinkError('not-connected', `${this.host.name} was not reachable within ${this.queueWaitMs / 1000} s; the command was not sent`, {
          host: this.host.name,
        }),
      );
    }, this.queueWaitMs);
  }

  private pump(): void {
    if (this.busy || this.transport === undefined) return;
    const job = this.queue.shift();
    if (job === undefined) return;
    if (job.waitTimer !== undefined) this.timers.clearTimeout(job.waitTimer);
    job.waitTimer = undefined;
    this.busy = true;
    void this.execute(this.transport, job).finally(() => {
      this.busy = false;
      this.pump();
    });
  }

  private async execute(transport: LinkTransport, job: Job): Promise<void> {
    const startedAt = this.timers.monotonicMs();
    const name = job.command.submissionName;
    try {
      const result = await transport.run(job.command.dcl, job.timeoutMs);
      if (result.latencyMs !== undefined) this.lastLatencyMs = result.latencyMs;
      // a SUBMIT the host refused queued nothing and may be corrected and sent again
      if (name !== undefined && isSuccess(result.status)) this.submitted.add(name);
      job.resolve({ ...result, elapsedMs: this.timers.monotonicMs() - startedAt });
    } catch (raw) {
      const error = asLinkError(raw, this.host.name);
      if (LINK_FAILURES.has(error.code)) {
        // the session is in an unknown state (or gone): start over on a fresh connection,
        // without waiting for the transport to report the drop itself
        transport.close();
        this.dropped(transport, error);
      }
      if (!error.mayHaveRun) {
        job.reject(error);
      } else if (!job.command.mutates && job.retriesLeft > 0 && this.wanted) {
        job.retriesLeft--;
        this.enqueue(job, true);
      } else if (name !== undefined) {
        this.unsure.add(name);
        job.reject(
          new HostLinkError(
            'unsure-if-submitted',
            `the link to ${this.host.name} failed while ${name} was being submitted (${error.message}); ` +
              `it is not sent again until the queue has been asked whether it arrived`,
            { host: this.host.name, submissionName: name, mayHaveRun: true, cause: error },
          ),
        );
      } else if (job.command.mutates) {
        job.reject(
          new HostLinkError(error.code, `${error.message}; the command may have run on ${this.host.name} and is not sent again`, {
            host: this.host.name,
            mayHaveRun: true,
            cause: error,
          }),
        );
      } else {
        job.reject(error);
      }
    }
  }

  private failQueue(error: HostLinkError): void {
    for (const job of this.queue.splice(0)) {
      if (job.waitTimer !== undefined) this.timers.clearTimeout(job.waitTimer);
      job.reject(error);
    }
  }

  // --- state -----------------------------------------------------------------------------------

  private setState(state: HostLinkState): void {
    this.current = state;
    if (state.kind !== 'connected') for (const job of this.queue) this.startWaitTimer(job);
    for (const listener of [...this.listeners]) listener(state);
  }

  private notConnected(cause?: HostLinkError): HostLinkError {
    const why = cause === undefined ? '' : `: ${cause.message}`;
    return new HostLinkError('not-connected', `${this.host.name} is not connected${why}`, { host: this.host.name, cause });
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

/** Failures after which the connection is not trusted any more. */
const LINK_FAILURES: ReadonlySet<string> = new Set(['link-dropped', 'timeout', 'framing-lost']);

function failureOf(error: HostLinkError): LinkFailure {
  return { code: error.code, message: error.message, ...(error.offered === undefined ? {} : { offered: error.offered }) };
}

function asLinkError(raw: unknown, host: string): HostLinkError {
  if (raw instanceof HostLinkError) return raw;
  const message = raw instanceof Error ? raw.message : String(raw);
  // an unexpected failure of a command in flight: assume the worst, it may have run
  return new HostLinkError('link-dropped', `the link to ${host} failed: ${message}`, { host, mayHaveRun: true, cause: raw });
}
