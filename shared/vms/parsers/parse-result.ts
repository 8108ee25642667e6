/**
 * What every DCL output parser returns (DESIGN rule 5: output is parsed into typed results, or a
 * parse error naming the line it could not read).
 *
 * Three outcomes, all plain data that crosses the process boundary as JSON:
 * - the answer, read into a typed value (with warnings for lines kept but not understood);
 * - the host said no: the output is only DCL messages (`%JBC-E-NOSUCHENT, no such entry`). That is
 *   an answer, not garbage, so it is `ok: true` with `refused: true`;
 * - unreadable: the 1-based line, its text, and what was expected there.
 * A parser never throws: runParser() turns any fault into the third outcome.
 */
import { messagesOnly, worstSeverity, type Severity, type VmsMessage } from '../messages';
import { splitLines } from './lines';

export interface ParseError {
  /** 1-based, always within the input. */
  line: number;
  text: string;
  expected: string;
}

export interface ParseWarning {
  line: number;
  text: string;
  note: string;
}

export interface HostRefusal {
  messages: VmsMessage[];
  worstSeverity: Severity | null;
}

export type ParseResult<T> =
  | { ok: true; refused: false; value: T; warnings: ParseWarning[] }
  | { ok: true; refused: true; refusal: HostRefusal; warnings: ParseWarning[] }
  | { ok: false; error: ParseError };

/** Thrown inside a parser to stop at an unreadable line; runParser() makes it a ParseError. */
class Unreadable extends Error {
  constructor(
    readonly index: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

/** Marks a fault of the parser itself (a bug), as opposed to input it cannot read. */
export const INTERNAL_FAULT = 'internal fault';

/** The lines being parsed, and the means to warn or to stop at one of them (0-based indexes). */
export class ParseContext {
  readonly warnings: ParseWarning[] = [];

  constructor(readonly lines: readonly string[]) {}

  get count(): number {
    return this.lines.length;
  }

  line(index: number): string {
    return this.lines[index] ?? '';
  }

  /** A line number the operator can find: 1-based and within the input. */
  lineNumber(index: number): number {
    return Math.min(Math.max(index, 0), Math.max(this.lines.length - 1, 0)) + 1;
  }

  warn(index: number, note: string): void {
    this.warnings.push({ line: this.lineNumber(index), text: this.line(index), note });
  }

  fail(index: number, expected: string): never {
    throw new Unreadable(index, expected);
  }
}

export interface RunOptions {
  /**
   * Messages that are this command's answer rather than a refusal, such as `%SHOW-S-NOTRAN` for
   * SHOW LOGICAL. Output made only of such messages goes to the parser like any other output.
   */
  answers?: (message: VmsMessage) => boolean;
}

export function runParser<T>(input: string, options: RunOptions, parse: (context: ParseContext) => T): ParseResult<T> {
  const context = new ParseContext(splitLines(input));
  try {
    const onlyMessages = messagesOnly(context.lines);
    if (onlyMessages !== null && !onlyMessages.every((message) => options.answers?.(message) === true)) {
      return { ok: true, refused: true, refusal: { messages: onlyMessages, worstSeverity: worstSeverity(onlyMessages) }, warnings: [] };
    }
    const value = parse(context);
    return { ok: true, refused: false, value, warnings: context.warnings };
  } catch (fault) {
    if (fault instanceof Unreadable) {
      const line = context.lineNumber(fault.index);
      return { ok: false, error: { line, text: context.line(line - 1), expected: fault.expected } };
    }
    const reason = fault instanceof Error ? fault.message : String(fault);
    return { ok: false, error: { line: 1, text: context.line(0), expected: `output this parser can read (${INTERNAL_FAULT}: ${reason})` } };
  }
}
