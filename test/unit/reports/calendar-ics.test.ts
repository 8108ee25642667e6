import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { calendarIcs } from '../../../src-main/reports/calendar-ics';
import { microfinancial } from '../calendar/site-profile';
import { kindOf, readIcs as parse } from './read-ics';

describe('calendarIcs', () => {
  const august = () => parse(calendarIcs(microfinancial(), '2010-08', 1));

  it('names the calendar after the site', () => {
    expect(august().name).toBe('Microfinancial — tape backups');
  });

  it('puts the Bill Run events of the month on the right dates, with their tapes and jobs', () => {
    const billRuns = august().events.filter((event) => kindOf(event) === 'billrun');
    expect(billRuns.map((event) => event.start)).toEqual(['2010-08-03', '2010-08-09', '2010-08-14', '2010-08-19', '2010-08-24', '2010-08-29']);
    expect(billRuns.every((event) => event.allDay)).toBe(true);
    expect(billRuns[0]?.summary).toBe('Bill Run — tapes 100803P, D, E, F, G');
    for (const job of [
      'INVOICE_STATEMENT_GENERATE',
      'RMU_BACKUP_DATA',
      'PROD_AND_DEVEL_BACKUP',
      'BLT_CLEANUP',
      'RMU_BACKUP_DOCUMENT',
      'CONSOLIDATED_BACKUP_TO_TAPE',
      'INITIALIZE_TAPES',
    ]) {
      expect(billRuns[0]?.description).toContain(job);
    }
    expect(billRuns[0]?.description).toContain('slot 6: DAILY 1');
  });

  it("has the courier's pickups on Tuesdays", () => {
    const pickups = august().events.filter((event) => kindOf(event) === 'courier');
    expect(pickups.map((event) => event.start)).toEqual(['2010-08-03', '2010-08-10', '2010-08-17', '2010-08-24', '2010-08-31']);
    expect(pickups[0]?.summary).toBe('Iron Mountain courier pickup');
    expect(pickups[0]?.description).toContain('Tuesday afternoon');
  });

  it('gives the same UIDs to the same input, each UID once, so that re-importing updates', () => {
    const first = parse(calendarIcs(microfinancial(), '2010-08', 2)).events.map((event) => event.uid);
    const second = parse(calendarIcs(microfinancial(), '2010-08', 2)).events.map((event) => event.uid);
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain('billrun-2010-08-03@microfinancial.tapeops');
    // an overlapping export names the shared days alike
    const september = parse(calendarIcs(microfinancial(), '2010-09', 1)).events.map((event) => event.uid);
    expect(september.every((uid) => first.includes(uid))).toBe(true);
  });

  it('is byte-for-byte the same for the same input and stamp', () => {
    const stamp = new Date('2010-08-01T12:00:00Z');
    expect(calendarIcs(microfinancial(), '2010-08', 1, { stamp })).toBe(calendarIcs(microfinancial(), '2010-08', 1, { stamp }));
  });

  it('spans the months asked for, across a year end', () => {
    const events = parse(calendarIcs(microfinancial(), '2010-12', 3)).events;
    const billRuns = events.filter((event) => kindOf(event) === 'billrun').map((event) => event.start);
    expect(billRuns).toHaveLength(18);
    expect(billRuns[6]).toBe('2011-01-03');
    expect(billRuns.at(-1)).toBe('2011-02-28');
    // the daily backup days are not events of their own unless asked for
    expect(events.filter((event) => kindOf(event) !== 'courier')).toHaveLength(18);
    expect(parse(calendarIcs(microfinancial(), '2010-12', 3, { daily: true })).events.filter((event) => kindOf(event) !== 'courier')).toHaveLength(31 + 31 + 28);
  });

  it('refuses a malformed month or month count', () => {
    expect(() => calendarIcs(microfinancial(), '2010-8', 1)).toThrow(CalendarInputError);
    expect(() => calendarIcs(microfinancial(), '2010-08', 0)).toThrow(CalendarInputError);
    expect(() => calendarIcs(microfinancial(), '2010-08', 1.5)).toThrow(CalendarInputError);
  });
});
