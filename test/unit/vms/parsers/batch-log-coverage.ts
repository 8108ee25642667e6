/**
 * The check that a parsed log lost no line, counted from the result's own parts (each names the
 * lines it read) independently of the parser's bookkeeping: every non-blank line is read by
 * exactly one part or returned in `unread` exactly once.
 */
import { expect } from 'vitest';
import type { BatchLog } from '../../../../shared/vms/parsers/batch-log';
import { splitLines } from '../../../../shared/vms/parsers/lines';

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The line numbers each part of the result says it read, counted independently of the parser's bookkeeping. */
export function readLines(value: BatchLog): number[] {
  const numbers: number[] = [];
  for (const command of value.commands) numbers.push(...range(command.line, command.endLine));
  for (const message of value.messages) {
    for (const part of [message, ...message.continuation]) numbers.push(...range(part.line, part.endLine ?? part.line));
  }
  for (const block of value.opcom) numbers.push(block.line, ...block.text.map((line) => line.line));
  for (const listing of value.listings) {
    numbers.push(listing.line);
    for (const saveset of listing.savesets) {
      numbers.push(...saveset.headerLines.map((line) => line.line), ...saveset.files.map((file) => file.line));
      if (saveset.total !== null) numbers.push(saveset.total.line);
      if (saveset.endLine !== null) numbers.push(saveset.endLine);
    }
  }
  numbers.push(...value.prompts.map((prompt) => prompt.line), ...value.requests.map((request) => request.line));
  for (const note of value.notifications) numbers.push(...note.text.map((line) => line.line));
  numbers.push(...value.submissions.map((submission) => submission.line), ...value.bannerLines.map((line) => line.line));
  if (value.trailer !== null) numbers.push(...range(value.trailer.line, value.trailer.endLine));
  return numbers;
}

/** Every non-blank line is read exactly once or unread exactly once; unread lines carry their own text. */
export function expectNoLineLost(text: string, value: BatchLog): void {
  const lines = splitLines(text);
  const seen = new Map<number, number>();
  for (const number of [...readLines(value), ...value.unread.map((line) => line.line)]) seen.set(number, (seen.get(number) ?? 0) + 1);
  const nonBlank = lines.flatMap((line, index) => (line.trim() === '' ? [] : [index + 1]));
  // the trailer's range holds its blank line; blank lines are not counted
  for (const number of nonBlank) expect([number, seen.get(number)]).toEqual([number, 1]);
  for (const unread of value.unread) expect(unread.text).toBe(lines[unread.line - 1]);
}
