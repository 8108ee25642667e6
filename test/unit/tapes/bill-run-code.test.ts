import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { datesOfMonth } from '../../../shared/calendar/iso-date';
import { billRunCode, parseBillRunCode } from '../../../shared/tapes/bill-run-code';

describe('billRunCode', () => {
  it("writes the plan's example: Aug. 3, 2010, Prod & Devel tape", () => {
    expect(billRunCode('2010-08-03', 'P')).toBe('100803P');
    expect(billRunCode('2010-08-03', 'G')).toBe('100803G');
  });

  it('pads month and day, and keeps two digits of the year', () => {
    expect(billRunCode('2009-01-04', 'D')).toBe('090104D');
    expect(billRunCode('2026-11-24', 'E')).toBe('261124E');
  });

  it('refuses a letter that is not one capital letter', () => {
    expect(() => billRunCode('2010-08-03', 'p')).toThrow(RangeError);
    expect(() => billRunCode('2010-08-03', 'PD')).toThrow(RangeError);
    expect(() => billRunCode('2010-08-03', '')).toThrow(RangeError);
  });

  it('refuses a date that is not a day of the calendar', () => {
    expect(() => billRunCode('2010-02-30', 'P')).toThrow(CalendarInputError);
    expect(() => billRunCode('3 Aug 2010', 'P')).toThrow(/YYYY-MM-DD/);
  });
});

describe('parseBillRunCode', () => {
  it('reads a code back into its date and letter', () => {
    expect(parseBillRunCode('100803P')).toEqual({ date: '2010-08-03', letter: 'P' });
    expect(parseBillRunCode(' 100803g ')).toEqual({ date: '2010-08-03', letter: 'G' });
  });

  it('answers null for what is not a Bill Run code', () => {
    for (const text of ['DAILY 1', '100803', '100803PD', '1008031', 'P100803', '100230P', '101303P', '']) {
      expect(parseBillRunCode(text), text).toBeNull();
    }
  });

  it('round-trips every day of 2010 and of a leap February', () => {
    const days = [...Array.from({ length: 12 }, (_, m) => datesOfMonth(`2010-${String(m + 1).padStart(2, '0')}`)).flat(), ...datesOfMonth('2024-02')];
    expect(days).toHaveLength(365 + 29);
    for (const date of days) expect(parseBillRunCode(billRunCode(date, 'F'))).toEqual({ date, letter: 'F' });
  });
});
