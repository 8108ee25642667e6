import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ApiResult } from '../../shared/errors';

/** Who is asking: one per browser tab (the same shape as the services' own context). */
export interface RequestContext {
  operator: string | null;
}

/** What the browser shell needs of the services: answer a request, and tell of every event. */
export interface ApiEndpoint {
  request(name: unknown, input: unknown, ctx: RequestContext): Promise<ApiResult<unknown>>;
  readonly events: {
    /** Returns the function that unsubscribes. */
    listen(listener: (event: string, payload: unknown) => void): () => void;
  };
  /** A file a request offered at a one-time path (`/downloads/…`), taken once. */
  takeDownload?(path: string): StreamedDownload | undefined;
}

export interface StreamedDownload {
  fileName: string;
  mime: string;
  /** Writes the file to `out` and ends it. */
  write(out: Writable): Promise<unknown>;
}

/** How much of the server's memory one connection may hold before it is closed. */
export interface SocketLimits {
  /** Requests of one connection being handled at the same time. */
  maxInFlight: number;
  /**
   * Bytes queued for one connection and not yet taken by it, behind the frame being sent: one
   * answer however large (an export) may be on its way; what piles up behind it is bounded.
   */
  maxUnsentBytes: number;
}

// The console's own page has at most a handful of requests out at once and reads every answer at
// once; these are far above that and far below what would hurt the other tabs (see the report).
export const defaultSocketLimits: SocketLimits = { maxInFlight: 64, maxUnsentBytes: 16 * 1024 * 1024 };

/** Close code for a connection that broke the limits (RFC 6455 §7.4.1: policy violation). */
export const CLOSE_OVER_LIMIT = 1008;

/** Frames on the wire: requests from the page, answers and events from main. */
interface RequestFrame {
  id: number;
  name: string;
  input: unknown;
}

function readFrame(data: unknown): RequestFrame | null {
  try {
    const frame: unknown = JSON.parse(String(data));
    if (typeof frame !== 'object' || frame === null) return null;
    const { id, name, input } = frame as Record<string, unknown>;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || typeof name !== 'string') return null;
    return { id, name, input };
  } catch {
    return null;
  }
}

function mebibytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

export interface SocketOptions {
  limits: SocketLimits;
  /** One line per connection the server closed because of what the client did. */
  log: (line: string) => void;
}

/** Carries the API over one WebSocket: one operator context per connection, its memory bounded. */
export function handleSocket(ws: WebSocket, endpoint: ApiEndpoint, { limits, log }: SocketOptions): void {
  const ctx: RequestContext = { operator: null };
  let inFlight = 0;
  let open = true;
  // sizes of the frames handed to ws and not yet written out, oldest first
  const unsent: number[] = [];
  const backlog = () => ws.bufferedAmount - (unsent[0] ?? 0);

  const stopListening = endpoint.events.listen((event, payload) => deliver({ event, payload }));

  // Once closing, nothing more is read into work or queued to send: what was asked is dropped.
  function shut(code: number, reason: string): void {
    if (!open) return;
    open = false;
    stopListening();
    log(`closed a console connection: ${reason}`);
    ws.close(code, reason);
  }

  function deliver(frame: object): void {
    if (!open || ws.readyState !== ws.OPEN) return;
    if (backlog() > limits.maxUnsentBytes) {
      shut(CLOSE_OVER_LIMIT, `more than ${mebibytes(limits.maxUnsentBytes)} of answers left unread`);
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch (error) {
      const id = 'id' in frame ? frame.id : null;
      text = JSON.stringify({ id, result: { error: { code: 'internal', message: `unsendable answer: ${(error as Error).message}` } } });
    }
    unsent.push(Buffer.byteLength(text));
    ws.send(text, () => unsent.shift());
  }

  async function answer(frame: RequestFrame): Promise<void> {
    inFlight += 1;
    let result: ApiResult<unknown>;
    try {
      result = await endpoint.request(frame.name, frame.input, ctx);
    } catch (error) {
      result = { error: { code: 'internal', message: `${frame.name.slice(0, 80)} failed: ${(error as Error).message}` } };
    } finally {
      inFlight -= 1;
    }
    deliver({ id: frame.id, result });
  }

  // ws has already closed the connection with its own code (1002, 1007, 1009…) when it reports a
  // frame it cannot accept; without a listener the error would end the whole process.
  ws.on('error', (error) => {
    open = false;
    stopListening();
    log(`closed a console connection: ${error.message}`);
  });
  ws.on('close', () => {
    open = false;
    stopListening();
  });
  ws.on('message', (data) => {
    if (!open) return;
    if (inFlight >= limits.maxInFlight) {
      shut(CLOSE_OVER_LIMIT, `more than ${limits.maxInFlight} requests at once`);
      return;
    }
    const frame = readFrame(data);
    if (!frame) {
      deliver({ id: null, result: { error: { code: 'bad-frame', message: 'unreadable request frame' } } });
      return;
    }
    void answer(frame);
  });
}
