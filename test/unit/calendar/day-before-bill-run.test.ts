import { describe, expect, it } from 'vitest';
import { planDay } from '../../../shared/calendar/day-plan';
import { monthCalendar } from '../../../shared/calendar/month';
import { calendarSchema } from '../../../shared/site/calendar-schema';
import { setLabels } from '../../../shared/tapes/set-labels';
import { microfinancial, withCalendar } from './site-profile';

describe('planDay on the day before a Bill Run: 2026-12-03, tomorrow 2026-12-04 is one', () => {
  const plan = () => planDay(microfinancial(), '2026-12-03');

  it('loads nothing today, and says why in a plain note', () => {
    expect(plan()).toMatchObject({ kind: 'daily', tapesToPull: [], tomorrow: { date: '2026-12-04', kind: 'billrun' } });
    expect(plan().slots.every((slot) => slot === null)).toBe(true);
    expect(plan().tapesNotes).toEqual([
      'Tomorrow, 2026-12-04, is a Bill Run day: the daily backup job does not run, so no daily tape is loaded today. The Bill Run tapes go in tomorrow morning; their labels can be printed today.',
    ]);
  });

  it("offers tomorrow's Bill Run set and the DAILY tape loaded with it, exactly as tomorrow's own plan loads them", () => {
    const prepares = plan().preparesFor;
    const tomorrow = planDay(microfinancial(), '2026-12-04');
    expect(prepares).toMatchObject({ date: '2026-12-04', weekday: 'friday', kind: 'billrun' });
    expect(prepares?.tapes.map((tape) => tape.code)).toEqual(['261204P', '261204D', '261204E', '261204F', '261204G', 'DAILY 1']);
    expect(prepares?.tapes).toEqual(tomorrow.tapesToPull);
    expect(prepares?.slots).toEqual(tomorrow.slots);
    expect(prepares?.note).toBe(
      'Tomorrow, Friday, Dec. 4, 2026, is a Bill Run day. Its 5 Bill Run tapes (261204P, 261204D, 261204E, 261204F, 261204G) and the daily tape loaded with them (DAILY 1) can be pulled and labelled today, ready for the morning.',
    );
    expect(prepares?.weekendBillRun).toBeUndefined();
  });

  it('offers nothing on a Bill Run day or an ordinary daily day', () => {
    expect(planDay(microfinancial(), '2026-12-04').preparesFor).toBeNull();
    expect(planDay(microfinancial(), '2026-12-05').preparesFor).toBeNull();
    expect(planDay(microfinancial(), '2010-08-03').preparesFor).toBeNull();
  });

  it('is offered on each of the 72 days before a Bill Run in 2026, and on no other day', () => {
    const days = Array.from({ length: 12 }, (_, i) => monthCalendar(microfinancial(), `2026-${String(i + 1).padStart(2, '0')}`).days).flat();
    const offered = days.filter((day) => planDay(microfinancial(), day.date).preparesFor !== null);
    expect(offered).toHaveLength(72);
    for (const day of offered) {
      const prepares = planDay(microfinancial(), day.date).preparesFor;
      expect(prepares?.tapes.filter((tape) => tape.kind === 'billrun')).toHaveLength(5);
    }
  });

  it('prints the labels of the Bill Run date for the set it offers, and the day itself says where they are', () => {
    const labels = setLabels(microfinancial(), '2026-12-04', 'all');
    expect(labels.ok && labels.labels.map((label) => label.code)).toEqual(['261204P', '261204D', '261204E', '261204F', '261204G', 'DAILY 1']);
    const today = setLabels(microfinancial(), '2026-12-03', 'all');
    expect(today).toEqual({
      ok: false,
      problem:
        'No daily tape is loaded on 2026-12-03: the next day, Friday, Dec. 4, 2026, is a Bill Run day, when the daily backup job does not run. Its Bill Run labels can be printed today: they are the labels of 2026-12-04.',
    });
  });

  it('says so when tomorrow is also a Bill Run on a Bill Run day', () => {
    // a missing 29 February moved to the 28th, and the first Bill Run of March put on the 1st
    const profile = withCalendar({ firstBillRun: { afterFebruary: 1 } });
    const plan = planDay(profile, '2011-02-28');
    expect(plan.kind).toBe('billrun');
    expect(plan.preparesFor?.date).toBe('2011-03-01');
    expect(plan.preparesFor?.note).toMatch(/^Tomorrow, Tuesday, March 1, 2011, is also a Bill Run day\. Its 5 Bill Run tapes \(110301P/);
    expect(plan.tapesNotes[0]).toMatch(/is also a Bill Run day: no daily tape goes in/);
    expect(plan.preparesFor?.tapes.at(-1)).toMatchObject({ code: 'DAILY 1', slot: 6, runs: '2011-03-02' });
  });
});

describe('weekend Bill Runs: the plan is silent, the profile decides, every day says so', () => {
  it('flags the Sunday Bill Run of 2026-11-29 and offers it on the Saturday before', () => {
    const sunday = planDay(microfinancial(), '2026-11-29');
    expect(sunday).toMatchObject({ kind: 'billrun', weekday: 'sunday' });
    expect(sunday.weekendBillRun).toBe(
      'Weekend Bill Run (Sunday): it runs on its date, so someone loads the magazine that day (site profile setting weekendBillRuns: on-the-day; the plan is silent on weekends).',
    );
    expect(planDay(microfinancial(), '2026-11-28').preparesFor?.weekendBillRun).toBe(sunday.weekendBillRun);
    expect(planDay(microfinancial(), '2026-12-04').weekendBillRun).toBeNull();
  });

  it('lists the weekend Bill Runs of a month with the rule in words', () => {
    const november = monthCalendar(microfinancial(), '2026-11');
    expect(november.weekendBillRuns).toEqual(['2026-11-14', '2026-11-29']);
    expect(november.weekendRule).toContain('The plan does not say whether bills run on Saturdays and Sundays');
    expect(november.weekendRule).toContain('weekendBillRuns: on-the-day');
    const confirm = monthCalendar(withCalendar({ weekendBillRuns: 'confirm' }), '2026-11');
    expect(confirm.days.find((day) => day.date === '2026-11-14')?.weekendBillRun).toMatch(/^Weekend Bill Run \(Saturday\): confirm with billing beforehand/);
  });

  it('defaults to on-the-day, so a profile without the setting stays valid', () => {
    const { weekendBillRuns: _setting, ...rest } = microfinancial().calendar;
    const parsed = calendarSchema.safeParse(rest);
    expect(parsed.success && parsed.data.weekendBillRuns).toBe('on-the-day');
    expect(calendarSchema.safeParse({ ...rest, weekendBillRuns: 'sometimes' }).success).toBe(false);
  });
});
