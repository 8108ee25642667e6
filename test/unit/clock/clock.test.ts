import { describe, expect, it } from 'vitest';
import { clockStartingAt, fixedClock, localDate, parseNow } from '../../../shared/clock';

describe('parseNow (--now)', () => {
  it('reads a local date and time, seconds optional, and a date alone as midnight', () => {
    expect(parseNow('2026-12-03T09:00')?.getTime()).toBe(new Date(2026, 11, 3, 9, 0).getTime());
    expect(parseNow('2026-12-03T09:00:30')?.getTime()).toBe(new Date(2026, 11, 3, 9, 0, 30).getTime());
    expect(parseNow('2026-12-03')?.getTime()).toBe(new Date(2026, 11, 3).getTime());
  });

  it('reads an instant with its offset', () => {
    expect(parseNow('2026-12-03T14:00:00Z')?.toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(parseNow('2026-12-03T14:00+02:00')?.toISOString()).toBe('2026-12-03T12:00:00.000Z');
  });

  it('refuses days and hours the calendar does not have, and words', () => {
    for (const text of ['2026-02-30T09:00', '2026-12-03T25:00', '2026-12-03T09:61', '2026-12-03T09:00:60', 'tomorrow', '', '2026-12-3']) {
      expect(parseNow(text), text).toBeNull();
    }
  });
});

describe('clockStartingAt', () => {
  it('starts at the given instant and runs at the pace of its base clock', () => {
    let real = new Date('2026-12-03T14:50:00Z').getTime();
    const base = { now: () => new Date(real) };
    const clock = clockStartingAt(new Date(2010, 7, 3, 7, 0), base);
    expect(localDate(clock.now())).toBe('2010-08-03');
    expect(clock.now().getHours()).toBe(7);
    real += 90 * 60 * 1000;
    expect(clock.now().getHours()).toBe(8);
    expect(clock.now().getMinutes()).toBe(30);
  });

  it('keeps a fixed clock fixed', () => {
    const at = new Date(2010, 7, 3, 7, 0);
    expect(
      clockStartingAt(new Date(2011, 0, 1), fixedClock(at))
        .now()
        .getTime(),
    ).toBe(new Date(2011, 0, 1).getTime());
  });
});
