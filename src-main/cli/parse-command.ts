import { readFileSync } from 'node:fs';
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
import { UsageError } from './usage';

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

/** `tapeops parse KIND [FILE]`: the typed value as JSON (exit 0), or the parse error naming the line (exit 1). */
export function runParse(kind: string, file: string | undefined, readStdin: () => string): { exitCode: number; stdout: string; stderr: string } {
  const parser = PARSE_KINDS[kind];
  if (!parser) throw new UsageError(`unknown kind ${JSON.stringify(kind)}; kinds: ${Object.keys(PARSE_KINDS).join(', ')}`);
  let text: string;
  try {
    text = file === undefined ? readStdin() : readFileSync(file, 'latin1');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = parser(text);
  if (!result.ok) {
    const { line, text: content, expected } = result.error;
    return { exitCode: 1, stdout: '', stderr: `line ${line}: expected ${expected}, got ${JSON.stringify(content)}\n` };
  }
  return { exitCode: 0, stdout: `${JSON.stringify(result, null, 2)}\n`, stderr: '' };
}
