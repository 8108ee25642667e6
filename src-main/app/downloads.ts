/**
 * Files the browser shell streams to the browser instead of sending them over the WebSocket
 * whole (the audit log of years can be hundreds of megabytes): a request offers one and gets a
 * one-time path on the console's own origin; the server takes it once, within a few minutes.
 */
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { Clock } from '../../shared/clock';

export interface Download {
  fileName: string;
  mime: string;
  /** Writes the file to `out` and ends it. */
  write(out: Writable): Promise<unknown>;
}

/** How long an offered download waits to be taken. */
const OFFER_MS = 5 * 60 * 1000;
const PREFIX = '/downloads/';

export interface Downloads {
  /** The path the browser fetches the file from. */
  offer(download: Download): string;
  /** The download behind a path, once; undefined when unknown, taken or too old. */
  take(path: string): Download | undefined;
}

export function createDownloads(clock: Clock): Downloads {
  const offered = new Map<string, { download: Download; until: number }>();
  return {
    offer(download) {
      const now = clock.now().getTime();
      for (const [key, entry] of offered) if (entry.until < now) offered.delete(key);
      const ticket = randomBytes(18).toString('base64url');
      offered.set(ticket, { download, until: now + OFFER_MS });
      return `${PREFIX}${ticket}`;
    },
    take(path) {
      if (!path.startsWith(PREFIX)) return undefined;
      const ticket = path.slice(PREFIX.length);
      const entry = offered.get(ticket);
      offered.delete(ticket);
      return entry !== undefined && entry.until >= clock.now().getTime() ? entry.download : undefined;
    },
  };
}
