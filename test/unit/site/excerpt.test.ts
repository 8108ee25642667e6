/** Values from the file are quoted in messages only as short, printable excerpts. */
import { describe, expect, it } from 'vitest';
import { describeValue, excerpt, formatPath, printable, quoteExcerpt } from '../../../shared/site/problems';
import { validateSiteProfile } from '../../../shared/site/validate';

describe('quoteExcerpt / describeValue', () => {
  it('quotes a short value as before', () => {
    expect(describeValue('25:00')).toBe('"25:00"');
    expect(describeValue('say "hi"\n')).toBe(JSON.stringify('say "hi"\n'));
  });

  it('cuts a long value to 40 characters and says how long it was', () => {
    const secret = `-----BEGIN OPENSSH PRIVATE KEY-----\n${'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAABlwAAAAdzc2gtcn\n'.repeat(30)}`;
    expect(quoteExcerpt(secret)).toBe(`"-----BEGIN OPENSSH PRIVATE KEY-----\\nb3B…" (${secret.length} characters)`);
  });

  it('writes what does not print as escapes, never cutting one in two', () => {
    expect(describeValue('\u001b[31mred\u202e\u0085')).toBe('"\\u001b[31mred\\u202e\\u0085"');
    const cut = excerpt(`${'x'.repeat(36)}\u0000\u0000`);
    expect(cut).toBe(`${'x'.repeat(36)}…`);
    expect(excerpt('a\u{10ffff}b', 40)).toBe('a\\u{10ffff}b');
  });

  it('counts characters, not UTF-16 units, in the length it gives', () => {
    expect(quoteExcerpt('é'.repeat(50))).toBe(`"${'é'.repeat(40)}…" (50 characters)`);
  });

  it('keeps a whole message on one printable line', () => {
    expect(printable('line one\nline two\u0007')).toBe('line one\\nline two\\u0007');
  });
});

describe('a field name from the file in a path', () => {
  it('is shown as an excerpt', () => {
    expect(formatPath(['site', 'K'.repeat(5000)])).toBe(`site.${'K'.repeat(40)}…`);
  });

  it('an unknown field of any length gives a short problem', () => {
    const result = validateSiteProfile({ [`SECRET=${'s'.repeat(4000)}`]: 1 });
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContain(`SECRET=${'s'.repeat(33)}…: unknown field`);
    expect(Math.max(...problems.map((p) => p.length))).toBeLessThan(100);
  });
});
