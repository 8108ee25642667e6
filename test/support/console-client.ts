/**
 * A Node client for the browser shell: raw HTTP requests (with any Host header and any path, as
 * a hostile page or tool could send them) and a WebSocket speaking the console's frames.
 */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { WebSocket } from 'ws';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** GET `path` exactly as written (no URL normalisation), with the Host header given. */
export function httpGet(port: number, path: string, options: { host?: string; agent?: Agent | false; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        headers: { Host: options.host ?? `127.0.0.1:${port}` },
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 3000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${path} within ${options.timeoutMs ?? 3000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP status with which the server refuses a WebSocket upgrade; rejects if it accepts it. */
export function upgradeRefusal(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin === undefined ? {} : { origin });
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('open', () => {
      ws.terminate();
      reject(new Error(`the upgrade to ${url} with origin ${String(origin)} was accepted`));
    });
    ws.on('error', (error) => reject(error));
  });
}

export interface EventFrame {
  event: string;
  payload: unknown;
}

export interface AnswerFrame {
  id: number | null;
  result: { ok?: unknown; error?: { code: string; message: string; details?: unknown } };
}

/** One open console connection: sends request frames and keeps every frame it receives. */
export class ConsoleSocket {
  readonly frames: unknown[] = [];
  private readonly waiters: { match: (frame: unknown) => boolean; resolve: (frame: unknown) => void }[] = [];
  private nextId = 1;
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      this.frames.push(frame);
      for (const waiter of [...this.waiters]) {
        if (waiter.match(frame)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static open(url: string, origin: string): Promise<ConsoleSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin });
      const socket = new ConsoleSocket(ws);
      ws.once('open', () => resolve(socket));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    });
  }

  /** The next received frame that matches, including one already received and not yet taken. */
  waitFor(match: (frame: unknown) => boolean, timeoutMs = 3000): Promise<unknown> {
    const seen = this.frames.find(match);
    if (seen !== undefined) {
      this.frames.splice(this.frames.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(frame), 1);
          resolve(frame);
        },
      });
    });
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  async request(name: string, input: unknown): Promise<AnswerFrame> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, name, input }));
    return (await this.waitFor((f) => isAnswer(f) && f.id === id)) as AnswerFrame;
  }

  event(name: string, timeoutMs?: number): Promise<EventFrame> {
    return this.waitFor((f) => isEvent(f) && f.event === name, timeoutMs) as Promise<EventFrame>;
  }

  close(): void {
    this.ws.terminate();
  }
}

export function isAnswer(frame: unknown): frame is AnswerFrame {
  return typeof frame === 'object' && frame !== null && 'id' in frame && 'result' in frame;
}

export function isEvent(frame: unknown): frame is EventFrame {
  return typeof frame === 'object' && frame !== null && 'event' in frame;
}
