import type { PinnedHostKey } from '../../../src-main/hosts/host-key-check';
import type { HostKeyPins } from '../../../src-main/hosts/host-link';
import { HostLinkError } from '../../../src-main/hosts/host-link-error';
import type { LinkTransport, OpenTransport, TransportRequest, TransportRunResult } from '../../../src-main/hosts/link-transport';

type Answer = (command: string) => TransportRunResult | Promise<TransportRunResult>;

/** One fake connection: answers commands with `answer`, and can be dropped by the test. */
export class FakeTransport implements LinkTransport {
  readonly mode = 'shell' as const;
  readonly warnings: string[] = [];
  readonly latencyMs = 12;
  readonly sent: string[] = [];
  closed = false;
  private dropListener: ((error: HostLinkError) => void) | undefined;
  private inFlight: ((error: HostLinkError) => void) | undefined;

  constructor(private readonly answer: Answer) {}

  run(dcl: { command: string }): Promise<TransportRunResult> {
    if (this.closed) return Promise.reject(new HostLinkError('link-dropped', 'closed', { mayHaveRun: false }));
    this.sent.push(dcl.command);
    return new Promise<TransportRunResult>((resolve, reject) => {
      this.inFlight = reject;
      Promise.resolve()
        .then(() => this.answer(dcl.command))
        .then(
          (result) => {
            if (this.inFlight === reject) resolve(result);
          },
          (error: unknown) => reject(error),
        );
    });
  }

  onDrop(listener: (error: HostLinkError) => void): void {
    this.dropListener = listener;
  }

  close(): void {
    this.closed = true;
  }

  /** The link dies: a command in flight fails, then the drop is reported. */
  drop(): void {
    this.closed = true;
    const error = new HostLinkError('link-dropped', 'the link to BLT4 dropped: connection reset', { mayHaveRun: true });
    this.inFlight?.(error);
    this.inFlight = undefined;
    this.dropListener?.(error);
  }
}

/** What each connection attempt does, in order; the last one repeats. */
export type Attempt = { fail: HostLinkError } | { answer: Answer } | { hang: true };

export class FakeNetwork {
  readonly requests: TransportRequest[] = [];
  readonly transports: FakeTransport[] = [];
  private readonly attempts: Attempt[];

  constructor(...attempts: Attempt[]) {
    this.attempts = attempts;
  }

  readonly open: OpenTransport = (request) => {
    this.requests.push(request);
    const attempt = (this.attempts.length > 1 ? this.attempts.shift() : this.attempts[0]) as Attempt;
    if ('fail' in attempt) return Promise.reject(attempt.fail);
    if ('hang' in attempt) return new Promise<LinkTransport>(() => undefined);
    const transport = new FakeTransport(attempt.answer);
    this.transports.push(transport);
    return Promise.resolve(transport);
  };

  get last(): FakeTransport {
    const transport = this.transports.at(-1);
    if (transport === undefined) throw new Error('no connection was made');
    return transport;
  }
}

export const ok = (output = ''): TransportRunResult => ({ output, status: 1, statusHex: '%X00000001' });

export class MemoryPins implements HostKeyPins {
  readonly pins = new Map<string, PinnedHostKey>();

  get(host: string): PinnedHostKey | undefined {
    return this.pins.get(host);
  }

  approve(key: Omit<PinnedHostKey, 'approvedBy' | 'approvedAt'>, approvedBy: string): PinnedHostKey {
    const pin = { ...key, approvedBy, approvedAt: '2026-11-25T08:00:00.000Z' };
    this.pins.set(key.host, pin);
    return pin;
  }
}
