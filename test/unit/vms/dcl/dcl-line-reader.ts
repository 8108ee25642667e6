/**
 * A tiny reader of the lines the builder writes, written independently of the builder so that the
 * tests check its output against DCL's rules rather than against itself.
 */
import { expect } from 'vitest';

export interface ReadLine {
  /** The line with every quoted string replaced by one space. */
  unquoted: string;
  /** Each quoted string as written, quotes included. */
  quoted: string[];
}

/** Splits a line into its quoted strings and the rest; throws on an unclosed quotation. */
export function readLine(line: string): ReadLine {
  const quoted: string[] = [];
  let unquoted = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '"') {
      unquoted += line[i];
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j >= line.length) throw new Error(`unclosed quotation in ${JSON.stringify(line)}`);
      if (line[j] === '"') {
        if (line[j + 1] === '"') {
          j += 2;
          continue;
        }
        break;
      }
      j++;
    }
    quoted.push(line.slice(i, j + 1));
    unquoted += ' ';
    i = j + 1;
  }
  return { unquoted, quoted };
}

/** The value of one DCL quoted string. */
export function unquote(quoted: string): string {
  expect(quoted.startsWith('"') && quoted.endsWith('"') && quoted.length >= 2).toBe(true);
  return quoted.slice(1, -1).replaceAll('""', '"');
}

/** The shape every quoted value must have: printable ASCII, no apostrophe, quotes doubled. */
export const QUOTED_VALUE = /^"(?:[^"'\x00-\x1f\x7f-\uffff]|"")*"$/u;

/**
 * The values of the /PARAMETER= block of a SUBMIT line (one value, or several inside
 * parentheses; each a quoted string or a bare number), or undefined when there is none.
 */
export function parameterBlock(line: string): string[] | undefined {
  const start = line.indexOf('/PARAMETER=');
  if (start < 0) return undefined;
  let i = start + '/PARAMETER='.length;
  const listed = line[i] === '(';
  if (listed) i++;
  const values: string[] = [];
  for (;;) {
    if (line[i] === '"') {
      let j = i + 1;
      while (!(line[j] === '"' && line[j + 1] !== '"')) {
        if (j >= line.length) throw new Error(`unclosed value in ${line}`);
        j += line[j] === '"' ? 2 : 1;
      }
      values.push(unquote(line.slice(i, j + 1)));
      i = j + 1;
    } else {
      const number = /^[0-9]+/u.exec(line.slice(i))?.[0];
      expect(number, `a quoted value or a number at ${i} of ${line}`).toBeDefined();
      values.push(number ?? '');
      i += (number ?? '').length;
    }
    if (!listed) return values;
    if (line[i] === ')') return values;
    expect(line[i], `a comma or ) at ${i} of ${line}`).toBe(',');
    i++;
  }
}

/** Qualifiers as DCL names them, listed here apart from the builder's own list. */
const KNOWN_QUALIFIERS = [
  'QUEUE',
  'PARAMETER',
  'RETAIN',
  'NAME',
  'USER',
  'AFTER',
  'HOLD',
  'LOG_FILE',
  'NOPRINTER',
  'KEEP',
  'BATCH',
  'ALL_JOBS',
  'FULL',
  'ENTRY',
  'RELEASE',
  'SIZE',
  'DATE',
  'WIDTH',
  'PAGE',
  'ECHO',
  'NOECHO',
  'BROADCAST',
  'NOBROADCAST',
  'FOREIGN',
  'UNLOAD',
];

/**
 * What must hold of any line the builder emits: one line of printable ASCII of at most 255
 * characters; nothing outside quotes that DCL reads as a comment, call, substitution, pipe or
 * continuation; every quoted string of the safe shape; and a shape that leaves room for exactly
 * one command: `verb[=value]`, then `/QUALIFIER[=value]`s, then space-separated parameters, where
 * no qualifier name is unknown and no parameter holds a slash.
 */
export function expectSafeLine(line: string, verb: string): void {
  expect(line.length).toBeLessThanOrEqual(255);
  expect(line).toMatch(/^[\x20-\x7e]*$/u);
  expect(line).not.toContain("'");
  expect(line.startsWith(verb)).toBe(true);
  expect(line.endsWith('-')).toBe(false);
  const { unquoted, quoted } = readLine(line);
  for (const q of quoted) expect(q).toMatch(QUOTED_VALUE);
  expect(unquoted).toMatch(/^[A-Z0-9$_:;.[\]/=(),*% -]*$/u);
  expect(unquoted).not.toMatch(/[!@&|'<>]/u);
  // every quoted string stands for one value: replace each by "" and read the skeleton
  let skeleton = line;
  for (const q of quoted) skeleton = skeleton.replace(q, '""');
  const shape = /^(?<verbValue>=[^/ ]+)?(?<qualifiers>(?:\/[A-Z_]+(?:=[^/ ]+)?)*)(?<parameters>(?: [^ /]+)*)$/u.exec(skeleton.slice(verb.length));
  expect(shape, `the shape of ${line}`).not.toBeNull();
  const names = (shape?.groups?.['qualifiers'] ?? '')
    .split('/')
    .slice(1)
    .map((q) => q.split('=')[0]);
  for (const name of names) expect(KNOWN_QUALIFIERS).toContain(name);
}
