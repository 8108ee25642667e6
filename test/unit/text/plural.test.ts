import { describe, expect, it } from 'vitest';
import { counted } from '../../../shared/plural';

describe('the one plural rule', () => {
  it('writes one of a thing in the singular and every other count in the plural', () => {
    expect(counted(1, 'label')).toBe('1 label');
    expect(counted(5, 'label')).toBe('5 labels');
    expect(counted(0, 'tape')).toBe('0 tapes');
    expect(counted(1, 'cartridge label')).toBe('1 cartridge label');
  });

  it('takes the plural given for a noun that does not add -s', () => {
    expect(counted(2, 'entry', 'entries')).toBe('2 entries');
    expect(counted(1, 'entry', 'entries')).toBe('1 entry');
  });
});
