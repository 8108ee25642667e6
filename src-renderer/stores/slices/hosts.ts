/** The links to the site's hosts and the queues main reads on them, kept current by main's events. */
import type { StateCreator } from 'zustand';
import type { HostView, QueueSnapshot } from '../../../shared/api';
import type { ConsoleState } from '../console-store';
import type { ShownError } from '../shown-error';

export interface HostsSlice {
  /** One view per host of the site, in the profile's order. */
  hosts: HostView[];
  /** Whether hosts.list has answered for this site: until then `hosts` holds only what events told. */
  hostsListed: boolean;
  hostsError: ShownError | null;
  /** The last reading of the queues, or null before the first one reached this console. */
  queues: QueueSnapshot[] | null;
  queuesError: ShownError | null;
  /** A host's view as it is now, from an answer or an event: the newest to arrive is the truth. */
  hostChanged(view: HostView): void;
  hostsListedAs(views: HostView[]): void;
  /** A reading of the queues, unless the one held was taken later. */
  queuesRead(snapshots: QueueSnapshot[]): void;
  /** Another site profile: its hosts are others, to be listed again. */
  hostsForgotten(): void;
}

/** When a reading of the queues was taken: its latest answer's time (ISO times compare as text); '' for none. */
export function readingTime(snapshots: QueueSnapshot[]): string {
  return snapshots.reduce((latest, snapshot) => (snapshot.at > latest ? snapshot.at : latest), '');
}

export const createHostsSlice: StateCreator<ConsoleState, [], [], HostsSlice> = (set) => ({
  hosts: [],
  hostsListed: false,
  hostsError: null,
  queues: null,
  queuesError: null,
  hostChanged: (view) =>
    set((state) => ({
      hosts: state.hosts.some((h) => h.name === view.name) ? state.hosts.map((h) => (h.name === view.name ? view : h)) : [...state.hosts, view],
    })),
  hostsListedAs: (views) => set({ hosts: views, hostsListed: true, hostsError: null }),
  queuesRead: (snapshots) =>
    set((state) => (state.queues !== null && readingTime(state.queues) > readingTime(snapshots) ? {} : { queues: snapshots, queuesError: null })),
  hostsForgotten: () => set({ hosts: [], hostsListed: false, hostsError: null }),
});
