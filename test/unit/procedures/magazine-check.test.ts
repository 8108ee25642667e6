import { describe, expect, it } from 'vitest';
import { checkMagazine } from '../../../shared/procedures/magazine-check';

const plan = [
  { slot: 1, code: '100803P' },
  { slot: 2, code: '100803D' },
  { slot: 3, code: '100803E' },
  { slot: 4, code: null },
];

describe('checkMagazine', () => {
  it('matches when every planned slot holds its code (case and spaces aside) and the empty slot is empty', () => {
    expect(checkMagazine(plan, { 1: '100803p', 2: ' 100803D ', 3: '100803E', 4: null })).toEqual({ matches: true, unread: [], problems: [] });
    expect(checkMagazine(plan, { 1: '100803P', 2: '100803D', 3: '100803E' }).matches).toBe(true);
  });

  it('lists the slots not read yet', () => {
    expect(checkMagazine(plan, { 1: '100803P' })).toMatchObject({ matches: false, unread: [2, 3], problems: [] });
  });

  it('says which tape is where and what to do when two tapes are swapped', () => {
    const check = checkMagazine(plan, { 1: '100803P', 2: '100803E', 3: '100803D' });
    expect(check.matches).toBe(false);
    expect(check.problems).toEqual([
      'Slot 2 holds 100803E; 100803D belongs there: 100803D is in slot 3: swap the two tapes.',
      'Slot 3 holds 100803D; 100803E belongs there: 100803E is in slot 2: swap the two tapes.',
    ]);
  });

  it('names a tape that is not in the magazine at all, an empty slot, and a tape in a slot that stays empty', () => {
    expect(checkMagazine(plan, { 1: '100803P', 2: '100729D', 3: null, 4: 'DAILY 2' }).problems).toEqual([
      'Slot 2 holds 100729D; 100803D belongs there: find 100803D and put it in slot 2.',
      'Slot 3 is empty; 100803E belongs there: put 100803E in slot 3.',
      'Slot 4 holds DAILY 2, but stays empty: take DAILY 2 out.',
    ]);
  });
});
