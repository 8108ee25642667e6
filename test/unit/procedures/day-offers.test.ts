/** What the Procedures screen offers for a day: information, never an error; another day only as a rehearsal. */
import { describe, expect, it } from 'vitest';
import { dayOffers, type DayOffers } from '../../../shared/procedures/day-offers';
import { microfinancial } from '../calendar/site-profile';

function offers(date: string, today: string): DayOffers {
  const result = dayOffers(microfinancial(), date, today);
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('dayOffers', () => {
  it('on the day before a Bill Run, offers tomorrow’s Bill Run as a rehearsal and says its labels print today', () => {
    const day = offers('2026-12-03', '2026-12-03');
    expect(day.rehearsal).toBe(false);
    expect(day.notes).toEqual([
      'Tomorrow, Friday, Dec. 4, 2026, is a Bill Run day. Its tapes are loaded tomorrow morning with the Procedure for Bill Run Backups; their labels can be printed today on the Labels screen.',
    ]);
    const billRun = day.offers.find((o) => o.procedureId === 'bill-run');
    const daily = day.offers.find((o) => o.procedureId === 'daily');
    expect(billRun).toMatchObject({
      applies: false,
      instead: { procedureId: 'bill-run', date: '2026-12-04', label: "Rehearse tomorrow's Bill Run (Friday, Dec. 4, 2026)" },
    });
    expect(daily?.applies).toBe(false);
    expect(daily?.note).toMatch(/^No DAILY tape is loaded on 2026-12-03/);
    // the rehearsal is offered once, on the Bill Run's card
    expect(daily?.instead).toBeUndefined();
    expect(day.offers.find((o) => o.procedureId === 'adhoc')?.applies).toBe(true);
  });

  it('makes every procedure of another day a rehearsal, and says so', () => {
    const day = offers('2010-08-03', '2026-12-03');
    expect(day.rehearsal).toBe(true);
    expect(day.notes[0]).toBe(
      'Tuesday, Aug. 3, 2010 is not today (Thursday, Dec. 3, 2026): a procedure for it is a rehearsal. You walk through its steps; the console sends no command and checks nothing on the host.',
    );
    expect(day.offers.find((o) => o.procedureId === 'bill-run')?.applies).toBe(true);
  });

  it('offers the Bill Run on a Bill Run day and the daily procedure on a daily day', () => {
    expect(offers('2026-12-04', '2026-12-04').offers.find((o) => o.procedureId === 'bill-run')).toEqual({ procedureId: 'bill-run', applies: true, note: null });
    expect(offers('2026-12-07', '2026-12-07').offers.find((o) => o.procedureId === 'daily')?.applies).toBe(true);
    expect(dayOffers(microfinancial(), '2026-02-30', '2026-12-03')).toMatchObject({ problem: expect.any(String) });
  });
});
