/**
 * The site's queues, polled once in main for every open console (instead of a timer in each tab)
 * and pushed to them through `onChange`. A poll waits for the one before it; a host that
 * connects is read at once rather than at the next tick.
 */
import type { QueueSnapshot } from '../../shared/api';
import type { Clock } from '../../shared/clock';
import type { SiteProfile } from '../../shared/site/schema';
import type { SiteLinks } from '../hosts';
import { noHostLinks } from './ask';
import { readSiteQueues } from './queues';

/** How often the queues are read while the console runs. */
export const QUEUE_POLL_MS = 5000;

export interface QueueWatchOptions {
  profile: SiteProfile;
  links: SiteLinks | undefined;
  clock: Clock;
  everyMs?: number;
  onChange(snapshots: QueueSnapshot[]): void;
  log(message: string): void;
}

export interface QueueWatch {
  /** The last reading, or null before the first one. */
  latest(): QueueSnapshot[] | null;
  /** Reads the queues now (or joins the reading under way) and answers it. */
  refresh(): Promise<QueueSnapshot[]>;
  close(): void;
}

/** What a reading shows, less the time of a "not connected" answer, which changes at every poll. */
function sameAsBefore(before: QueueSnapshot[] | null, after: QueueSnapshot[]): boolean {
  if (before === null) return false;
  const key = (list: QueueSnapshot[]) => JSON.stringify(list.map((s) => (s.info === null ? { ...s, at: '' } : s)));
  return key(before) === key(after);
}

export function watchQueues(options: QueueWatchOptions): QueueWatch {
  if (options.links === undefined) {
    const none = () => Promise.reject(noHostLinks());
    return { latest: () => null, refresh: none, close: () => undefined };
  }
  let latest: QueueSnapshot[] | null = null;
  let reading: Promise<QueueSnapshot[]> | null = null;
  let closed = false;

  function refresh(): Promise<QueueSnapshot[]> {
    reading ??= readSiteQueues(options.profile, options.links, () => options.clock.now())
      .then((snapshots) => {
        const changed = !sameAsBefore(latest, snapshots);
        latest = snapshots;
        if (changed && !closed) options.onChange(snapshots);
        return snapshots;
      })
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  const poll = () => void refresh().catch((error: unknown) => options.log(`the queues could not be read: ${(error as Error).message}`));
  const timer = setInterval(poll, options.everyMs ?? QUEUE_POLL_MS);
  timer.unref();
  const stopListening = options.links?.onChange((view) => {
    if (view.state.kind === 'connected' || view.state.kind === 'disconnected') poll();
  });
  poll();

  return {
    latest: () => latest,
    refresh,
    close() {
      closed = true;
      clearInterval(timer);
      stopListening?.();
    },
  };
}
