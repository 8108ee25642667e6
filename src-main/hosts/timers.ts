/**
 * Timer functions the link schedules with (DESIGN rule 6): tests pass fake ones so a run of
 * reconnections with backoff takes no real time.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on a clock that never goes back, for measuring latency and elapsed time. */
  monotonicMs(): number;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  monotonicMs: () => performance.now(),
};
