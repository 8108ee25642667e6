/**
 * Reads the byte stream of an interactive OpenVMS session as a VT100 would, keeping only the
 * text: escape sequences and fill characters (NULs) are removed, and the queries the host sends
 * to identify the terminal (SET TERMINAL/INQUIRE at login) are answered, because an unanswered
 * inquiry holds the login up until it times out.
 *
 * The stream is decoded as Latin-1 (one character per byte: OpenVMS uses DEC MCS, close to it)
 * so that a chunk boundary can never split a character; a sequence split across chunks is held
 * back until the rest arrives.
 */

/** A VT100 with the Advanced Video Option answers Device Attributes with this. */
export const VT100_DEVICE_ATTRIBUTES = '\x1b[?1;2c';
/** Device Status Report: "terminal OK". */
const VT100_STATUS_OK = '\x1b[0n';
/** Cursor Position Report; the link never moves the cursor, so home is as good as any. */
const VT100_CURSOR_AT_HOME = '\x1b[1;1R';

const ESC = '\x1b';
const CSI8 = '\x9b';
const BEL = '\x07';

export interface FilteredChunk {
  /** The text, with CR and LF as the host sent them. */
  text: string;
  /** Answers to send back to the host, in order. */
  replies: string[];
}

export class TerminalFilter {
  /** An escape sequence whose end has not arrived yet. */
  private pending = '';

  push(chunk: string): FilteredChunk {
    const input = this.pending + chunk;
    this.pending = '';
    let text = '';
    const replies: string[] = [];
    let i = 0;
    while (i < input.length) {
      const c = input[i] as string;
      if (c === ESC || c === CSI8) {
        const end = sequenceEnd(input, i);
        if (end === undefined) {
          this.pending = input.slice(i);
          break;
        }
        const reply = answerFor(input.slice(i, end));
        if (reply !== undefined) replies.push(reply);
        i = end;
        continue;
      }
      if (keep(c)) text += c;
      i++;
    }
    return { text, replies };
  }
}

/** Tab, LF, CR and printable characters stay; other controls (NUL fill, BEL, SI/SO, DEL, C1) go. */
function keep(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code < 0x20 || code === 0x7f) return false;
  return !(code >= 0x80 && code < 0xa0);
}

/**
 * The index just after the sequence starting at `start`, or undefined when the input ends
 * before the sequence does. Follows the ECMA-48 shapes the VMS terminal driver and DCL use.
 */
function sequenceEnd(input: string, start: number): number | undefined {
  let i = start;
  if (input[i] === CSI8) return controlSequenceEnd(input, i + 1);
  i++; // past ESC
  if (i >= input.length) return undefined;
  const kind = input[i] as string;
  if (kind === '[') return controlSequenceEnd(input, i + 1);
  if (kind === ']' || kind === 'P' || kind === '^' || kind === '_') return stringEnd(input, i + 1);
  // ESC, intermediates 0x20-0x2F, one final 0x30-0x7E (ESC Z, ESC ( B, ESC =, ESC 7 ...)
  while (i < input.length && inRange(input, i, 0x20, 0x2f)) i++;
  if (i >= input.length) return undefined;
  return i + 1;
}

function controlSequenceEnd(input: string, from: number): number | undefined {
  let i = from;
  while (i < input.length && inRange(input, i, 0x20, 0x3f)) i++;
  if (i >= input.length) return undefined;
  return i + 1;
}

/** OSC, DCS, PM, APC: up to BEL or ST (ESC \). */
function stringEnd(input: string, from: number): number | undefined {
  for (let i = from; i < input.length; i++) {
    if (input[i] === BEL) return i + 1;
    if (input[i] === ESC) {
      if (i + 1 >= input.length) return undefined;
      if (input[i + 1] === '\\') return i + 2;
    }
  }
  return undefined;
}

function inRange(input: string, i: number, low: number, high: number): boolean {
  const code = input.charCodeAt(i);
  return code >= low && code <= high;
}

/** What a VT100 sends back for a query, or undefined for anything that is not one. */
function answerFor(sequence: string): string | undefined {
  if (sequence === `${ESC}Z`) return VT100_DEVICE_ATTRIBUTES; // DECID
  const csi = /^(?:\x1b\[|\x9b)([0-9;?>]*)([cn])$/.exec(sequence);
  if (csi === null) return undefined;
  const [, params = '', final] = csi;
  if (final === 'c' && (params === '' || params === '0')) return VT100_DEVICE_ATTRIBUTES;
  if (final === 'n' && params === '5') return VT100_STATUS_OK;
  if (final === 'n' && params === '6') return VT100_CURSOR_AT_HOME;
  return undefined;
}
