import { readFileSync } from 'node:fs';
import { counted } from '../../shared/plural';
import { parseMessages } from '../../shared/vms/messages';
import {
  parseBatchLog,
  parseDirectory,
  parseShowDevice,
  parseShowEntry,
  parseShowLogical,
  parseShowQueue,
  parseSubmit,
  type ParseResult,
} from '../../shared/vms/parsers';
import { normaliseLineEnds } from '../hosts/shell-framing';
import { TerminalFilter } from '../hosts/terminal-filter';
import { UsageError } from './usage';

/**
 * A raw capture as the host link would have handed it to a parser: the terminal's escape
 * sequences and fill characters (the NULs after a LF) gone, every run of CRs around a LF one line
 * end (so LF-then-CR carriage control reads as CR LF does), and the empty lines carriage control
 * leaves before and after the output dropped. It uses the link's own filter and line-end rule, so
 * the two cannot differ; tabs for blanks are expanded by the parsers themselves (splitLines).
 */
export function normaliseCapture(raw: string): string {
  const text = new TerminalFilter().push(raw).text;
  return normaliseLineEnds(text).replace(/^\n+/, '').replace(/\n+$/, '');
}

/** Messages alone have no parser of their own; their result takes the same shape as the others'. */
function parseMessageText(text: string): ParseResult<unknown> {
  const messages = parseMessages(text);
  if (messages) return { ok: true, refused: false, value: { messages }, warnings: [] };
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.trim() !== '' && !/^\s*[%-]/.test(l));
  return {
    ok: false,
    error: { line: Math.max(line, 0) + 1, text: lines[Math.max(line, 0)] ?? '', expected: 'a message: %FACILITY-S-IDENT, text (continuation lines start with -)' },
  };
}

export const PARSE_KINDS: Record<string, (text: string) => ParseResult<unknown>> = {
  'show-queue': parseShowQueue,
  'show-entry': parseShowEntry,
  'show-device': parseShowDevice,
  'show-logical': parseShowLogical,
  directory: parseDirectory,
  log: parseBatchLog,
  message: parseMessageText,
  submit: parseSubmit,
};

/**
 * `tapeops parse KIND [FILE]`: the typed value as JSON (exit 0), or the parse error naming the line
 * (exit 1). The input is normalised first as the host link does (normaliseCapture), so that a raw
 * capture of a session reads as the console would read it. For a log, the lines the parser did
 * not read are in the value's `unread`, and their count is said on standard error.
 */
export function runParse(kind: string, file: string | undefined, readStdin: () => string): { exitCode: number; stdout: string; stderr: string } {
  const parser = PARSE_KINDS[kind];
  if (!parser) throw new UsageError(`unknown kind ${JSON.stringify(kind)}; kinds: ${Object.keys(PARSE_KINDS).join(', ')}`);
  let text: string;
  try {
    text = file === undefined ? readStdin() : readFileSync(file, 'latin1');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = parser(normaliseCapture(text));
  if (!result.ok) {
    const { line, text: content, expected } = result.error;
    return { exitCode: 1, stdout: '', stderr: `line ${line}: expected ${expected}, got ${JSON.stringify(content)}\n` };
  }
  return { exitCode: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: unreadNote(result) };
}

/** "3 lines not read: 5, 12, 40" for a log with lines the parser did not read; empty otherwise. */
function unreadNote(result: ParseResult<unknown>): string {
  if (!result.ok || result.refused) return '';
  const value = result.value as { unread?: { line: number }[] };
  const unread = value.unread ?? [];
  if (unread.length === 0) return '';
  return `${counted(unread.length, 'line')} not read: ${unread.map((line) => line.line).join(', ')}\n`;
}
