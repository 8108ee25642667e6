/**
 * The OpenVMS message grammar.
 *
 * A message is `%FACILITY-S-IDENT, text`, followed by continuation lines `-FACILITY-S-IDENT, text`
 * that give its causes (an RMU write error, then the RMS reason "device full"). The severity S is
 * one of S (success), I (informational), W (warning), E (error), F (severe error).
 *
 * SET MESSAGE can turn parts off, and then the host prints `%SYSTEM-NOSUCHDEV, text` (no severity),
 * `%W-NOSUCHDEV, text` (no facility), `%SYSTEM-W, text` (no ident), `%SYSTEM-W-NOSUCHDEV` (no text),
 * or just the text. A part that was turned off is null here, unless the message catalogue knows the
 * message well enough to fill it in; `inferred` says when it did.
 *
 * The plan's rule for log files: "scan the log files for E or F severity codes and resolve those
 * problems first" -- hence isSevere().
 */
import { isKnownFacility, isKnownIdent, knownCandidates } from './message-catalogue';
import { isBlank, splitLines } from './parsers/lines';

export type Severity = 'S' | 'I' | 'W' | 'E' | 'F';

export const SEVERITIES: readonly Severity[] = ['S', 'I', 'W', 'E', 'F'];

/** One line of a message: the first (`%`), a continuation (`-`), or a bare text line (null). */
export interface MessageLine {
  lead: '%' | '-' | null;
  facility: string | null;
  severity: Severity | null;
  ident: string | null;
  text: string | null;
  /** True when facility, severity or ident was not printed but filled in from the catalogue. */
  inferred: boolean;
  /** 1-based line number in the text the message was read from. */
  line: number;
  /**
   * The last line, when a terminal wrapped the message at its width and the tail went onto the
   * lines below (see joinWrapped); absent for a message on one line.
   */
  endLine?: number;
}

export interface VmsMessage extends MessageLine {
  continuation: MessageLine[];
}

export interface FindOptions {
  /**
   * Also take a line that is only the text of a catalogued message ("no such entry") as a
   * message. Off by default: in a log file such a line may just be a program's output.
   */
  bareText?: boolean;
}

// A code part starts with a letter (or $ or _), so that "-1, ..." or a dashed rule is not a message.
const CODE_PART = '[A-Z$_][A-Z0-9$_]*';
const MESSAGE_LINE = new RegExp(`^\\s*([%-])(${CODE_PART}(?:-${CODE_PART}){0,2})(,(?: (.*))?)?$`);

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * The width at which a terminal wraps a long record onto the next line. A log read through an
 * 80-column terminal (TYPE, or a capture of the session) has its long messages cut there, with
 * the rest of the record starting in column 1 of the next line.
 */
export const TERMINAL_WIDTH = 80;

/**
 * The line a wrapped record makes when `tail` is the rest of `head`, or null when `head` does not
 * reach the terminal's width. Lines arrive with their trailing blanks removed, so a head one
 * short of the width was cut just after a blank, which is put back.
 */
export function joinWrapped(head: string, tail: string): string | null {
  if (head.length === TERMINAL_WIDTH) return head + tail;
  if (head.length === TERMINAL_WIDTH - 1 && !/^\s/.test(tail)) return `${head} ${tail}`;
  return null;
}

/** E or F: the plan says to investigate these first; I, S and W can be ignored. */
export function isSevere(severity: Severity | null | undefined): boolean {
  return severity === 'E' || severity === 'F';
}

/** Orders severities from harmless to worst: S, I, W, E, F. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The worst severity among messages and their continuations, or null when none shows one. */
export function worstSeverity(messages: readonly VmsMessage[]): Severity | null {
  let worst: Severity | null = null;
  for (const message of messages) {
    for (const part of [message, ...message.continuation]) {
      if (part.severity !== null && (worst === null || severityRank(part.severity) > severityRank(worst))) {
        worst = part.severity;
      }
    }
  }
  return worst;
}

/** "RMU-F-WRITEERR", or as much of it as is known. */
export function messageCode(message: MessageLine): string {
  return [message.facility, message.severity, message.ident].filter((part) => part !== null).join('-');
}

