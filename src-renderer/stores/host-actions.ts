/** The links to the hosts and the queues: listed once, then kept current by main's events. */
import type { HostView } from '../../shared/api';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { attemptApplied, type Outcome } from './outcome';
import { shown } from './shown-error';

export async function listHosts(): Promise<void> {
  try {
    useConsole.getState().hostsListedAs(await getApi().request('hosts.list', {}));
  } catch (error) {
    useConsole.setState({ hostsError: shown(error) });
  }
}

/** The hosts for a screen that shows them: asked of main only if this site's were never listed. */
export function ensureHosts(): Promise<void> {
  return useConsole.getState().hostsListed ? Promise.resolve() : listHosts();
}

/** Every answer is the host's view as it is now. */
const onHost = (work: () => Promise<HostView>): Promise<Outcome<HostView>> => attemptApplied(work, (view) => useConsole.getState().hostChanged(view));

export const connectHost = (host: string) => onHost(() => getApi().request('hosts.connect', { host }));
export const disconnectHost = (host: string) => onHost(() => getApi().request('hosts.disconnect', { host }));
export const approveHostKey = (host: string, fingerprint: string) => onHost(() => getApi().request('hosts.approveKey', { host, fingerprint }));
export const setHostPassword = (host: string, password: string) => onHost(() => getApi().request('hosts.setPassword', { host, password }));

export async function readQueues(): Promise<void> {
  try {
    useConsole.getState().queuesRead(await getApi().request('queues.show', {}));
  } catch (error) {
    useConsole.setState({ queuesError: shown(error) });
  }
}

/** Main pushes every reading of the queues; a screen asks for one only if none has come yet. */
export function ensureQueues(): Promise<void> {
  return useConsole.getState().queues === null ? readQueues() : Promise.resolve();
}
