import type { WebSocket } from 'ws';
import type { Services } from '../app/services';
import type { RequestContext } from '../app/dispatch';

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

/** Carries the API over one WebSocket: one operator context per connection. */
export function handleSocket(ws: WebSocket, services: Services): void {
  const ctx: RequestContext = { operator: null };
  const stopListening = services.events.listen((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', stopListening);
  ws.on('message', async (data) => {
    const frame = readFrame(data);
    if (!frame) {
      ws.send(JSON.stringify({ id: null, result: { error: { code: 'bad-frame', message: 'unreadable request frame' } } }));
      return;
    }
    const result = await services.request(frame.name, frame.input, ctx);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.id, result }));
  });
}
