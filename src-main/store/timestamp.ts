/**
 * Stored times are ISO 8601 with milliseconds and the workstation's UTC offset
 * (`2026-11-25T08:30:00.000-05:00`): readable as local time in a raw dump of the file, yet
 * still one exact instant for `Date.parse`.
 */
export function formatTimestamp(date: Date, offsetMinutes: number = -date.getTimezoneOffset()): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('cannot store an invalid date');
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
