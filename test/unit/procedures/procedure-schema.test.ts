/** The operator procedures in a site profile: the shape of each step, and what the steps refer to. */
import { describe, expect, it } from 'vitest';
import { validateSiteProfile } from '../../../shared/site/validate';
import { deleteAt, planData, setAt } from '../site/plan-data';

type Change = (data: ReturnType<typeof planData>) => void;

function problemsAfter(...changes: Change[]): string[] {
  const data = planData();
  for (const change of changes) change(data);
  const result = validateSiteProfile(data);
  return result.ok ? [] : result.problems;
}

// bill-run is operatorProcedures[0]; its steps 2 (press-eject), 10 (the SUBMIT) and 11 (the queue check)
const BILL = ['operatorProcedures', 0, 'steps'];

describe('operator procedures: the shape of a step', () => {
  it('accepts the shipped procedures', () => {
    expect(problemsAfter()).toEqual([]);
  });

  it('refuses a sensed step without a sense, and a manual step with one', () => {
    expect(problemsAfter((d) => deleteAt(d, [...BILL, 2, 'sense']))).toEqual(['operatorProcedures[0].steps[2].sense: a sensed step needs a sense']);
    expect(problemsAfter((d) => setAt(d, [...BILL, 2, 'kind'], 'manual'))).toEqual([
      'operatorProcedures[0].steps[2].sense: only a sensed step has a sense; this step is manual',
    ]);
  });

  it('refuses a command step without a command, and a command on a sensed step', () => {
    expect(problemsAfter((d) => deleteAt(d, [...BILL, 10, 'command']))).toEqual(['operatorProcedures[0].steps[10].command: a command step needs a command']);
    expect(problemsAfter((d) => setAt(d, [...BILL, 2, 'command'], { job: 'INITIALIZE_TAPES' }))).toEqual([
      'operatorProcedures[0].steps[2].command: only a command step has a command; this step is sensed',
    ]);
  });

  it('refuses a duplicate step id, naming the first, and an id that is not lower case', () => {
    expect(problemsAfter((d) => setAt(d, [...BILL, 3, 'id'], 'press-eject'))).toEqual([
      'operatorProcedures[0].steps[3].id: duplicate step id "press-eject" (also steps[2])',
    ]);
    expect(problemsAfter((d) => setAt(d, [...BILL, 3, 'id'], 'Remove_Magazine'))).toEqual([
      'operatorProcedures[0].steps[3].id: must be a lower-case identifier such as press-load, got "Remove_Magazine"',
    ]);
  });

  it('refuses an unknown sense, weekday or when', () => {
    expect(problemsAfter((d) => setAt(d, [...BILL, 2, 'sense'], { kind: 'drive-ejected' }))).toEqual([
      'operatorProcedures[0].steps[2].sense.kind: expected one of "drive-unloaded" | "drive-loaded" | "queue-entry" | "magazine-matches-plan" | "procedure-listed"',
    ]);
    expect(problemsAfter((d) => setAt(d, [...BILL, 13, 'onlyOn'], ['tuseday']))).toEqual([
      'operatorProcedures[0].steps[13].onlyOn[0]: expected one of "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"',
    ]);
    expect(problemsAfter((d) => setAt(d, ['operatorProcedures', 3, 'when'], 'weekly'))).toEqual([
      'operatorProcedures[3].when: expected one of "billrun" | "daily" | "adhoc" | "courier" | "restore"',
    ]);
  });
});

describe('operator procedures: references', () => {
  it("refuses a command whose job is not one of the profile's", () => {
    expect(problemsAfter((d) => setAt(d, [...BILL, 10, 'command', 'job'], 'INITIALIZE_TAPE'))).toEqual([
      'operatorProcedures[0].steps[10].command.job: unknown job "INITIALIZE_TAPE"',
    ]);
  });

  it('refuses a queue entry of an unknown queue or job, and one in a queue its job does not use', () => {
    const sense = [...BILL, 11, 'sense'];
    expect(problemsAfter((d) => setAt(d, [...sense, 'queue'], 'TAPE_BACKUPS'))).toEqual(['operatorProcedures[0].steps[11].sense.queue: unknown queue "TAPE_BACKUPS"']);
    expect(problemsAfter((d) => setAt(d, [...sense, 'job'], 'INITIALISE_TAPES'))).toEqual(['operatorProcedures[0].steps[11].sense.job: unknown job "INITIALISE_TAPES"']);
    expect(problemsAfter((d) => setAt(d, [...sense, 'queue'], 'TIME_BLT4'))).toMatchObject([
      expect.stringMatching(/^operatorProcedures\[0\]\.steps\[11\]\.sense\.queue: INITIALIZE_TAPES runs in TAPE_BACKUP \(jobs\[\d+\]\.queue\), not in TIME_BLT4$/),
    ]);
  });
});
