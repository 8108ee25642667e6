/**
 * How often the batch system writes a job's buffered output to its log file. HP OpenVMS DCL
 * Dictionary, SET OUTPUT_RATE: a batch job's log is written to disk once a minute by default;
 * `$ SET OUTPUT_RATE=delta` changes that for the job, and SET OUTPUT_RATE alone writes it now and
 * keeps the default. A console following the log sees a line only once it has been written.
 */
export const DEFAULT_OUTPUT_RATE_MS = 60_000;

/** `[d-]hh:mm:ss[.cc]` or `hh:mm` as milliseconds; null when it is not a delta time. */
function deltaMs(text: string): number | null {
  const match = /^(?:(\d{1,4})-)?(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (match === null) return null;
  const [d, h, m, s] = [1, 2, 3, 4].map((i) => Number(match[i] ?? 0)) as [number, number, number, number];
  const cc = Number((match[5] ?? '0').padEnd(2, '0'));
  if (h > 23 || m > 59 || s > 59) return null;
  return (((d * 24 + h) * 60 + m) * 60 + s) * 1000 + cc * 10;
}

/** The output rate a procedure's text sets (its last SET OUTPUT_RATE), else the default. */
export function outputRateOf(records: readonly string[] | null): number {
  let rate = DEFAULT_OUTPUT_RATE_MS;
  for (const record of records ?? []) {
    const line = record
      .replace(/^\s*\$\s*/, '')
      .replace(/!.*$/, '')
      .trim()
      .toUpperCase();
    const set = /^SET\s+OUTPUT_RATE\s*(?:=\s*(\S+))?$/.exec(line);
    if (set === null) continue;
    const ms = set[1] === undefined ? null : deltaMs(set[1]);
    // a zero or unreadable rate leaves the default: DCL would refuse the command
    if (ms !== null && ms > 0) rate = ms;
  }
  return rate;
}
