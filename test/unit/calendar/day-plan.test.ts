import { describe, expect, it } from 'vitest';
import { CalendarInputError } from '../../../shared/calendar/calendar-input-error';
import { planDay } from '../../../shared/calendar/day-plan';
import { microfinancial, withCalendar } from './site-profile';

describe("planDay on a Bill Run day: 2010-08-03, the plan's example", () => {
  const plan = () => planDay(microfinancial(), '2010-08-03');

  it('is a Bill Run Tuesday decided by the plan itself', () => {
    expect(plan()).toMatchObject({ date: '2010-08-03', weekday: 'tuesday', kind: 'billrun', notes: [] });
  });

  it('loads P, D, E, F, G in slots 1-5, the daily tape for tomorrow in slot 6, and leaves slot 7 empty', () => {
    expect(plan().slots).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1', null]);
  });

  it('pulls and labels the five Bill Run tapes, and pulls the already-labelled daily tape for tomorrow', () => {
    const pulls = plan().tapesToPull;
    expect(pulls.map((tape) => [tape.code, tape.job, tape.position, tape.label])).toEqual([
      ['100803P', 'PROD_AND_DEVEL_BACKUP', 1, true],
      ['100803D', 'CONSOLIDATED_BACKUP_TO_TAPE', 2, true],
      ['100803E', 'CONSOLIDATED_BACKUP_TO_TAPE', 3, true],
      ['100803F', 'CONSOLIDATED_BACKUP_TO_TAPE', 4, true],
      ['100803G', 'CONSOLIDATED_BACKUP_TO_TAPE', 5, true],
      ['DAILY 1', 'DAILY_BACKUP', undefined, false],
    ]);
    expect(pulls[0]?.title).toBe('Prod & Devel backup');
    expect(pulls[4]?.title).toBe('Consolidated_Backup_to_Tape #4');
    expect(pulls[5]).toMatchObject({ kind: 'daily', slot: 6, runs: '2010-08-04' });
    expect(plan().tapesNotes).toEqual([]);
  });

  it('runs the Bill Run chain from the jobs graph, in order, each with its start', () => {
    const timeline = plan().timeline;
    // the operator's morning submission first, then the chain the billing run starts
    expect(timeline.map((entry) => entry.job)).toEqual([
      'INITIALIZE_TAPES',
      'INVOICE_STATEMENT_GENERATE',
      'RMU_BACKUP_DATA',
      'PROD_AND_DEVEL_BACKUP',
      'BLT_CLEANUP',
      'RMU_BACKUP_DOCUMENT',
      'CONSOLIDATED_BACKUP_TO_TAPE',
    ]);
    const when = Object.fromEntries(timeline.map((entry) => [entry.job, entry.when]));
    expect(when.RMU_BACKUP_DATA).toEqual({ kind: 'after', job: 'INVOICE_STATEMENT_GENERATE', text: 'after INVOICE_STATEMENT_GENERATE completes' });
    expect(when.PROD_AND_DEVEL_BACKUP).toMatchObject({ kind: 'after', job: 'RMU_BACKUP_DATA' });
    expect(when.BLT_CLEANUP).toMatchObject({ kind: 'after', job: 'PROD_AND_DEVEL_BACKUP' });
    expect(when.RMU_BACKUP_DOCUMENT).toMatchObject({ kind: 'at', at: '12:00', submittedBy: 'RMU_BACKUP_DATA' });
    expect(when.CONSOLIDATED_BACKUP_TO_TAPE).toMatchObject({ kind: 'after', job: 'RMU_BACKUP_DOCUMENT' });
    expect(when.INITIALIZE_TAPES).toMatchObject({ kind: 'operator' });
    expect(when.INITIALIZE_TAPES?.text).toContain('in the morning');
    expect(when.INVOICE_STATEMENT_GENERATE?.kind).toBe('scheduler');

    const consolidated = timeline.find((entry) => entry.job === 'CONSOLIDATED_BACKUP_TO_TAPE');
    expect(consolidated).toMatchObject({ queue: 'TAPE_BACKUP', host: 'BLT4', type: 'disk-to-tape', tapes: ['100803D', '100803E', '100803F', '100803G'] });
    expect(timeline.find((entry) => entry.job === 'RMU_BACKUP_DATA')).toMatchObject({ queue: 'TIME_BLT4', type: 'disk-to-disk' });
    expect(timeline.find((entry) => entry.job === 'PROD_AND_DEVEL_BACKUP')?.tapes).toEqual(['100803P']);
    expect(timeline.find((entry) => entry.job === 'INITIALIZE_TAPES')?.tapes).toEqual(['100803E', '100803F', '100803G']);
    expect(timeline.some((entry) => entry.job === 'DAILY_BACKUP')).toBe(false);
  });

  it('initialises the 3rd, 4th and 5th tapes with the command, and says why not the top two', () => {
    const initialize = plan().initializeTapes;
    expect(initialize).toMatchObject({
      job: 'INITIALIZE_TAPES',
      command: 'SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP SYS$LOGIN:INITIALIZE_TAPES.COM',
      parameter: 3,
      notes: [],
    });
    expect(initialize?.initializes.map((tape) => tape.code)).toEqual(['100803E', '100803F', '100803G']);
    expect(initialize?.notInitialized.map((tape) => [tape.code, tape.reason])).toEqual([
      ['100803P', 'initialised by its own backup job, PROD_AND_DEVEL_BACKUP'],
      ['100803D', 'initialised by its own backup job, CONSOLIDATED_BACKUP_TO_TAPE'],
    ]);
  });

  it('has no daily backup today, the courier (a Tuesday), tomorrow and the next Bill Run', () => {
    const day = plan();
    expect(day.dailyBackupToday).toBeNull();
    expect(day.courier).toEqual({
      company: 'Iron Mountain',
      pickupTime: 'Tuesday afternoon',
      handOff: 'deliver all Bill Run tapes to the receptionist on Tuesday morning',
    });
    expect(day.tomorrow).toEqual({ date: '2010-08-04', kind: 'daily', dailyTape: 'DAILY 1' });
    expect(day.nextBillRun).toBe('2010-08-09');
  });

  it('is plain data that survives JSON', () => {
    const day = plan();
    expect(JSON.parse(JSON.stringify(day))).toEqual(day);
  });
});

