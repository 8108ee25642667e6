import { describe, expect, it } from 'vitest';
import { dailyTapeFor } from '../../../shared/calendar/daily-tape';
import { addDaysIso } from '../../../shared/calendar/iso-date';
import { monthCalendar } from '../../../shared/calendar/month';
import { microfinancial, monthsBetween, withCalendar } from './site-profile';

function tapesFrom(profile: ReturnType<typeof microfinancial>, from: string, days: number): [string, string | null][] {
  return Array.from({ length: days }, (_, index) => {
    const date = addDaysIso(from, index);
    return [date, dailyTapeFor(profile, date)?.tape ?? null];
  });
}

describe('the daily tape of each day', () => {
  it('counts the non-Bill Run days since the latest Bill Run, across a month boundary', () => {
    expect(tapesFrom(microfinancial(), '2010-07-29', 11)).toEqual([
      ['2010-07-29', null],
      ['2010-07-30', 'DAILY 1'],
      ['2010-07-31', 'DAILY 2'],
      ['2010-08-01', 'DAILY 3'],
      ['2010-08-02', 'DAILY 4'],
      ['2010-08-03', null],
      ['2010-08-04', 'DAILY 1'],
      ['2010-08-05', 'DAILY 2'],
      ['2010-08-06', 'DAILY 3'],
      ['2010-08-07', 'DAILY 4'],
      ['2010-08-08', 'DAILY 5'],
    ]);
  });

  it('across the end of a common February (moved Bill Run on the 28th, first of March on the 4th)', () => {
    expect(tapesFrom(microfinancial(), '2010-02-24', 9)).toEqual([
      ['2010-02-24', null],
      ['2010-02-25', 'DAILY 1'],
      ['2010-02-26', 'DAILY 2'],
      ['2010-02-27', 'DAILY 3'],
      ['2010-02-28', null],
      ['2010-03-01', 'DAILY 1'],
      ['2010-03-02', 'DAILY 2'],
      ['2010-03-03', 'DAILY 3'],
      ['2010-03-04', null],
    ]);
  });

  it('gives the job and its time from the profile', () => {
    const use = dailyTapeFor(microfinancial(), '2010-08-04');
    expect(use).toMatchObject({ job: 'DAILY_BACKUP', at: '06:05', tape: 'DAILY 1', dayAfterBillRun: 1, latestBillRun: '2010-08-03', wrapped: false, notes: [] });
  });

  it('never goes past the fifth daily tape from 2000 to 2100, and reaches it', () => {
    const profile = microfinancial();
    const labels = profile.tapes.daily.labels;
    let highest = 0;
    for (const month of monthsBetween('2000-01', '2100-12')) {
      for (const day of monthCalendar(profile, month).days) {
        if (day.kind === 'billrun') continue;
        const number = labels.indexOf(day.dailyTape ?? '') + 1;
        expect(number, day.date).toBeGreaterThan(0);
        expect(day.notes, day.date).not.toContainEqual(expect.stringContaining('wraps round'));
        highest = Math.max(highest, number);
      }
    }
    expect(labels).toHaveLength(5);
    expect(highest).toBe(5);
  });

  it('wraps round, and says so, when a setting leaves more days than tapes between Bill Runs', () => {
    const skip = withCalendar({ missingDay: 'skip' });
    // 24 Feb 2010 is the last Bill Run of the month, the next is 4 March: seven days between.
    expect(tapesFrom(skip, '2010-02-25', 7).map(([, tape]) => tape)).toEqual(['DAILY 1', 'DAILY 2', 'DAILY 3', 'DAILY 4', 'DAILY 5', 'DAILY 1', 'DAILY 2']);
    const sixth = dailyTapeFor(skip, '2010-03-02');
    expect(sixth?.wrapped).toBe(true);
    expect(sixth?.notes).toEqual([
      'This is the 6th daily backup since the Bill Run of 2010-02-24, but there are only 5 daily tapes: the rotation wraps round to DAILY 1.',
    ]);
    expect(dailyTapeFor(skip, '2010-03-01')?.wrapped).toBe(false);
  });
});
