/** How long to wait between reconnection attempts: 1 s, 2 s, 4 s... up to a cap. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, maxMs: 60_000, factor: 2 };

/**
 * The delay before attempt `attempt` (1 for the first retry). No random jitter: there is one
 * console per computer room, so there is no herd to spread, and the operator sees exact times.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`a retry attempt is counted from 1 (got ${attempt})`);
  // computed stepwise so a large attempt count cannot overflow to Infinity before the cap
  let delay = policy.initialMs;
  for (let i = 1; i < attempt && delay < policy.maxMs; i++) delay *= policy.factor;
  return Math.min(delay, policy.maxMs);
}
