import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src-main/simulator/dcl/tokenizer';

describe('DCL tokenizer', () => {
  it('splits verb, qualifiers glued to it, and parameters', () => {
    const t = tokenize('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
    expect(t.verb).toBe('SUBMIT');
    expect(t.qualifiers.map((q) => [q.name, q.values])).toEqual([
      ['PARAMETER', ['3']],
      ['QUEUE', ['TAPE_BACKUP']],
    ]);
    expect(t.parameters).toEqual([{ text: 'SYS$LOGIN:INITIALIZE_TAPES.COM', quoted: false }]);
  });

  it('upper-cases outside quotes, keeps quoted text and undoes doubled quotes', () => {
    const t = tokenize('submit x.com /param=("a ""b""",c) /after="12:00"');
    expect(t.qualifiers[0]?.values).toEqual(['a "b"', 'C']);
    expect(t.qualifiers[1]?.values).toEqual(['12:00']);
    expect(t.parameters[0]?.text).toBe('X.COM');
  });

  it('reads directories with dots and keeps qualifiers after parameters', () => {
    const t = tokenize('$ dir disk$mentat:[user_dir.leasecomm]*.log;* /size/date ! comment');
    expect(t.parameters[0]?.text).toBe('DISK$MENTAT:[USER_DIR.LEASECOMM]*.LOG;*');
    expect(t.qualifiers.map((q) => q.name)).toEqual(['SIZE', 'DATE']);
    expect(t.qualifiers[0]?.afterParameter).toBe(1);
  });

  it('takes a colon as the value separator too', () => {
    expect(tokenize('SET ENTRY 12/AFTER:TOMORROW').qualifiers[0]?.values).toEqual(['TOMORROW']);
  });
});
