import { getDaysInMonth, parseISO, subMonths } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { billRunDates, billRunMonth } from '../../../shared/calendar/bill-run-days';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { microfinancial, monthsBetween, withCalendar } from './site-profile';

const rules = () => microfinancial().calendar;
const previousMonthLength = (month: string) => getDaysInMonth(subMonths(parseISO(`${month}-01`), 1));

describe('Bill Run days with the profile of the plan', () => {
  const months = monthsBetween('2000-01', '2100-12');

  it('covers every month from 2000-01 to 2100-12', () => {
    expect(months).toHaveLength(101 * 12);
  });

  it('has exactly six Bill Runs in every month', () => {
    for (const month of months) expect(billRunDates(rules(), month), month).toHaveLength(6);
  });

  it('puts the first on the 3rd after a 31-day month, the 4th after a 30-day month or February', () => {
    for (const month of months) {
      const first = billRunDates(rules(), month)[0];
      const expected = previousMonthLength(month) === 31 ? '03' : '04';
      expect(first, month).toBe(`${month}-${expected}`);
    }
  });

  it('keeps the 9th, 14th, 19th, 24th and the 29th, or the last day of a short February', () => {
    for (const month of months) {
      const last = Math.min(29, getDaysInMonth(parseISO(`${month}-01`)));
      const days = ['09', '14', '19', '24', String(last)].map((day) => `${month}-${day}`);
      expect(billRunDates(rules(), month).slice(1), month).toEqual(days);
    }
  });

  it("follows the plan's rules on concrete months", () => {
    // July has 31 days: the plan's own example, Aug. 3, 2010
    expect(billRunDates(rules(), '2010-08')).toEqual(['2010-08-03', '2010-08-09', '2010-08-14', '2010-08-19', '2010-08-24', '2010-08-29']);
    // June has 30 days
    expect(billRunDates(rules(), '2010-07')[0]).toBe('2010-07-04');
    // September has 30 days
    expect(billRunDates(rules(), '2010-10')[0]).toBe('2010-10-04');
    // December has 31 days
    expect(billRunDates(rules(), '2011-01')[0]).toBe('2011-01-03');
    const august = billRunMonth(rules(), '2010-08');
    expect(august.days.every((day) => day.decidedBy === 'plan' && day.notes.length === 0)).toBe(true);
  });
});

describe('where the plan is silent', () => {
  it("puts the first Bill Run after February on the profile's day (the 4th), and says so", () => {
    for (const month of ['2010-03', '2000-03', '2004-03', '2100-03']) {
      const [first] = billRunMonth(rules(), month).days;
      expect(first?.date, month).toBe(`${month}-04`);
      expect(first?.decidedBy).toBe('afterFebruary');
      expect(first?.notes).toEqual(["The plan is silent on the first Bill Run after February; the site profile's setting (afterFebruary) puts it on the 4th."]);
    }
  });

  it('moves the 29th of a common February to the 28th, and says so', () => {
    for (const month of ['2010-02', '2100-02', '2001-02']) {
      const days = billRunMonth(rules(), month).days;
      const last = days[days.length - 1];
      expect(last?.date, month).toBe(`${month}-28`);
      expect(last?.decidedBy).toBe('missingDay');
      expect(last?.notes[0]).toContain("the site profile's setting (missingDay: last-day-of-month) puts it on the 28th");
    }
    expect(billRunMonth(rules(), '2010-02').days.at(-1)?.notes[0]).toContain('February 2010 has no 29th');
  });

  it('keeps the 29th of a leap February (2000 and 2004), with no note; 2100 is not leap', () => {
    for (const month of ['2000-02', '2004-02', '2024-02']) {
      const last = billRunMonth(rules(), month).days.at(-1);
      expect(last, month).toEqual({ date: `${month}-29`, decidedBy: 'plan', notes: [] });
    }
    expect(billRunDates(rules(), '2100-02').at(-1)).toBe('2100-02-28');
  });

  it('follows another setting for the month after February', () => {
    const third = withCalendar({ firstBillRun: { afterFebruary: 3 } }).calendar;
    const [first] = billRunMonth(third, '2010-03').days;
    expect(first?.date).toBe('2010-03-03');
    expect(first?.notes[0]).toContain('puts it on the 3rd');
    // the plan's own rules are untouched
    expect(billRunDates(third, '2010-08')[0]).toBe('2010-08-03');
    expect(billRunDates(third, '2010-07')[0]).toBe('2010-07-04');
  });

  it('skips a day the month lacks when the profile says skip: five Bill Runs that February', () => {
    const skip = withCalendar({ missingDay: 'skip' }).calendar;
    const february = billRunMonth(skip, '2010-02');
    expect(february.days.map((day) => day.date)).toEqual(['2010-02-03', '2010-02-09', '2010-02-14', '2010-02-19', '2010-02-24']);
    expect(february.skipped).toEqual([
      {
        day: 29,
        note: "The plan is silent on a Bill Run day the month lacks (February 2010 has no 29th); the site profile's setting (missingDay: skip) leaves it out.",
      },
    ]);
    expect(billRunDates(skip, '2004-02')).toHaveLength(6);
  });

  it('makes one Bill Run of two rules landing on the same day', () => {
    const crowded = withCalendar({ billRunDays: [9, 14, 19, 24, 28, 29] }).calendar;
    const days = billRunMonth(crowded, '2010-02').days;
    expect(days.map((day) => day.date).slice(-2)).toEqual(['2010-02-24', '2010-02-28']);
    expect(days.at(-1)?.decidedBy).toBe('plan');
    expect(days.at(-1)?.notes).toHaveLength(1);
  });
});

describe('a malformed month', () => {
  it('is a CalendarInputError that says how to write one', () => {
    for (const month of ['2010-13', '2010-8', '2010-00', 'August', '2010-08-03', '']) {
      expect(() => billRunDates(rules(), month), month).toThrow(CalendarInputError);
    }
    expect(() => billRunDates(rules(), '2010-8')).toThrow('"2010-8" is not a month: give it as YYYY-MM, such as 2010-08.');
  });
});
