import type { ApiEvents, ConsoleApi, EventName, RequestName } from '../../shared/api';
import { isApiError, type ApiResult } from '../../shared/errors';
import { ConsoleApiError } from './api-error';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The browser shell's client: the same requests and events over one WebSocket. */
export function createSocketApi(url: string): ConsoleApi {
  const pending = new Map<number, Pending>();
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  function failAll(message: string): void {
    for (const waiting of pending.values()) waiting.reject(new ConsoleApiError({ code: 'disconnected', message }));
    pending.clear();
  }

  function connect(): Promise<WebSocket> {
    if (opened && socket && socket.readyState <= WebSocket.OPEN) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new ConsoleApiError({ code: 'disconnected', message: 'cannot reach the console server' }));
      ws.onclose = () => {
        opened = null;
        failAll('the connection to the console server was closed; reload the page');
      };
      ws.onmessage = (message) => {
        const frame = JSON.parse(String(message.data)) as { id?: number; result?: ApiResult<unknown>; event?: string; payload?: unknown };
        if (typeof frame.event === 'string') {
          for (const handler of handlers.get(frame.event) ?? []) handler(frame.payload);
          return;
        }
        const waiting = typeof frame.id === 'number' ? pending.get(frame.id) : undefined;
        if (!waiting || !frame.result) return;
        pending.delete(frame.id as number);
        if (isApiError(frame.result)) waiting.reject(new ConsoleApiError(frame.result.error));
        else waiting.resolve((frame.result as { ok: unknown }).ok);
      };
    });
    return opened;
  }

  return {
    async request(name: RequestName, input: unknown) {
      const ws = await connect();
      const id = nextId++;
      return new Promise<unknown>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, name, input }));
      });
    },
    subscribe<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler as (payload: unknown) => void);
      handlers.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(handler as (payload: unknown) => void);
    },
  } as ConsoleApi;
}
