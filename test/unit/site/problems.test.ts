import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem } from '../../../shared/site/problems';

describe('formatPath / formatProblem', () => {
  it('joins names with dots and puts indices in brackets', () => {
    expect(formatPath(['jobs', 2, 'queue'])).toBe('jobs[2].queue');
    expect(formatPath(['tapes', 'billRun', 'tapes', 0, 'letter'])).toBe('tapes.billRun.tapes[0].letter');
    expect(formatPath(['calendar', 'billRunDays', 3])).toBe('calendar.billRunDays[3]');
  });

  it('names the profile itself when the path is empty', () => {
    expect(formatPath([])).toBe('(profile)');
  });

  it('puts the message after ": "', () => {
    expect(formatProblem({ path: ['jobs', 2, 'queue'], message: 'unknown queue "TAPE_BACKUPP"' })).toBe('jobs[2].queue: unknown queue "TAPE_BACKUPP"');
  });
});
