import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attempt, checkQueueName, COMMAND_LINE_MAX_LENGTH, quoteStringValue, STRING_VALUE_MAX_LENGTH, submit } from '../../../../shared/vms/dcl';
import { expectSafeLine, parameterBlock, QUOTED_VALUE, unquote } from './dcl-line-reader';

/** Characters DCL treats specially somewhere, and the control characters a terminal acts on. */
const HOSTILE = ["'", '"', '!', '/', '@', '&', '$', '-', ',', '(', ')', '=', ' ', '|', ';', ':', '\r', '\n', '\x00', '\x1b', '\x7f', '\t', 'A', 'x', '1'];

const hostileString = fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 40 });

/** Plain strings, strings over all of Unicode, strings of the hostile characters, and long ones. */
const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), hostileString, fc.string({ minLength: 250, maxLength: 260 }));

function sendable(value: string): boolean {
  return /^[\x20-\x7e]*$/u.test(value) && !value.includes("'") && value.length <= STRING_VALUE_MAX_LENGTH;
}

describe('quoted string values', () => {
  it('are of the safe shape and give back the input exactly, or are refused for a reason the input has', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const result = quoteStringValue(value, 'p');
        expect(result.ok).toBe(sendable(value));
        if (result.ok) {
          expect(result.value).toMatch(QUOTED_VALUE);
          expect(unquote(result.value)).toBe(value);
        } else {
          expect(['apostrophe', 'control-character', 'non-ascii', 'too-long']).toContain(result.problem.code);
          expect(result.problem.field).toBe('p');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('go into SUBMIT as one quoted string, or a bare number, and come back exactly', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        const result = attempt(() => submit({ file: 'X.COM', queue: 'Q1', parameters: [value] }));
        if (!result.ok) {
          // a value that can be sent is refused only when the whole line would be too long
          expect(result.problem.code === 'line-too-long').toBe(sendable(value));
          return;
        }
        expect(sendable(value)).toBe(true);
        expectSafeLine(result.value.command, 'SUBMIT');
        expect(parameterBlock(result.value.command)).toEqual([value]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parameter lists', () => {
  const allowedString = fc.oneof(
    fc.string({ unit: fc.constantFrom(...HOSTILE.filter((c) => /^[\x20-\x7e]$/u.test(c) && c !== "'")), maxLength: 25 }),
    fc.string({ maxLength: 25 }).filter((s) => !s.includes("'")),
  );

  it('of up to 8 allowed strings make one line whose parameter block reads back to the same list', () => {
    fc.assert(
      fc.property(fc.array(allowedString, { minLength: 1, maxLength: 8 }), (parameters) => {
        const fixed = 'SUBMIT/PARAMETER=/QUEUE=Q1'.length + ' X.COM'.length;
        // a number is written bare, anything else quoted with its quotes doubled; several in parentheses
        const written = (p: string): number => (/^[0-9]{1,10}$/u.test(p) ? p.length : p.length + (p.match(/"/gu)?.length ?? 0) + 2);
        const block = parameters.reduce((sum, p) => sum + written(p), 0) + parameters.length - 1 + (parameters.length > 1 ? 2 : 0);
        const result = attempt(() => submit({ file: 'X.COM', queue: 'Q1', parameters }));
        if (fixed + block > COMMAND_LINE_MAX_LENGTH) {
          expect(result.ok ? 'ok' : result.problem.code).toBe('line-too-long');
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.value.command.length).toBe(fixed + block);
        expect(result.value.command).not.toMatch(/[\r\n]/u);
        expectSafeLine(result.value.command, 'SUBMIT');
        expect(parameterBlock(result.value.command)).toEqual(parameters);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('every field at once', () => {
  const field = fc.oneof(anyString, fc.constantFrom('Q1', 'X.COM', 'SYS$LOGIN:X.COM', 'LEASE_BATCH', '12:00', 'JOB_1', '[A]'));

  it('never yields an unsafe line, whatever goes into SUBMIT', () => {
    fc.assert(
      fc.property(
        fc.record({
          file: field,
          queue: field,
          name: fc.option(field, { nil: undefined }),
          user: fc.option(field, { nil: undefined }),
          after: fc.option(field, { nil: undefined }),
          logFile: fc.option(field, { nil: undefined }),
          parameters: fc.array(field, { maxLength: 9 }),
        }),
        (options) => {
          const result = attempt(() => submit(options));
          if (result.ok) expectSafeLine(result.value.command, 'SUBMIT');
          else expect(result.problem.code).not.toBe('unsafe-line');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the queue names of the documented syntax', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, fc.string({ unit: fc.constantFrom('A', 'Z', '0', '$', '_', 'a'), maxLength: 35 })), (name) => {
        const expected = /^[A-Z0-9$_]{1,31}$/u.test(name) && /[A-Z]/u.test(name);
        expect(checkQueueName(name).ok).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
