import { describe, expect, it } from 'vitest';
import { billRunSet } from '../../../shared/tapes/bill-run-set';
import { microfinancial } from '../calendar/site-profile';

describe('billRunSet', () => {
  it("gives the plan's five Bill Run tapes in magazine order", () => {
    const set = billRunSet(microfinancial(), '2010-08-03');
    expect(set.map((tape) => tape.code)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G']);
    expect(set.map((tape) => tape.position)).toEqual([1, 2, 3, 4, 5]);
    expect(set.map((tape) => tape.letter)).toEqual(['P', 'D', 'E', 'F', 'G']);
    expect(set.map((tape) => tape.job)).toEqual([
      'PROD_AND_DEVEL_BACKUP',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'CONSOLIDATED_BACKUP_TO_TAPE',
    ]);
    expect(set.every((tape) => tape.date === '2010-08-03' && tape.title.length > 0)).toBe(true);
  });

  it('follows the profile: another set of tapes, another set of codes', () => {
    const profile = microfinancial();
    const other = {
      ...profile,
      tapes: {
        ...profile.tapes,
        billRun: { ...profile.tapes.billRun, tapes: [{ letter: 'Q', job: 'SOME_JOB', title: 'Some job #1' }] },
      },
    };
    expect(billRunSet(other, '2011-12-29')).toEqual([{ position: 1, code: '111229Q', letter: 'Q', job: 'SOME_JOB', title: 'Some job #1', date: '2011-12-29' }]);
  });
});
