/** YAML that would stall or crash the parser, and values the checks would quote whole: each a listed problem. */
import { describe, expect, it } from 'vitest';
import { parseSiteProfileText, type SiteProfileLoad } from '../../../src-main/site/load-site-profile';
import { planText } from './plan-data';

function problemsOf(result: SiteProfileLoad): string[] {
  return result.ok ? [] : result.problems;
}

/** Nine levels of nine aliases each: 9^9 (387 million) strings once expanded. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('parseSiteProfileText: YAML that asks too much', () => {
  it('lists an alias bomb as a profile problem instead of throwing', () => {
    const result = parseSiteProfileText(billionLaughs(), 'bomb.yaml');
    expect(problemsOf(result)).toEqual(["the profile's YAML aliases (*name) stand for more than 1000 values once expanded; write the values out instead"]);
    expect(result.ok ? undefined : result.located[0]?.kind).toBe('profile');
  });

  it('refuses more than 100 aliases, at the first one too many', () => {
    const text = `anchor: &x 1\nlist:\n${'  - *x\n'.repeat(101)}`;
    const result = parseSiteProfileText(text, 'aliases.yaml');
    expect(problemsOf(result)).toEqual(['the profile uses more than 100 YAML aliases (*name); write the values out instead']);
    expect(result.ok ? undefined : result.located[0]).toMatchObject({ kind: 'profile', line: 103, column: 5 });
  });

  it('refuses [ ] and { } nested more than 32 deep before parsing them', () => {
    const result = parseSiteProfileText(`site: ${'['.repeat(100_000)}`, 'deep.yaml');
    expect(problemsOf(result)).toEqual(['the YAML nests [ ] and { } more than 32 deep; a profile needs a few levels']);
    expect(result.ok ? undefined : result.located[0]).toMatchObject({ line: 1, column: 39 });
  });

  it('does not count brackets inside quoted text', () => {
    const text = planText.replace('batchUser: LEASE_BATCH', `batchUser: LEASE_BATCH\n# ${'['.repeat(40)}`);
    expect(parseSiteProfileText(text.replace(/^( {2}name: )(.*)$/m, `$1"$2 ${'{'.repeat(40)}"`), 'x.yaml').ok).toBe(true);
  });

  it('reports block nesting too deep for the parser once, as a syntax error', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const problems = problemsOf(parseSiteProfileText(text, 'deep.yaml'));
    expect(problems.filter((p) => p.endsWith('YAML syntax error: the YAML is nested too deeply'))).toHaveLength(1);
  });

  it('reports an alias of no anchor as a syntax error', () => {
    expect(problemsOf(parseSiteProfileText(`site: *${'x'.repeat(3000)}\n`, 'x.yaml'))).toEqual([
      `YAML syntax error: Unresolved alias (the anchor must be set before the alias): ${'x'.repeat(40)}…`,
    ]);
  });

  it('finds keys written twice at any depth, in block and flow mappings alike', () => {
    const text = 'site: { name: A, name: B }\nhosts:\n  - name: X\n    arch: VAX\n    name: Y\n';
    expect(problemsOf(parseSiteProfileText(text, 'x.yaml'))).toEqual([
      'line 1, column 18: YAML syntax error: Map keys must be unique',
      'line 5, column 5: YAML syntax error: Map keys must be unique',
    ]);
  });

  it('lists the first 100 problems and says how many more there are', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `unknown${i}: 1`).join('\n');
    const problems = problemsOf(parseSiteProfileText(text, 'x.yaml'));
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toBe('and 4914 more problems, not listed');
  });
});

describe('parseSiteProfileText: what a problem quotes of the file', () => {
  const secret = `S3CR3T-${'0123456789abcdef'.repeat(256)}`;

  it('quotes a long text the schema refuses as an excerpt', () => {
    const problems = problemsOf(parseSiteProfileText(`SECRET=${secret}\n`, 'x.yaml'));
    expect(problems).toEqual([`(profile): expected a mapping, got "SECRET=${secret.slice(0, 33)}…" (${secret.length + 7} characters)`]);
  });

  it('quotes a long text a reference check names as an excerpt', () => {
    // the first media: line is that of the tapes; the drive's must match it
    const text = planText.replace(/^ {2}media: DLT IV$/m, `  media: ${secret}`);
    const problems = problemsOf(parseSiteProfileText(text, 'x.yaml'));
    expect(problems).toEqual([`drive.media: "DLT IV" differs from tapes.media "${secret.slice(0, 40)}…"`]);
  });

  it('prints no control character of the file raw', () => {
    const problems = problemsOf(parseSiteProfileText('site: "\\e[2J\\e[31mALERT\\u202e"\n', 'x.yaml'));
    expect(problems[0]).toBe('site: expected a mapping, got "\\u001b[2J\\u001b[31mALERT\\u202e"');
    expect(problems.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('cuts a long token the YAML library quotes in its error', () => {
    const problems = problemsOf(parseSiteProfileText(`%${'D'.repeat(4000)} x\n--- {}\n`, 'x.yaml'));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).not.toContain('D'.repeat(41));
  });
});
