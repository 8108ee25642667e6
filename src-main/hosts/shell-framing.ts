/**
 * How one command's output is cut out of an interactive DCL session: the session runs with a
 * prompt no output can contain, so the output of a command is everything between the echo of
 * the command line and the next prompt at the start of a line.
 */
import { HostLinkError } from './host-link-error';

/** DCL limits a prompt to 32 characters; this one is 18. */
export function makePrompt(randomHex: string): string {
  if (!/^[0-9A-F]{8}$/.test(randomHex)) throw new RangeError(`a prompt token is 8 upper-case hex digits (got ${JSON.stringify(randomHex)})`);
  return `TAPEOPS_${randomHex}> `;
}

/**
 * Where the prompt starts in `buffer`, when it stands at the start of a line; -1 until it does.
 * The start-of-line rule matters: the echo of `SET PROMPT="TAPEOPS_...> "` holds the prompt's
 * text too, but after `="`. A prompt split across chunks is found once its last part arrives.
 */
export function findPrompt(buffer: string, prompt: string): number {
  let from = 0;
  for (;;) {
    const at = buffer.indexOf(prompt, from);
    if (at < 0) return -1;
    if (at === 0 || buffer[at - 1] === '\n' || buffer[at - 1] === '\r') return at;
    from = at + 1;
  }
}

/**
 * A DCL prompt alone at the end of what has arrived: DCL is waiting for a command. The default
 * is `$ `; a LOGIN.COM often sets one such as `BLT4> `. (A prompt is at most 32 characters.)
 */
export function endsWithLoginPrompt(buffer: string): boolean {
  return /(?:^|[\r\n])[^\r\n]{0,30}[$>] $/.test(buffer);
}

/**
 * Line ends as LF. OpenVMS writes records with carriage control around them, which reaches an
 * SSH client as `\r\n`, `\r\r\n`, `\n...\r` or a lone `\r`: every run of CRs around one LF is one
 * line end, and a CR left over is a line end too.
 */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r*\n\r*/g, '\n').replace(/\r/g, '\n');
}

/**
 * Removes the terminal's echo of the command line from the start of a response. The echo may
 * be broken by line ends where the terminal wrapped it; when the response does not start with
 * the command (the terminal is set /NOECHO), it is returned unchanged.
 */
export function stripEcho(response: string, commandLine: string): string {
  let r = 0;
  // the echo may start on a fresh line after the prompt
  while (r < response.length && isLineEnd(response[r])) r++;
  let c = 0;
  while (c < commandLine.length && r < response.length) {
    if (response[r] === commandLine[c]) {
      r++;
      c++;
    } else if (isLineEnd(response[r])) {
      r++;
    } else {
      return response;
    }
  }
  if (c < commandLine.length) return response;
  // and the line end the Return key echoed
  if (response[r] === '\r') r++;
  while (response[r] === '\r') r++;
  if (response[r] === '\n') r++;
  return response.slice(r);
}

function isLineEnd(c: string | undefined): boolean {
  return c === '\r' || c === '\n';
}

/**
 * A command's output as callers get it: echo removed, LF line ends, without the empty lines
 * that carriage control leaves around it (blank lines inside are kept: reports use them).
 */
export function frameOutput(response: string, commandLine: string): string {
  let rest = stripEcho(response, commandLine);
  // a pseudo-terminal that echoes as well as the host makes a second echo
  if (rest !== response) rest = stripEcho(rest, commandLine);
  const lines = normaliseLineEnds(rest);
  return lines.replace(/^\n+/, '').replace(/\n+$/, '');
}

export interface DclStatus {
  /** The condition value, unsigned 32-bit. */
  status: number;
  /** As DCL writes it: `%X` and 8 hex digits. */
  statusHex: string;
}

/** Reads the answer to `WRITE SYS$OUTPUT $STATUS`: one line `%X` and 8 hex digits. */
export function parseStatusLine(output: string, host?: string): DclStatus {
  const match = /^%X([0-9A-F]{8})$/i.exec(output.trim());
  if (match === null) {
    throw new HostLinkError('framing-lost', `${host ?? 'the host'} answered ${JSON.stringify(output.slice(0, 80))} when asked for $STATUS; the session is reset`, {
      host,
    });
  }
  const hex = (match[1] as string).toUpperCase();
  return { status: Number.parseInt(hex, 16), statusHex: `%X${hex}` };
}

export type Severity = 'warning' | 'success' | 'error' | 'informational' | 'severe';

/** The severity in the low three bits of an OpenVMS condition value. */
export function severityOf(status: number): Severity {
  const names: Severity[] = ['warning', 'success', 'error', 'informational', 'severe'];
  return names[status & 7] ?? 'severe';
}

/** OpenVMS success: the low bit is set (success or informational). */
export function isSuccess(status: number): boolean {
  return (status & 1) === 1;
}

export function formatStatus(status: number): string {
  return `%X${(status >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}
