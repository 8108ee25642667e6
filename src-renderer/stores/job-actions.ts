/** The job chains: listed once, followed by day, their logs read a window at a time, and each view told to the notifier. */
import type { ChainView, LogLinesView } from '../../shared/api';
import { notifyChain } from '../notifications';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { attempt, type Outcome } from './outcome';
import { chainTime } from './slices/jobs';
import { shown } from './shown-error';

/**
 * A chain's view from an event or an answer: held if newer than the one held, and then told to
 * the notifier with the view it replaces (a chain that just ended was live a moment ago).
 */
export function chainArrived(chain: ChainView, localMs = Date.now()): void {
  const state = useConsole.getState();
  const before = state.chains[chain.id] ?? null;
  if (!state.chainChanged(chain)) return;
  state.consoleTimeSeen(chainTime(chain), localMs);
  notifyChain(chain, before);
}

export async function listChains(): Promise<void> {
  try {
    const chains = await getApi().request('jobs.chains', {});
    const state = useConsole.getState();
    const before = state.chains;
    state.chainsListedAs(chains);
    const localMs = Date.now();
    for (const chain of chains) {
      state.consoleTimeSeen(chainTime(chain), localMs);
      notifyChain(chain, before[chain.id] ?? null);
    }
  } catch (error) {
    useConsole.setState({ chainsError: shown(error) });
  }
}

export function ensureChains(): Promise<void> {
  return useConsole.getState().chainsListed ? Promise.resolve() : listChains();
}

/** Another profile loaded: its chains are others, asked for again if a screen had them. */
export function chainsAfterSiteChange(): Promise<void> {
  const listed = useConsole.getState().chainsListed;
  useConsole.getState().chainsForgotten();
  return listed ? listChains() : Promise.resolve();
}

/** Follows the chain of a day (main starts following it if it did not) and opens it on the Jobs screen. */
export async function followDay(date: string): Promise<Outcome<ChainView>> {
  const outcome = await attempt(() => getApi().request('jobs.follow', { date }));
  if (outcome.ok) {
    chainArrived(outcome.value);
    useConsole.getState().chainOpened(outcome.value.id);
  }
  return outcome;
}

/** The most lines one jobs.log request may ask for. */
export const LOG_WINDOW_MAX = 2000;

export function readLogWindow(chainId: string, job: string, from: number, count: number): Promise<Outcome<LogLinesView>> {
  return attempt(() => getApi().request('jobs.log', { chainId, job, from: Math.max(1, from), count: Math.min(LOG_WINDOW_MAX, Math.max(1, count)) }));
}
