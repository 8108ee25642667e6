/**
 * The reference checks quote names and texts of the profile whole (`unknown host "X"`,
 * `"A" differs from tapes.media "B"`); a text of the file may be anything, of any length. Each
 * one longer than an excerpt is cut in the messages, here, for every check at once.
 */
import { EXCERPT_LENGTH, excerpt } from '../../shared/site/problems';

/** The messages with every string of `data` longer than an excerpt replaced by its excerpt. */
export function excerptValuesIn(messages: readonly string[], data: unknown): string[] {
  const longest = Math.max(0, ...messages.map((m) => m.length));
  const long = longStringsOf(data, longest);
  if (long.length === 0) return [...messages];
  return messages.map((message) => {
    let out = message;
    // the longer first, so that a text holding a shorter one is cut whole
    for (const value of long) if (value.length <= out.length && out.includes(value)) out = out.split(value).join(excerpt(value));
    return out;
  });
}

/** Strings (values and keys) longer than an excerpt and no longer than `upTo`, longest first. */
function longStringsOf(data: unknown, upTo: number): string[] {
  const found = new Set<string>();
  const seen = new Set<object>();
  // a stack rather than recursion, and each object once: aliases share them
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node === 'string') {
      if (node.length > EXCERPT_LENGTH && node.length <= upTo) found.add(node);
    } else if (typeof node === 'object' && node !== null && !seen.has(node)) {
      seen.add(node);
      if (Array.isArray(node)) for (const item of node) pending.push(item);
      else
        for (const [key, value] of Object.entries(node)) {
          pending.push(key, value);
        }
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}