describe('planDay on daily days', () => {
  it("2010-08-04: DAILY 1 runs at 06:05 (after yesterday's Bill Run); DAILY 2 goes in for tomorrow", () => {
    const plan = planDay(microfinancial(), '2010-08-04');
    expect(plan).toMatchObject({ kind: 'daily', weekday: 'wednesday', notes: [], courier: null, initializeTapes: null });
    expect(plan.dailyBackupToday).toEqual({ job: 'DAILY_BACKUP', at: '06:05', tape: 'DAILY 1' });
    expect(plan.timeline).toHaveLength(1);
    expect(plan.timeline[0]).toMatchObject({
      job: 'DAILY_BACKUP',
      queue: 'TAPE_BACKUP',
      host: 'BLT4',
      type: 'disk-to-disk-and-tape',
      when: { kind: 'scheduler', by: 'BATCHMAN', at: '06:05' },
      tapes: ['DAILY 1'],
    });
    expect(plan.timeline[0]?.notes[0]).toContain('once the Bill Run jobs are done');
    expect(plan.tapesToPull).toEqual([{ code: 'DAILY 2', kind: 'daily', job: 'DAILY_BACKUP', title: expect.any(String), slot: 1, label: false, runs: '2010-08-05' }]);
    expect(plan.slots).toEqual(['DAILY 2', null, null, null, null, null, null]);
    expect(plan.tomorrow).toEqual({ date: '2010-08-05', kind: 'daily', dailyTape: 'DAILY 2' });
    expect(plan.nextBillRun).toBe('2010-08-09');
  });

  it('2010-08-05: no note about a Bill Run the day before', () => {
    const plan = planDay(microfinancial(), '2010-08-05');
    expect(plan.timeline[0]?.notes).toEqual([]);
    expect(plan.dailyBackupToday?.tape).toBe('DAILY 2');
  });

  it('2010-08-08: tomorrow is a Bill Run day, so nothing is loaded today, and it says why', () => {
    const plan = planDay(microfinancial(), '2010-08-08');
    expect(plan.kind).toBe('daily');
    expect(plan.dailyBackupToday?.tape).toBe('DAILY 5');
    expect(plan.tapesToPull).toEqual([]);
    expect(plan.slots).toEqual([null, null, null, null, null, null, null]);
    expect(plan.tapesNotes).toHaveLength(1);
    expect(plan.tapesNotes[0]).toContain('Tomorrow, 2010-08-09, is a Bill Run day');
    expect(plan.tomorrow).toEqual({ date: '2010-08-09', kind: 'billrun' });
    expect(plan.nextBillRun).toBe('2010-08-09');
  });

  it('2010-08-10: a daily Tuesday has the courier too', () => {
    expect(planDay(microfinancial(), '2010-08-10').courier?.company).toBe('Iron Mountain');
  });
});

describe('planDay where a setting decided the date', () => {
  it('says so on the first Bill Run after February', () => {
    const plan = planDay(microfinancial(), '2010-03-04');
    expect(plan.kind).toBe('billrun');
    expect(plan.notes).toEqual(["The plan is silent on the first Bill Run after February; the site profile's setting (afterFebruary) puts it on the 4th."]);
    expect(plan.slots.slice(0, 6)).toEqual(['100304P', '100304D', '100304E', '100304F', '100304G', 'DAILY 1']);
  });

  it('says so on a moved 29 February; the day before loads nothing, the next Bill Run crosses the month', () => {
    expect(planDay(microfinancial(), '2010-02-28').notes[0]).toContain('puts it on the 28th');
    expect(planDay(microfinancial(), '2010-02-27').tapesToPull).toEqual([]);
    expect(planDay(microfinancial(), '2010-02-28').nextBillRun).toBe('2010-03-04');
  });

  it('notes the wrap of the daily tapes when a skipped day leaves too many daily days', () => {
    const plan = planDay(withCalendar({ missingDay: 'skip' }), '2010-03-02');
    expect(plan.dailyBackupToday?.tape).toBe('DAILY 1');
    expect(plan.notes[0]).toContain('wraps round to DAILY 1');
  });
});

describe('planDay of a malformed date', () => {
  it('is a CalendarInputError', () => {
    expect(() => planDay(microfinancial(), '2010-02-30')).toThrow(CalendarInputError);
    expect(() => planDay(microfinancial(), 'today')).toThrow('"today" is not a date');
  });
});

describe('planDay with a smaller magazine', () => {
  it('fills the slots it has and says which tape has none', () => {
    const profile = microfinancial();
    const plan = planDay({ ...profile, drive: { ...profile.drive, slots: 5 } }, '2010-08-03');
    expect(plan.slots).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G']);
    expect(plan.tapesNotes).toEqual(['DAILY 1 has no slot: the magazine holds 5 tapes.']);
  });
});
