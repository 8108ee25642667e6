/**
 * A parser never throws, whatever the host sends: for every fixture, random damage (lines deleted,
 * duplicated or swapped, text cut short, random characters inserted, digits turned to letters)
 * gives `ok: true` or `ok: false` with a line number inside the input -- never an exception, never
 * a fault of the parser itself, and always plain data that survives JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMessages, parseMessages } from '../../../../shared/vms/messages';
import { parseBatchLog } from '../../../../shared/vms/parsers/batch-log';
import { parseDirectory } from '../../../../shared/vms/parsers/directory';
import { INTERNAL_FAULT, type ParseResult } from '../../../../shared/vms/parsers/parse-result';
import { parseShowDevice } from '../../../../shared/vms/parsers/show-device';
import { parseShowEntry } from '../../../../shared/vms/parsers/show-entry';
import { parseShowLogical } from '../../../../shared/vms/parsers/show-logical';
import { parseShowQueue } from '../../../../shared/vms/parsers/show-queue';
import { parseSubmit } from '../../../../shared/vms/parsers/submit';
import { splitLines } from '../../../../shared/vms/parsers/lines';
import { allFixtures } from './fixtures';

const PARSERS: [string, (text: string) => ParseResult<unknown>][] = [
  ['show-queue', parseShowQueue],
  ['show-entry', parseShowEntry],
  ['submit', parseSubmit],
  ['show-device', parseShowDevice],
  ['show-logical', parseShowLogical],
  ['directory', parseDirectory],
  ['batch-log', parseBatchLog],
];

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'digits-to-letters'; at: number; length: number };

const position = fc.nat({ max: 10_000 });
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('%', '-', '$ ', '"', '(', ')', '/', '\r', '\n', '\r\n', '   ', '\t', ':', '[', ']', ';', '=', '1  ', 'Holding until ', 'Entry', '\u0000'),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position }),
  fc.record({ kind: fc.constant('swap' as const), at: position, with: position }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, text: junk }),
  fc.record({ kind: fc.constant('digits-to-letters' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
);

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = (at: number) => at % Math.max(lines.length, 1);
  switch (change.kind) {
    case 'delete':
      lines.splice(line(change.at), 1);
      return lines.join('\n');
    case 'duplicate':
      lines.splice(line(change.at), 0, lines[line(change.at)] ?? '');
      return lines.join('\n');
    case 'swap': {
      const a = line(change.at);
      const b = line(change.with);
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'insert': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'digits-to-letters': {
      const at = change.at % (text.length + 1);
      const part = text.slice(at, at + change.length).replace(/\d/g, (digit) => 'OIZEASGTBQ'.charAt(Number(digit)));
      return text.slice(0, at) + part + text.slice(at + change.length);
    }
  }
}

function checkResult(input: string, result: ParseResult<unknown>): void {
  const lineCount = Math.max(splitLines(input).length, 1);
  if (result.ok) {
    expect(typeof result.refused).toBe('boolean');
  } else {
    expect(result.error.line).toBeGreaterThanOrEqual(1);
    expect(result.error.line).toBeLessThanOrEqual(lineCount);
    expect(result.error.text).toBe(splitLines(input)[result.error.line - 1] ?? '');
    expect(result.error.expected).not.toContain(INTERNAL_FAULT);
  }
  expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
}

const fixtures = allFixtures();

describe('parsers on damaged fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  for (const { kind, name, text } of fixtures) {
    it(`never throw on damaged ${kind}/${name}`, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
          const damaged = changes.reduce(mutate, text);
          for (const [, parse] of PARSERS) checkResult(damaged, parse(damaged));
          expect(() => findMessages(damaged)).not.toThrow();
          expect(() => parseMessages(damaged)).not.toThrow();
        }),
        { numRuns: 80 },
      );
    });
  }

  it('never throw on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        for (const [, parse] of PARSERS) checkResult(text, parse(text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('every fixture read by its own parser', () => {
  for (const { kind, name, text } of fixtures) {
    const parser = PARSERS.find(([parserKind]) => parserKind === kind)?.[1];
    if (parser === undefined) continue;
    it(`${kind}/${name} reads without error or warning, as plain JSON data`, () => {
      const result = parser(text);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (result.ok) expect(result.warnings).toEqual([]);
      expect(JSON.parse(JSON.stringify(result))).toStrictEqual(result);
    });
  }
});
