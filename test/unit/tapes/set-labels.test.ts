/** The labels of a day's tapes (Figure 2 of the plan): codes, jobs, run dates, set and retention. */
import { describe, expect, it } from 'vitest';
import { labelsForDate, setLabels, type SetLabel } from '../../../shared/tapes/set-labels';
import { microfinancial } from '../calendar/site-profile';

function labels(date: string, set: 'billrun' | 'daily' | 'all'): SetLabel[] {
  const result = setLabels(microfinancial(), date, set);
  if (!result.ok) throw new Error(result.problem);
  return result.labels;
}

describe('labelsForDate', () => {
  it("gives the plan's Bill Run day 2010-08-03: 100803P, D, E, F, G in magazine order, then tomorrow's DAILY tape", () => {
    const result = labelsForDate(microfinancial(), '2010-08-03');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.labels.map((label) => [label.code, label.jobName, label.position, label.runDate])).toEqual([
      ['100803P', 'PROD_AND_DEVEL_BACKUP', 1, '2010-08-03'],
      ['100803D', 'CONSOLIDATED_BACKUP_TO_TAPE #1', 2, '2010-08-03'],
      ['100803E', 'CONSOLIDATED_BACKUP_TO_TAPE #2', 3, '2010-08-03'],
      ['100803F', 'CONSOLIDATED_BACKUP_TO_TAPE #3', 4, '2010-08-03'],
      ['100803G', 'CONSOLIDATED_BACKUP_TO_TAPE #4', 5, '2010-08-03'],
      ['DAILY 1', 'DAILY_BACKUP', undefined, '2010-08-04'],
    ]);
  });

  it('writes out one Bill Run label in full', () => {
    expect(labels('2010-08-03', 'billrun')[1]).toEqual({
      kind: 'billrun',
      code: '100803D',
      jobName: 'CONSOLIDATED_BACKUP_TO_TAPE #1',
      runDate: '2010-08-03',
      runDateText: 'Aug. 3, 2010',
      setText: 'Bill Run of Aug. 3, 2010 · tape 2 of 5',
      position: 2,
      retention: { kind: 'no-return-date', reason: 'first Bill Run set of August 2010', text: 'No return date' },
      barcodeText: '100803D',
      volumeLabel: '00803D',
    });
  });

  it('on a daily day gives only the DAILY tape loaded for the next morning', () => {
    expect(labelsForDate(microfinancial(), '2010-08-05')).toEqual({
      ok: true,
      labels: [
        {
          kind: 'daily',
          code: 'DAILY 3',
          jobName: 'DAILY_BACKUP',
          runDate: '2010-08-06',
          runDateText: 'Aug. 6, 2010',
          setText: 'Daily backup',
          retention: { kind: 'reused', reason: 'Daily backup tapes are re-used in between each bill run.', text: 'Re-used between Bill Runs' },
          // the space stays: Code 128 carries it
          barcodeText: 'DAILY 3',
          volumeLabel: 'DAILY3',
        },
      ],
    });
  });
});

describe('setLabels', () => {
  it('gives the Bill Run set alone', () => {
    expect(labels('2010-08-09', 'billrun').map((label) => label.code)).toEqual(['100809P', '100809D', '100809E', '100809F', '100809G']);
  });

  it("marks each set's retention: the month's first set and the year-end set stay, the others come back", () => {
    expect(labels('2010-08-03', 'billrun').every((label) => label.retention.text === 'No return date')).toBe(true);
    const ninth = labels('2010-08-09', 'billrun');
    expect(ninth.every((label) => label.retention.kind === 'return-after' && label.retention.date === '2011-02-09')).toBe(true);
    expect(ninth[0]?.retention.text).toBe('Return after Feb. 9, 2011');
    const yearEnd = labels('2010-12-29', 'billrun');
    expect(yearEnd.map((label) => label.code)).toEqual(['101229P', '101229D', '101229E', '101229F', '101229G']);
    expect(yearEnd.every((label) => label.retention.kind === 'no-return-date' && label.retention.reason.startsWith('year-end set'))).toBe(true);
  });

  it('gives DAILY 1 to DAILY 5 on the days between two Bill Runs, each for the next morning', () => {
    const days = ['2010-08-03', '2010-08-04', '2010-08-05', '2010-08-06', '2010-08-07'];
    expect(days.map((date) => labels(date, 'daily').map((label) => `${label.code} ${label.runDate}`))).toEqual([
      ['DAILY 1 2010-08-04'],
      ['DAILY 2 2010-08-05'],
      ['DAILY 3 2010-08-06'],
      ['DAILY 4 2010-08-07'],
      ['DAILY 5 2010-08-08'],
    ]);
  });

  it('says why there is no Bill Run set on a daily day', () => {
    expect(setLabels(microfinancial(), '2010-08-05', 'billrun')).toEqual({
      ok: false,
      problem: '2010-08-05 is not a Bill Run day; the next Bill Run is Monday, Aug. 9, 2010.',
    });
  });

  it('says why no DAILY tape is loaded the day before a Bill Run', () => {
    const expected = {
      ok: false,
      problem:
        'No daily tape is loaded on 2010-08-08: the next day, Monday, Aug. 9, 2010, is a Bill Run day, when the daily backup job does not run. Its Bill Run labels can be printed today: they are the labels of 2010-08-09.',
    };
    expect(setLabels(microfinancial(), '2010-08-08', 'daily')).toEqual(expected);
    expect(setLabels(microfinancial(), '2010-08-08', 'all')).toEqual(expected);
  });

  it('says what a malformed date should look like', () => {
    expect(setLabels(microfinancial(), '2010-02-30', 'all')).toEqual({
      ok: false,
      problem: '"2010-02-30" is not a date: give a day of the calendar as YYYY-MM-DD, such as 2010-08-03.',
    });
  });

  it('takes the job name alone when the tape title has no number', () => {
    const profile = microfinancial();
    const other = {
      ...profile,
      tapes: { ...profile.tapes, billRun: { ...profile.tapes.billRun, tapes: [{ letter: 'Q', job: 'SOME_JOB', title: 'Some job' }] } },
    };
    const result = setLabels(other, '2010-08-03', 'billrun');
    expect(result.ok && result.labels.map((label) => [label.jobName, label.setText])).toEqual([['SOME_JOB', 'Bill Run of Aug. 3, 2010 · tape 1 of 1']]);
  });
});
