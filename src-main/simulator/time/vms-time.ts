/**
 * OpenVMS date and time text: absolute times (`3-AUG-2010 12:00:00.00`), delta times
 * (`0 01:02:03.04`) and the forms DCL accepts for /AFTER. Times are the host's local time.
 */
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

const two = (n: number) => String(n).padStart(2, '0');

/** `3-AUG-2010` or, padded to a fixed width as SHOW TIME and F$TIME() do, ` 3-AUG-2010`. */
export function vmsDate(at: Date, pad = false): string {
  const day = String(at.getDate());
  return `${pad ? day.padStart(2, ' ') : day}-${MONTHS[at.getMonth()]}-${at.getFullYear()}`;
}

/** `12:00:00.00`; without hundredths `12:00:00`. */
export function vmsClock(at: Date, hundredths = true): string {
  const base = `${two(at.getHours())}:${two(at.getMinutes())}:${two(at.getSeconds())}`;
  return hundredths ? `${base}.${two(Math.floor(at.getMilliseconds() / 10))}` : base;
}

/** `3-AUG-2010 12:00:00.00` (pad: ` 3-AUG-2010 ...`). */
export function vmsDateTime(at: Date, options: { pad?: boolean; hundredths?: boolean } = {}): string {
  return `${vmsDate(at, options.pad ?? false)} ${vmsClock(at, options.hundredths ?? true)}`;
}

/** A delta time `D HH:MM:SS.CC`, as the accounting trailer shows elapsed and CPU time. */
export function vmsDelta(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 10));
  const cc = total % 100;
  const seconds = Math.floor(total / 100);
  const days = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${days} ${two(h)}:${two(m)}:${two(s)}.${two(cc)}`;
}

/**
 * A DCL time value as /AFTER takes it: `12:00`, `12:00:00.00`, `TODAY`, `TOMORROW`, `TOMORROW+6:05`,
 * `3-AUG-2010`, `3-AUG-2010:12:00`, `3-AUG-2010 12:00`. Null when it is not a time.
 */
export function parseVmsTime(text: string, now: Date): Date | null {
  const value = text.trim().toUpperCase();
  const keyword = /^(TODAY|TOMORROW|YESTERDAY)(?:\+(.*))?$/.exec(value);
  if (keyword) {
    const base = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    if (keyword[1] === 'TOMORROW') base.setDate(base.getDate() + 1);
    if (keyword[1] === 'YESTERDAY') base.setDate(base.getDate() - 1);
    if (keyword[2] === undefined) return base;
    const delta = parseClock(keyword[2]);
    return delta === null ? null : new Date(base.getTime() + delta);
  }
  const absolute = /^(\d{1,2})-([A-Z]{3})-(\d{4})(?:[: ](.*))?$/.exec(value);
  if (absolute) {
    const month = MONTHS.indexOf(absolute[2] as string);
    if (month < 0) return null;
    const base = new Date(Number(absolute[3]), month, Number(absolute[1]));
    if (base.getDate() !== Number(absolute[1])) return null;
    if (absolute[4] === undefined || absolute[4] === '') return base;
    const offset = parseClock(absolute[4]);
    return offset === null ? null : new Date(base.getTime() + offset);
  }
  const offset = parseClock(value);
  if (offset === null) return null;
  const base = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return new Date(base.getTime() + offset);
}

/** `hh[:mm[:ss[.cc]]]` as milliseconds after midnight. */
function parseClock(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [h, m, s, c] = [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0), Number((match[4] ?? '0').padEnd(2, '0'))];
  if (h > 23 || m > 59 || s > 59) return null;
  return ((h * 60 + m) * 60 + s) * 1000 + c * 10;
}
