/**
 * The Status column of a queue entry: "Executing", "Pending", "Holding until 25-NOV-2026
 * 12:00:00.00", "Retained on error" and the rest. A status this list does not know is kept as
 * 'unknown' with its text (the parser warns), so that a host with a newer word still shows.
 */
import { parseVmsTime, type VmsTime } from './vms-time';

export type EntryState =
  | 'executing'
  | 'pending'
  | 'holding'
  | 'holding-until'
  | 'retained-on-completion'
  | 'retained-on-error'
  | 'retained'
  | 'aborting'
  | 'starting'
  | 'stalled'
  | 'suspended'
  | 'printing'
  | 'processing'
  | 'refused'
  | 'unknown';

export interface EntryStatus {
  state: EntryState;
  /** As printed. */
  text: string;
  /** For 'holding-until': when the job is released. */
  until: VmsTime | null;
  /** Anything printed after the state, such as a reason in parentheses. */
  detail: string | null;
}

const SIMPLE: readonly [RegExp, EntryState][] = [
  [/^retained on completion\b/i, 'retained-on-completion'],
  [/^retained on error\b/i, 'retained-on-error'],
  [/^retained\b/i, 'retained'],
  [/^executing\b/i, 'executing'],
  [/^pending\b/i, 'pending'],
  [/^holding\b/i, 'holding'],
  [/^aborting\b/i, 'aborting'],
  [/^starting\b/i, 'starting'],
  [/^stalled\b/i, 'stalled'],
  [/^suspended\b/i, 'suspended'],
  [/^printing\b/i, 'printing'],
  [/^processing\b/i, 'processing'],
  [/^refused\b/i, 'refused'],
];

/**
 * Reads a status. Returns null only for "Holding until" followed by something that is not a time:
 * the release time is the point of that status, so the caller reports the line as unreadable.
 */
export function parseEntryStatus(text: string): EntryStatus | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const until = /^holding until (.+)$/i.exec(trimmed);
  if (until !== null) {
    const time = parseVmsTime(until[1] ?? '');
    return time === null ? null : { state: 'holding-until', text: trimmed, until: time, detail: null };
  }
  for (const [pattern, state] of SIMPLE) {
    const match = pattern.exec(trimmed);
    if (match !== null) {
      const rest = trimmed.slice(match[0].length).trim();
      return { state, text: trimmed, until: null, detail: rest === '' ? null : rest };
    }
  }
  return { state: 'unknown', text: trimmed, until: null, detail: null };
}
