/** "Storing Backups Offsite": which Bill Run sets come back, when, and which never do. */
import { describe, expect, it } from 'vitest';
import { billRunRetention, dailyRetention } from '../../../shared/tapes/retention';
import { microfinancial, withCalendar } from '../calendar/site-profile';

describe('billRunRetention', () => {
  it('stores the first Bill Run set of the month with no return date', () => {
    expect(billRunRetention(microfinancial(), '2010-08-03')).toEqual({
      kind: 'no-return-date',
      reason: 'first Bill Run set of August 2010',
      text: 'No return date',
    });
    // after 30-day September the first Bill Run is the 4th
    expect(billRunRetention(microfinancial(), '2010-10-04').kind).toBe('no-return-date');
  });

  it('brings the other sets back after six months', () => {
    expect(billRunRetention(microfinancial(), '2010-08-09')).toEqual({
      kind: 'return-after',
      date: '2011-02-09',
      reason: 'Bill Run sets after the first of the month are stored for 6 months, then returned and re-used',
      text: 'Return after Feb. 9, 2011',
    });
    expect(billRunRetention(microfinancial(), '2010-09-14')).toMatchObject({ date: '2011-03-14', text: 'Return after March 14, 2011' });
  });

  it('ends the month with the last day it has when six months on has no such day', () => {
    // 29 August + 6 months: February 2011 has no 29th
    expect(billRunRetention(microfinancial(), '2010-08-29')).toMatchObject({ kind: 'return-after', date: '2011-02-28' });
  });

  it('stores the year-end set, the last Bill Run of December, with no return date', () => {
    expect(billRunRetention(microfinancial(), '2010-12-29')).toEqual({
      kind: 'no-return-date',
      reason: 'year-end set: the last Bill Run of December 2010',
      text: 'No return date',
    });
    expect(billRunRetention(microfinancial(), '2010-12-24').kind).toBe('return-after');
    expect(billRunRetention(microfinancial(), '2010-11-29').kind).toBe('return-after');
  });

  it("follows the profile's months", () => {
    const profile = { ...microfinancial(), retention: { ...microfinancial().retention, otherBillRunsMonths: 3 } };
    expect(billRunRetention(profile, '2010-08-09')).toMatchObject({ date: '2010-11-09', text: 'Return after Nov. 9, 2010' });
  });

  it("follows the profile's calendar for the first Bill Run", () => {
    const profile = withCalendar({ firstBillRun: { afterMonthOf31Days: 2 } });
    expect(billRunRetention(profile, '2010-08-02').kind).toBe('no-return-date');
    expect(billRunRetention(profile, '2010-08-09').kind).toBe('return-after');
  });

  it('refuses a date that is no Bill Run day', () => {
    expect(() => billRunRetention(microfinancial(), '2010-08-05')).toThrow('2010-08-05 is not a Bill Run day');
  });
});

describe('dailyRetention', () => {
  it("says the daily tapes are re-used, with the plan's sentence as the reason", () => {
    expect(dailyRetention(microfinancial())).toEqual({
      kind: 'reused',
      reason: 'Daily backup tapes are re-used in between each bill run.',
      text: 'Re-used between Bill Runs',
    });
  });
});
