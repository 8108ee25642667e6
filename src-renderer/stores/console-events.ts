/**
 * The one place that listens to main: every event of the contract, subscribed once when the
 * console starts, applied to its slice of the store whether or not a screen shows it.
 */
import { apiEventNames, type ApiEvents, type ConsoleApi, type EventName } from '../../shared/api';
import { useConsole } from './console-store';
import { chainArrived, chainsAfterSiteChange } from './job-actions';
import { readingTime } from './slices/hosts';
import { followSite } from './site-actions';

// a mapped type: an event added to the contract does not compile until it is handled here
const onEvent: { [E in EventName]: (payload: ApiEvents[E]) => void } = {
  'audit.appended': (entry) => useConsole.getState().auditAppended(entry),
  'site.changed': (site) => void Promise.all([followSite(site), chainsAfterSiteChange()]),
  'hosts.changed': (view) => useConsole.getState().hostChanged(view),
  'procedures.changed': (run) => useConsole.getState().runChanged(run),
  'queues.changed': (snapshots) => {
    useConsole.getState().queuesRead(snapshots);
    // the queues are read every few seconds: the freshest report of main's clock between chain changes
    const at = readingTime(snapshots);
    if (at !== '') useConsole.getState().consoleTimeSeen(at, Date.now());
  },
  'jobs.changed': (chain) => chainArrived(chain),
};

function subscribe<E extends EventName>(api: ConsoleApi, event: E): () => void {
  return api.subscribe(event, onEvent[event]);
}

let listening: { api: ConsoleApi; stop: () => void } | null = null;

/** Subscribes to every event on `api`; again for the same client changes nothing. */
export function listenToMain(api: ConsoleApi): void {
  if (listening?.api === api) return;
  stopListening();
  const stops = apiEventNames.map((event) => subscribe(api, event));
  listening = { api, stop: () => stops.forEach((stop) => stop()) };
}

export function stopListening(): void {
  listening?.stop();
  listening = null;
}
