/** The days' job chains, each held at its newest view, and the console's clock as the chains tell it. */
import type { StateCreator } from 'zustand';
import type { ChainView } from '../../../shared/api';
import type { ConsoleState } from '../console-store';
import type { ShownError } from '../shown-error';

/**
 * A reading of main's clock and this window's clock at the same moment. Main's clock may be pinned
 * or run faster than this window's (a simulated day), so "how long ago" on screen is counted from
 * the latest time main reported, never from this window's date.
 */
export interface ClockReading {
  consoleMs: number;
  localMs: number;
}

export interface JobsSlice {
  /** By chain id. Chains told by events are kept even before jobs.chains has answered. */
  chains: Record<string, ChainView>;
  chainsListed: boolean;
  chainsError: ShownError | null;
  /** The chain the Jobs screen shows; null: today's. */
  openChainId: string | null;
  consoleClock: ClockReading | null;
  /**
   * A chain's view, from an answer or an event, which reach the console in either order: it
   * replaces the one held only if it is newer (a higher `seq`). Whether it did is returned.
   */
  chainChanged(chain: ChainView): boolean;
  chainsListedAs(chains: ChainView[]): void;
  chainOpened(chainId: string | null): void;
  /** Main reported a time of its clock (`at`, ISO) at this window's `localMs`. */
  consoleTimeSeen(at: string, localMs: number): void;
  /** Another site profile: its chains are others, and count their `seq` afresh. */
  chainsForgotten(): void;
}

/** The chains with `chain` in them, unless they already hold this view of it or a newer one. */
export function withChain(chains: Record<string, ChainView>, chain: ChainView): Record<string, ChainView> {
  const held = chains[chain.id];
  if (held !== undefined && held.seq >= chain.seq) return chains;
  return { ...chains, [chain.id]: chain };
}

/** The latest time a chain's view reports of main's clock: when it was made, or a reading it holds. */
export function chainTime(chain: ChainView): string {
  const times = [chain.updatedAt, chain.queuesAt, ...chain.jobs.map((job) => job.log.readAt)];
  return times.reduce<string>((latest, at) => (at !== null && at > latest ? at : latest), '');
}

/** Main's clock now, by the latest reading and the time this window has counted since. */
export function consoleNowMs(reading: ClockReading | null, localMs: number): number | null {
  if (reading === null) return null;
  return reading.consoleMs + Math.max(0, localMs - reading.localMs);
}

export const createJobsSlice: StateCreator<ConsoleState, [], [], JobsSlice> = (set, get) => ({
  chains: {},
  chainsListed: false,
  chainsError: null,
  openChainId: null,
  consoleClock: null,
  chainChanged: (chain) => {
    const before = get().chains;
    const after = withChain(before, chain);
    if (after === before) return false;
    set({ chains: after });
    return true;
  },
  chainsListedAs: (list) =>
    set((state) => {
      // what an event told meanwhile may be newer than the list, and a chain it told may be missing from it
      const listed = list.reduce((chains, chain) => withChain(chains, chain), {} as Record<string, ChainView>);
      const merged = Object.values(state.chains).reduce((chains, held) => withChain(chains, held), listed);
      return { chains: merged, chainsListed: true, chainsError: null };
    }),
  chainOpened: (openChainId) => set({ openChainId }),
  consoleTimeSeen: (at, localMs) => {
    const consoleMs = Date.parse(at);
    if (!Number.isFinite(consoleMs)) return;
    const held = get().consoleClock;
    // an older report reaching the window late does not set the clock back; a newer one is the truth,
    // even when it is behind this window's count (main's clock may be pinned or run slower)
    if (held !== null && held.consoleMs > consoleMs) return;
    set({ consoleClock: { consoleMs, localMs } });
  },
  chainsForgotten: () => set({ chains: {}, chainsListed: false, chainsError: null, openChainId: null }),
});
