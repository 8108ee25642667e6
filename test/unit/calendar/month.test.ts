import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { dailyTapeFor } from '../../../shared/calendar/daily-tape';
import { monthCalendar } from '../../../shared/calendar/month';
import { microfinancial, withCalendar } from './site-profile';

describe('monthCalendar', () => {
  const august = () => monthCalendar(microfinancial(), '2010-08');

  it('has the shape the screens and the CLI read, with every day of the month', () => {
    const month = august();
    expect(Object.keys(month).slice(0, 3)).toEqual(['month', 'billRunDays', 'days']);
    expect(month.month).toBe('2010-08');
    expect(month.billRunDays).toEqual(['2010-08-03', '2010-08-09', '2010-08-14', '2010-08-19', '2010-08-24', '2010-08-29']);
    expect(month.days.map((day) => day.date)).toEqual(Array.from({ length: 31 }, (_, index) => `2010-08-${String(index + 1).padStart(2, '0')}`));
    expect(Object.keys(month.days[0] ?? {}).slice(0, 5)).toEqual(['date', 'kind', 'dailyTape', 'courierPickup', 'notes']);
    expect(Object.keys(month.days[2] ?? {}).slice(0, 4)).toEqual(['date', 'kind', 'courierPickup', 'notes']);
    expect(month.days[0]).toMatchObject({ date: '2010-08-01', kind: 'daily', dailyTape: 'DAILY 3', courierPickup: false, notes: [] });
    expect(month.days[2]).toMatchObject({ date: '2010-08-03', kind: 'billrun', courierPickup: true, notes: [] });
    expect(month.days[2]).not.toHaveProperty('dailyTape');
  });

  it('is plain data that survives JSON', () => {
    const month = august();
    expect(JSON.parse(JSON.stringify(month))).toEqual(month);
  });

  it('marks Bill Run days exactly as billRunDays lists them, and gives every other day its tape', () => {
    const month = august();
    for (const day of month.days) {
      expect(day.kind === 'billrun', day.date).toBe(month.billRunDays.includes(day.date));
      expect(day.dailyTape, day.date).toBe(dailyTapeFor(microfinancial(), day.date)?.tape);
    }
  });

  it("marks the courier's pickup weekday (Tuesday)", () => {
    const pickups = august()
      .days.filter((day) => day.courierPickup)
      .map((day) => day.date);
    expect(pickups).toEqual(['2010-08-03', '2010-08-10', '2010-08-17', '2010-08-24', '2010-08-31']);
    expect(
      august()
        .days.filter((day) => day.courierPickup)
        .every((day) => day.weekday === 'tuesday'),
    ).toBe(true);
  });

  it('says on the decided dates which setting decided them, and gathers the notes of the month', () => {
    const march = monthCalendar(microfinancial(), '2010-03');
    expect(march.days[3]?.notes[0]).toContain('(afterFebruary) puts it on the 4th');
    expect(march.days.filter((day) => day.notes.length > 0).map((day) => day.date)).toEqual(['2010-03-04']);
    expect(march.notes).toHaveLength(1);

    const february = monthCalendar(microfinancial(), '2010-02');
    expect(february.days[27]).toMatchObject({ date: '2010-02-28', kind: 'billrun', decidedBy: 'missingDay' });
    expect(february.days[27]?.notes[0]).toContain('puts it on the 28th');

    const leap = monthCalendar(microfinancial(), '2004-02');
    expect(leap.notes).toEqual([]);
    expect(leap.days[28]).toMatchObject({ date: '2004-02-29', kind: 'billrun', notes: [] });
  });

  it('puts the note of a skipped day on the last day of the month, which stays a daily day', () => {
    const february = monthCalendar(withCalendar({ missingDay: 'skip' }), '2010-02');
    expect(february.billRunDays).toHaveLength(5);
    const last = february.days[27];
    expect(last).toMatchObject({ date: '2010-02-28', kind: 'daily', dailyTape: 'DAILY 4' });
    expect(last?.notes[0]).toContain('(missingDay: skip) leaves it out');
  });

  it('refuses a malformed month with a typed error the CLI can print', () => {
    expect(() => monthCalendar(microfinancial(), '2010-8')).toThrow(CalendarInputError);
    try {
      monthCalendar(microfinancial(), 'next month');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarInputError);
      expect((error as CalendarInputError).code).toBe('malformed-month');
      expect((error as CalendarInputError).input).toBe('next month');
      expect((error as Error).message).toBe('"next month" is not a month: give it as YYYY-MM, such as 2010-08.');
    }
  });
});
