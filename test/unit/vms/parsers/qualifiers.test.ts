import { describe, expect, it } from 'vitest';
import { findQualifier, splitQualifiers, splitValueList } from '../../../../shared/vms/parsers/qualifiers';

describe('splitQualifiers', () => {
  it('splits at slashes after blanks, outside quotes and parentheses', () => {
    expect(splitQualifiers('/KEEP /PARAM=("3","a /b") /PROTECTION=(S:M, O:D) /AFTER=26-NOV-2026 05:30:00.00 /NOPRINTER')).toEqual([
      { name: 'KEEP', value: null },
      { name: 'PARAM', value: '("3","a /b")' },
      { name: 'PROTECTION', value: '(S:M, O:D)' },
      { name: 'AFTER', value: '26-NOV-2026 05:30:00.00' },
      { name: 'NOPRINTER', value: null },
    ]);
  });

  it('keeps a file specification with slashes-free brackets as one value', () => {
    expect(splitQualifiers('/LOG=DISK$USERS:[OPS.LOGS]X.LOG;')).toEqual([{ name: 'LOG', value: 'DISK$USERS:[OPS.LOGS]X.LOG;' }]);
  });
});

describe('findQualifier', () => {
  it('matches the abbreviations DCL prints', () => {
    const list = splitQualifiers('/PARAM=("3") /PRIO=4');
    expect(findQualifier(list, 'PARAMETERS')?.value).toBe('("3")');
    expect(findQualifier(list, 'PRIORITY')?.value).toBe('4');
    expect(findQualifier(list, 'PROTECTION')).toBeNull();
  });
});

describe('splitValueList', () => {
  it('reads parameter lists, quoted or not, with doubled quotes', () => {
    expect(splitValueList('("3")')).toEqual(['3']);
    expect(splitValueList('("A","B C",D)')).toEqual(['A', 'B C', 'D']);
    expect(splitValueList('"say ""hi"""')).toEqual(['say "hi"']);
    expect(splitValueList('()')).toEqual([]);
  });
});
