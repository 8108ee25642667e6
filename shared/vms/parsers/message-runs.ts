/**
 * DCL messages printed among a command's output (a queue that exists, then `%JBC-E-NOSUCHQUE`
 * for one that does not). A parser steps over each run of message lines -- a `%` line and its
 * `-` continuations -- and at the end reads the messages from the lines it stepped over, so that
 * they keep their line numbers and their grouping.
 */
import { findMessagesInLines, parseMessageLine, type VmsMessage } from '../messages';
import type { ParseContext } from './parse-result';
import { isBlank } from './lines';

export class MessageRuns {
  private readonly indexes = new Set<number>();

  constructor(private readonly context: ParseContext) {}

  /**
   * If a message starts on line `index`, notes its lines and returns the index after them;
   * otherwise returns `index`. Bare catalogued texts ("no such entry") count as messages.
   */
  skip(index: number): number {
    if (parseMessageLine(this.context.line(index), index + 1, { bareText: true }) === null) return index;
    this.indexes.add(index);
    let end = index + 1;
    while (end < this.context.count && parseMessageLine(this.context.line(end), end + 1)?.lead === '-') {
      this.indexes.add(end);
      end += 1;
    }
    return end;
  }

  /** The first line at or after `index` that is neither blank nor part of a message (noting the messages passed). */
  nextContent(index: number): number {
    let at = index;
    while (at < this.context.count) {
      if (isBlank(this.context.line(at))) {
        at += 1;
        continue;
      }
      const after = this.skip(at);
      if (after === at) return at;
      at = after;
    }
    return at;
  }

  messages(): VmsMessage[] {
    return findMessagesInLines(this.context.lines, { bareText: true }, (index) => !this.indexes.has(index));
  }
}