/** Which parts a prefix shows, when SET MESSAGE turned some off. */
function readParts(parts: string[]): { facility: string | null; severity: Severity | null; ident: string | null } | null {
  const [a, b, c] = parts;
  if (a === undefined) return null;
  if (c !== undefined && b !== undefined) {
    return isSeverity(b) ? { facility: a, severity: b, ident: c } : null;
  }
  if (b !== undefined) {
    if (isSeverity(a)) return { facility: null, severity: a, ident: b };
    if (isSeverity(b)) return { facility: a, severity: b, ident: null };
    return { facility: a, severity: null, ident: b };
  }
  if (isSeverity(a)) return { facility: null, severity: a, ident: null };
  // One word alone is a facility or an ident; an ident is the likelier part to be kept.
  if (isKnownFacility(a) && !isKnownIdent(a)) return { facility: a, severity: null, ident: null };
  return { facility: null, severity: null, ident: a };
}

function completeFromCatalogue(line: MessageLine): MessageLine {
  if (line.facility !== null && line.severity !== null && line.ident !== null) return line;
  const candidates = knownCandidates(line);
  const known = candidates[0];
  if (candidates.length !== 1 || known === undefined) return line;
  return { ...line, facility: known.facility, severity: known.severity, ident: known.ident, inferred: true };
}

/**
 * Reads one line as a message line, or null when it is not one. A line that is only text is a
 * message only with `bareText` and only when the catalogue knows the text.
 */
export function parseMessageLine(line: string, lineNumber = 1, options: FindOptions = {}): MessageLine | null {
  const match = MESSAGE_LINE.exec(line.trimEnd());
  if (match !== null) {
    const lead = match[1] === '%' ? '%' : '-';
    const words = (match[2] ?? '').split('-');
    const parts = readParts(words);
    const text = match[3] === undefined ? null : (match[4] ?? '');
    // A prefix alone ("%FOO") with nothing after it is too little to be sure of.
    if (parts === null || (text === null && words.length < 2)) return null;
    return completeFromCatalogue({ lead, ...parts, text, inferred: false, line: lineNumber });
  }
  if (options.bareText === true) {
    const text = line.trim();
    if (text === '') return null;
    const candidates = knownCandidates({ facility: null, severity: null, ident: null, text });
    const known = candidates[0];
    if (candidates.length === 1 && known !== undefined) {
      return { lead: null, facility: known.facility, severity: known.severity, ident: known.ident, text, inferred: true, line: lineNumber };
    }
  }
  return null;
}

/**
 * Every message in a text, in order, each with its continuation lines. A `-` line continues the
 * message before it when only blank lines lie between (a copied log may be double-spaced); a `-`
 * line with no message before it stands alone.
 */
export function findMessagesInLines(lines: readonly string[], options: FindOptions = {}, skip?: (index: number) => boolean): VmsMessage[] {
  const found: VmsMessage[] = [];
  let current: VmsMessage | null = null;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (skip?.(index) === true) {
      current = null;
      continue;
    }
    if (isBlank(line)) continue;
    const parsed = parseMessageLine(line, index + 1, options);
    if (parsed === null) {
      current = null;
    } else if (parsed.lead === '-' && current !== null) {
      current.continuation.push(parsed);
    } else {
      current = { ...parsed, continuation: [] };
      found.push(current);
    }
  }
  return found;
}

export function findMessages(text: string, options: FindOptions = {}): VmsMessage[] {
  return findMessagesInLines(splitLines(text), options);
}

/**
 * The messages of a text that holds nothing else (blank lines aside), or null when some line is
 * not a message. Bare catalogued texts count: this is how a parser tells "the host said no".
 */
export function parseMessages(text: string): VmsMessage[] | null {
  return messagesOnly(splitLines(text));
}

export function messagesOnly(lines: readonly string[]): VmsMessage[] | null {
  const nonBlank = lines.filter((line) => !isBlank(line)).length;
  if (nonBlank === 0) return null;
  const found = findMessagesInLines(lines, { bareText: true });
  const covered = found.reduce((count, message) => count + 1 + message.continuation.length, 0);
  return covered === nonBlank ? found : null;
}

/** One message and its continuations, and nothing else; null otherwise. */
export function parseMessage(text: string): VmsMessage | null {
  const messages = parseMessages(text);
  return messages !== null && messages.length === 1 ? (messages[0] ?? null) : null;
}
