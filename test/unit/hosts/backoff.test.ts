import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from '../../../src-main/hosts/backoff';

describe('reconnection backoff', () => {
  it('waits 1 s, 2 s, 4 s... up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    expect(DEFAULT_BACKOFF.maxMs).toBe(60_000);
  });

  it('never shrinks and never passes the cap, however many attempts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
        expect(backoffDelay(n + 1)).toBeGreaterThanOrEqual(backoffDelay(n));
        expect(backoffDelay(n)).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
      }),
    );
  });

  it('counts attempts from 1', () => {
    expect(() => backoffDelay(0)).toThrow(RangeError);
    expect(() => backoffDelay(1.5)).toThrow(RangeError);
  });
});
