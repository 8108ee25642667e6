/** Time is injected (DESIGN rule 6): everything that needs "now" takes a Clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that always answers the same instant; for tests and planning ahead. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

/**
 * A clock that reads `at` when it is made and then runs at the pace of `base`: what `--now`
 * gives a long-running command, so that a pinned day still has moving hours and minutes.
 */
export function clockStartingAt(at: Date, base: Clock = systemClock): Clock {
  const offset = at.getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  const y = String(at.getFullYear()).padStart(4, '0');
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const LOCAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads `--now`: a local date and time (`2026-12-03T09:00`, seconds optional; a date alone is
 * midnight), or an instant with its offset (`2026-12-03T14:00:00Z`). Null when it is neither, or
 * names a day the calendar does not have.
 */
export function parseNow(text: string): Date | null {
  const local = LOCAL_INSTANT.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
    const at = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    const roundTrips =
      at.getFullYear() === Number(y) && at.getMonth() === Number(mo) - 1 && at.getDate() === Number(d) && at.getHours() === Number(h) && at.getMinutes() === Number(mi);
    return roundTrips && Number(s) < 60 ? at : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at;
}
