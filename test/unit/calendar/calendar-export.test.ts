import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { calendarIcs } from '../../../src-main/reports/calendar-ics';
import { microfinancial, withCalendar } from './site-profile';
import { kindOf, readIcs as read } from '../reports/read-ics';

const stamp = new Date('2026-12-03T17:00:00Z');

describe('the calendar export: one event per Bill Run day and per courier pickup', () => {
  const august = () => read(calendarIcs(microfinancial(), '2010-08', 1, { stamp }));

  it('has the six Bill Runs and five Tuesday pickups of August 2010, all-day, and nothing else', () => {
    const events = august().events;
    expect(events.filter((e) => kindOf(e) === 'billrun').map((e) => e.start)).toEqual([
      '2010-08-03',
      '2010-08-09',
      '2010-08-14',
      '2010-08-19',
      '2010-08-24',
      '2010-08-29',
    ]);
    expect(events.filter((e) => kindOf(e) === 'courier').map((e) => e.start)).toEqual(['2010-08-03', '2010-08-10', '2010-08-17', '2010-08-24', '2010-08-31']);
    expect(events).toHaveLength(11);
    expect(events.every((e) => e.allDay)).toBe(true);
    expect(august().name).toBe('Microfinancial — tape backups');
  });

  it('names the Bill Run set and the DAILY tape loaded with it in the Bill Run event', () => {
    const third = august().events.find((e) => e.uid === 'billrun-2010-08-03@microfinancial.tapeops');
    expect(third?.summary).toBe('Bill Run — tapes 100803P, D, E, F, G');
    expect(third?.categories).toEqual(['Bill Run']);
    expect(third?.description).toContain('slot 1: 100803P — PROD_AND_DEVEL_BACKUP (Prod & Devel backup), new label');
    expect(third?.description).toContain('slot 6: DAILY 1 — DAILY_BACKUP (Daily backup), already labelled, for the daily backup of 2010-08-04');
    expect(third?.description).toContain('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM');
  });

  it("gives a courier pickup on a daily day that day's DAILY tape as one line", () => {
    const tenth = august().events.find((e) => e.uid === 'courier-2010-08-10@microfinancial.tapeops');
    expect(tenth?.summary).toBe('Iron Mountain courier pickup');
    expect(tenth?.description.split('\n').filter((line) => line.startsWith('Daily tape:'))).toEqual([
      'Daily tape: DAILY_BACKUP runs at 06:05 on DAILY 1; load DAILY 2 in slot 1 today for tomorrow.',
    ]);
    // on a Bill Run day the Bill Run event carries the tapes: the pickup does not repeat them
    expect(august().events.find((e) => e.uid === 'courier-2010-08-03@microfinancial.tapeops')?.description).not.toContain('Daily tape:');
  });

  it('adds an event per daily backup day only when asked', () => {
    const events = read(calendarIcs(microfinancial(), '2010-08', 1, { stamp, daily: true })).events;
    const dailies = events.filter((e) => kindOf(e) === 'daily');
    expect(dailies).toHaveLength(31 - 6);
    expect(dailies.find((e) => e.start === '2010-08-04')?.summary).toBe('DAILY 1 — DAILY_BACKUP 06:05');
    expect(dailies.find((e) => e.start === '2010-08-08')?.description).toContain('no daily tape is loaded today (tomorrow is a Bill Run day)');
    expect(events).toHaveLength(11 + 25);
  });

  it('flags weekend Bill Runs in the summary, the text and a category, with the rule of the profile', () => {
    const november = read(calendarIcs(microfinancial(), '2026-11', 1, { stamp }));
    const sunday = november.events.find((e) => e.uid === 'billrun-2026-11-29@microfinancial.tapeops');
    expect(sunday?.summary).toBe('Bill Run (weekend: Sunday) — tapes 261129P, D, E, F, G');
    expect(sunday?.categories).toEqual(['Bill Run', 'Weekend Bill Run']);
    expect(sunday?.description.split('\n')[0]).toBe(
      'Weekend Bill Run (Sunday): it runs on its date, so someone loads the magazine that day (site profile setting weekendBillRuns: on-the-day; the plan is silent on weekends).',
    );
    const weekday = november.events.find((e) => e.uid === 'billrun-2026-11-03@microfinancial.tapeops');
    expect(weekday?.summary).toBe('Bill Run — tapes 261103P, D, E, F, G');
    expect(november.description).toMatch(/^The plan does not say whether bills run on Saturdays and Sundays/);

    const confirm = read(calendarIcs(withCalendar({ weekendBillRuns: 'confirm' }), '2026-11', 1, { stamp }));
    expect(confirm.events.find((e) => e.start === '2026-11-14' && kindOf(e) === 'billrun')?.description).toContain('confirm with billing beforehand');
  });

  it('is the same file for the same input, each UID once, so that importing again updates', () => {
    const ics = calendarIcs(microfinancial(), '2026-11', 3, { stamp, daily: true });
    expect(calendarIcs(microfinancial(), '2026-11', 3, { stamp, daily: true })).toBe(ics);
    const uids = read(ics).events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('refuses a malformed month or count', () => {
    expect(() => calendarIcs(microfinancial(), '2010-8', 1)).toThrow(CalendarInputError);
    expect(() => calendarIcs(microfinancial(), '2010-08', 0)).toThrow(CalendarInputError);
  });
});
