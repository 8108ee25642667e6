/** A run's plan from the shipped profile: the day's slots, codes and SUBMIT filled into the plan's steps. */
import { describe, expect, it } from 'vitest';
import { planDay } from '../../../shared/calendar/day-plan';
import { planProcedureRun, type ProcedureRunPlan } from '../../../shared/procedures';
import type { SiteProfile } from '../../../shared/site/schema';
import { microfinancial } from '../calendar/site-profile';

const UNIQUE = '0K3Z9Q';

function plan(procedureId: string, date: string, profile: SiteProfile = microfinancial(), chosenJob?: string): ProcedureRunPlan {
  const result = planProcedureRun(profile, procedureId, date, { uniquePart: UNIQUE, ...(chosenJob ? { chosenJob } : {}) });
  if (!result.ok) throw new Error(result.problem);
  return result.plan;
}

function problem(procedureId: string, date: string, profile: SiteProfile = microfinancial(), uniquePart = UNIQUE, chosenJob?: string): string {
  const result = planProcedureRun(profile, procedureId, date, { uniquePart, ...(chosenJob ? { chosenJob } : {}) });
  if (result.ok) throw new Error(`${procedureId} on ${date} has a plan`);
  return result.problem;
}

function step(run: ProcedureRunPlan, id: string) {
  const found = run.steps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

const BILL_RUN_STEPS = [
  'obtain-tapes',
  'enter-computer-room',
  'press-eject',
  'remove-magazine',
  'empty-magazine',
  'install-tapes',
  'lock-tapes',
  'install-magazine',
  'press-load',
  'log-in',
  'submit-initialize-tapes',
  'see-initialize-tapes',
  'see-bill-run-queued',
  'deliver-to-receptionist',
];

describe('planProcedureRun: the Bill Run of Tuesday 2010-08-03', () => {
  const run = plan('bill-run', '2010-08-03');

  it("has the plan's 12 steps, the console's queue checks after the SUBMIT, and the Tuesday delivery", () => {
    expect(run.steps.map((s) => s.id)).toEqual(BILL_RUN_STEPS);
    expect(run.steps.map((s) => s.kind)).toEqual([
      'manual',
      'manual',
      'sensed',
      'manual',
      'manual',
      'sensed',
      'manual',
      'manual',
      'sensed',
      'manual',
      'command',
      'sensed',
      'sensed',
      'manual',
    ]);
    // the run ends by seeing the chain's first job queued, and says what comes next
    expect(step(run, 'see-bill-run-queued').sense).toEqual({ kind: 'queue-entry', queue: 'TIME_BLT4', job: 'INVOICE_STATEMENT_GENERATE' });
    expect(run.next?.[0]).toBe('The backups have not run yet. The Bill Run chain:');
    expect(run.next).toContain('CONSOLIDATED_BACKUP_TO_TAPE (TAPE_BACKUP): after RMU_BACKUP_DOCUMENT completes, 100803D, 100803E, 100803F, 100803G.');
    expect(run).toMatchObject({ procedureId: 'bill-run', title: 'Procedure for Bill Run Backups', date: '2010-08-03' });
    expect(run.drive).toEqual({ host: 'BLT4', model: 'TZ887', slots: 7, device: '$2$MKA500:' });
  });

  it("fills the magazine with the day plan's slots: the five Bill Run tapes, tomorrow's daily tape, one empty", () => {
    expect(run.slots.map((s) => s.code)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1', null]);
    expect(run.slots.map((s) => s.code)).toEqual(planDay(microfinancial(), '2010-08-03').slots);
    expect(run.slots.map((s) => s.slot)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives the order under the install step, which the console checks against the magazine', () => {
    const install = step(run, 'install-tapes');
    expect(install.sense).toEqual({ kind: 'magazine-matches-plan' });
    expect(install.notes).toContain('Slot 1: 100803P, slot 2: 100803D, slot 3: 100803E, slot 4: 100803F, slot 5: 100803G, slot 6: DAILY 1.');
    expect(install.notes).toContain('DAILY 1 is for the daily backup job DAILY_BACKUP on Wednesday, Aug. 4, 2010.');
  });

  it('sends the exact SUBMIT of INITIALIZE_TAPES to TAPE_BACKUP on BLT4, then waits for its entry', () => {
    expect(step(run, 'submit-initialize-tapes').command).toEqual({
      job: 'INITIALIZE_TAPES',
      host: 'BLT4',
      queue: 'TAPE_BACKUP',
      dcl: `SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_INITIALIZE_TAPES_${UNIQUE} SYS$LOGIN:INITIALIZE_TAPES.COM`,
      parameters: ['3'],
    });
    expect(step(run, 'see-initialize-tapes').sense).toEqual({ kind: 'queue-entry', queue: 'TAPE_BACKUP', job: 'INITIALIZE_TAPES' });
  });

  it("shows the drive's front for the buttons and the door, the slot plan for the magazine's contents", () => {
    expect(run.steps.filter((s) => s.showsDrive).map((s) => [s.id, s.showsDrive])).toEqual([
      ['press-eject', 'eject'],
      ['remove-magazine', 'door'],
      ['install-magazine', 'door'],
      ['press-load', 'load'],
    ]);
    expect(run.steps.filter((s) => s.showsMagazine).map((s) => s.id)).toEqual(['install-tapes', 'lock-tapes']);
    expect(step(run, 'press-eject').sense).toEqual({ kind: 'drive-unloaded' });
    expect(step(run, 'press-load').sense).toEqual({ kind: 'drive-loaded' });
  });

  it('keeps no link to the profile, so a profile changed later cannot change the run', () => {
    const profile = structuredClone(microfinancial());
    const frozen = plan('bill-run', '2010-08-03', profile);
    const before = structuredClone(frozen);
    const [obtain, , eject] = profile.operatorProcedures?.[0]?.steps ?? [];
    if (eject?.sense) Object.assign(eject.sense, { kind: 'drive-loaded' });
    obtain?.notes?.push('changed');
    expect(frozen).toEqual(before);
  });
});

describe('planProcedureRun: other days and procedures', () => {
  it('leaves the Tuesday delivery out on Monday 2010-08-09, a Bill Run day', () => {
    const run = plan('bill-run', '2010-08-09');
    expect(run.steps.map((s) => s.id)).toEqual(BILL_RUN_STEPS.filter((id) => id !== 'deliver-to-receptionist'));
    expect(run.slots[0]?.code).toBe('100809P');
  });

  it("puts the day's DAILY tape in slot 1 of a daily run, the tape planDay loads for the next morning", () => {
    const run = plan('daily', '2010-08-05');
    expect(run.steps).toHaveLength(9);
    // the run ends by seeing the DAILY_BACKUP entry waiting for 06:05
    expect(run.steps.at(-1)?.sense).toEqual({ kind: 'queue-entry', queue: 'TAPE_BACKUP', job: 'DAILY_BACKUP', at: '06:05' });
    expect(run.slots.map((s) => s.code)).toEqual(['DAILY 3', null, null, null, null, null, null]);
    expect(run.slots.map((s) => s.code)).toEqual(planDay(microfinancial(), '2010-08-05').slots);
    expect(step(run, 'install-daily-tape')).toMatchObject({ kind: 'sensed', showsMagazine: true });
    expect(step(run, 'install-daily-tape').notes).toContain('Slot 1: DAILY 3.');
    expect(run.steps.filter((s) => s.sense).map((s) => [s.id, s.sense?.kind])).toEqual([
      ['press-eject', 'drive-unloaded'],
      ['install-daily-tape', 'magazine-matches-plan'],
      ['press-load', 'drive-loaded'],
      ['see-daily-backup-queued', 'queue-entry'],
    ]);
    expect(run.steps.some((s) => s.command)).toBe(false);
    expect(run.notes.join(' ')).toMatch(/use the first DAILY tape in the tape drive magazine/);
  });

  it('plans the courier and test-restore procedures without a magazine, all steps ticked by hand', () => {
    for (const id of ['courier', 'test-restore']) {
      const run = plan(id, '2010-08-10');
      expect(run.slots).toEqual([]);
      expect(run.steps.every((s) => s.kind === 'manual' && !s.showsMagazine)).toBe(true);
    }
    // the console lists the procedures itself (no SET DEFAULT and DIRECTORY to type) and checks the tape
    const adhoc = plan('adhoc', '2010-08-10', microfinancial(), 'RMU_BACKUP_LEASE_DATA');
    expect(adhoc.steps.map((s) => [s.id, s.kind])).toEqual([
      ['list-procedures', 'sensed'],
      ['set-up-tape', 'sensed'],
      ['run-procedure', 'command'],
    ]);
    expect(step(adhoc, 'list-procedures').procedure).toEqual({ host: 'BLT4', directory: 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]', file: 'RMU_BACKUP_LEASE_DATA.COM' });
    // the tape the Procedure for Daily Backups sets up next: the one loaded on 2010-08-10 for the 11th
    expect(adhoc.slots).toEqual([{ slot: 1, code: planDay(microfinancial(), '2010-08-10').slots[0], volume: expect.stringMatching(/^DAILY\d$/) }]);
    expect(step(adhoc, 'set-up-tape').sense).toEqual({ kind: 'magazine-matches-plan' });
    expect(
      plan('test-restore', '2010-08-10')
        .steps.map((s) => s.text)
        .join(' '),
    ).toMatch(/to BLT3/);
  });

  it('runs the adhoc backup of the database chosen at the start, as a command step, and asks for the choice', () => {
    const run = plan('adhoc', '2010-08-10', microfinancial(), 'RMU_BACKUP_TAX_DATA');
    expect(run.slots).toHaveLength(1);
    expect(step(run, 'run-procedure').command).toMatchObject({ job: 'RMU_BACKUP_TAX_DATA', host: 'BLT4' });
    expect(step(run, 'run-procedure').command?.dcl).toMatch(
      /^SUBMIT\/QUEUE=\w+\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_RMU_BACKUP_TAX_DATA_\w+\/USER=LEASE_BATCH \S*RMU_BACKUP_TAX_DATA\.COM$/,
    );
    expect(problem('adhoc', '2010-08-10')).toBe('adhoc, choose the database to back up: RMU_BACKUP_LEASE_DATA, RMU_BACKUP_TAX_DATA');
    expect(problem('adhoc', '2010-08-10', microfinancial(), UNIQUE, 'INITIALIZE_TAPES')).toBe(
      'adhoc, INITIALIZE_TAPES is not an adhoc backup job; the adhoc jobs are RMU_BACKUP_LEASE_DATA, RMU_BACKUP_TAX_DATA',
    );
  });

  it('warns when the courier run is not on the pickup weekday', () => {
    expect(plan('courier', '2010-08-10').warnings).toEqual([]);
    expect(plan('courier', '2010-08-09').warnings).toEqual(['The Iron Mountain courier picks up on Tuesdays; this run is for Monday, Aug. 9, 2010.']);
  });

  it('lists the Bill Run tapes written since the last pickup, with their return dates, and takes a receipt', () => {
    // Tuesday 2010-08-10: the Bill Runs since Tuesday 2010-08-03 (the 3rd, the first of August, and the 9th)
    const run = plan('courier', '2010-08-10');
    const items = step(run, 'gather-bill-run-tapes').items ?? [];
    expect(items.map((i) => i.code)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', '100809P', '100809D', '100809E', '100809F', '100809G']);
    expect(items[0]?.detail).toBe('No return date (Bill Run of Tuesday, Aug. 3, 2010)');
    expect(items[5]?.detail).toBe('Return after Feb. 9, 2011 (Bill Run of Monday, Aug. 9, 2010)');
    expect(step(run, 'courier-pickup').receipt).toBe(true);
  });

  it("names the day's DAILY tape in the daily procedure's first step", () => {
    const run = plan('daily', '2010-08-05');
    expect(step(run, 'obtain-daily-tape').notes).toContain(`Today's DAILY tape: ${run.slots[0]?.code}.`);
  });
});

describe('planProcedureRun: problems', () => {
  it('names the procedures there are for an unknown id', () => {
    expect(problem('bill-runn', '2010-08-03')).toBe('no procedure bill-runn; the procedures are bill-run, daily, adhoc, courier, test-restore');
    const none = { ...microfinancial(), operatorProcedures: undefined };
    expect(problem('bill-run', '2010-08-03', none)).toBe('no procedure bill-run; the site profile has no operator procedures');
  });

  it('names the next Bill Run for a Bill Run procedure on another day', () => {
    expect(problem('bill-run', '2010-08-05')).toBe('2010-08-05 is not a Bill Run day; the next Bill Run is Monday, Aug. 9, 2010.');
  });

  it('refuses a daily run on a day that loads no DAILY tape, and on a Bill Run day', () => {
    expect(problem('daily', '2010-08-08')).toBe(
      'No DAILY tape is loaded on 2010-08-08: the next day, Monday, Aug. 9, 2010, is a Bill Run day, when the daily backup job does not run.',
    );
    expect(problem('daily', '2010-08-03')).toMatch(/^2010-08-03 is a Bill Run day: .*Bill Run procedure/);
  });

  it('refuses a malformed date and a bad unique part, as sentences', () => {
    expect(problem('bill-run', '2010-08-32')).toMatch(/^"2010-08-32" is not a date/);
    expect(problem('bill-run', '2010-08-03', microfinancial(), 'not base 36!')).toMatch(/^bill-run, step submit-initialize-tapes: uniquePart/);
  });

  it('refuses a command step whose job the profile lacks (a profile built without validation)', () => {
    const profile = structuredClone(microfinancial());
    const submit = profile.operatorProcedures?.[0]?.steps.find((s) => s.id === 'submit-initialize-tapes');
    if (submit?.command && 'job' in submit.command) submit.command.job = 'INITIALIZE_TAPE';
    expect(problem('bill-run', '2010-08-03', profile)).toBe('bill-run, step submit-initialize-tapes: the site profile has no job INITIALIZE_TAPE');
  });
});
