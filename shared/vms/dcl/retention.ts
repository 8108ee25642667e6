/**
 * SUBMIT /RETAIN: whether, and how long, the queue manager keeps a job's entry once the job has
 * ended, so that SHOW QUEUE still lists it with its completion status.
 *
 * OpenVMS takes ALWAYS, DEFAULT (the queue's own policy: none unless the system manager set one),
 * ERROR (kept only when the job fails) and UNTIL=time. An UNTIL time is read first as a delta
 * time, then as a combination, then as an absolute time; a delta counts from the job's completion
 * (OpenVMS System Manager's Manual, "Specifying Timed Job Retention").
 *
 * The console accepts for UNTIL a delta `D-HH:MM[:SS[.CC]]` (the days always written, so that it
 * can never be taken for a time of day) or an absolute `DD-MMM-YYYY HH:MM[:SS[.CC]]`, written in
 * the colon form that needs no quotes (./after-time).
 */
import { accept, type Checked, describeInput, orThrow, refuse } from './dcl-build-error';
import { checkAfterTime } from './after-time';

export type JobRetention = 'ALWAYS' | 'DEFAULT' | 'ERROR' | { until: string };

/**
 * The retention of every SUBMIT the console sends: one day after the job ends.
 *
 * Why this and not /RETAIN=ALWAYS: before sending a SUBMIT again after a dropped link the console
 * asks the queue for the job's /NAME, and "absent" proves "never arrived" only if a job that has
 * already run would still be listed. A delta UNTIL keeps the entry for a day after the job ends
 * (however long it ran or was held by /AFTER), needs neither the console's clock nor agreement
 * between the console's and the host's clocks and time zones, and lets the queue manager remove
 * the entry by itself, so that no DELETE/ENTRY has to be sent, and none is forgotten when the
 * console is closed or the link is down at the end of the job.
 */
export const CONSOLE_RETENTION: JobRetention = { until: '1-00:00:00' };

const DELTA = /^(?<days>\d{1,4})-(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<hundredth>\d{2}))?)?$/u;
const ABSOLUTE_DATE = /^\d{1,2}-[A-Za-z]{3}-\d{4}[ :]/u;

const UNTIL_SYNTAX = 'an UNTIL time is D-HH:MM[:SS[.CC]] (after the job ends) or DD-MMM-YYYY HH:MM[:SS[.CC]], such as 1-00:00 or 26-NOV-2026 12:00';

/** The value of /RETAIN= for a retention, checked: `ALWAYS`, `UNTIL=1-00:00:00`, ... */
export function checkRetention(retention: JobRetention, field = 'retain'): Checked<string> {
  if (retention === 'ALWAYS' || retention === 'DEFAULT' || retention === 'ERROR') return accept(retention);
  if (typeof retention !== 'object' || retention === null || typeof retention.until !== 'string') {
    return refuse('wrong-type', field, `${field} must be ALWAYS, DEFAULT, ERROR or { until }, not ${describeInput(retention)}`);
  }
  const time = retention.until;
  const untilField = `${field}.until`;
  if (time.length === 0) return refuse('empty', untilField, `${untilField} is empty; ${UNTIL_SYNTAX}`);
  const delta = DELTA.exec(time)?.groups;
  if (delta !== undefined) {
    if (Number(delta['hour']) > 23 || Number(delta['minute']) > 59 || Number(delta['second'] ?? 0) > 59) {
      return refuse('out-of-range', untilField, `${untilField} ${describeInput(time)} is not a delta time (hours 0 to 23, minutes and seconds 0 to 59)`);
    }
    return accept(`UNTIL=${time}`);
  }
  if (!ABSOLUTE_DATE.test(time)) return refuse('bad-syntax', untilField, `${untilField} ${describeInput(time)} is not a time the console sends; ${UNTIL_SYNTAX}`);
  const absolute = checkAfterTime(time, untilField);
  return absolute.ok ? accept(`UNTIL=${absolute.value}`) : absolute;
}

export function assertRetention(retention: JobRetention, field = 'retain'): string {
  return orThrow(checkRetention(retention, field));
}

/** What a SUBMIT line asked of the queue manager for its finished entry. */
export type RetentionAsked = 'always' | 'until' | 'error' | 'default' | 'none';

/**
 * Reads /RETAIN out of a SUBMIT line (as built here, or typed with DCL's abbreviations):
 * 'none' when the line has none.
 */
export function retentionAsked(command: string): RetentionAsked {
  // a quoted parameter value could hold the same letters: read only what is outside quotes
  const unquoted = command.replace(/"(?:[^"]|"")*"/gu, '""');
  const match = /\/RET[A-Z]*=([A-Z]+)/iu.exec(unquoted);
  if (match === null) return 'none';
  const word = (match[1] ?? '').toUpperCase();
  const options: [string, RetentionAsked][] = [
    ['ALWAYS', 'always'],
    ['DEFAULT', 'default'],
    ['ERROR', 'error'],
    ['UNTIL', 'until'],
  ];
  // a keyword is recognised by any start of it: the four begin with four different letters
  const found = options.find(([name]) => name.startsWith(word));
  return found === undefined ? 'none' : found[1];
}

/** Whether an entry asked to be kept this way is still listed after the job ended, failed or not. */
export function keepsEveryEnd(asked: RetentionAsked): boolean {
  return asked === 'always' || asked === 'until';
}
