/** Problems zod finds in the shape, each reworded and located by its path. */
import { describe, expect, it } from 'vitest';
import { validateSiteProfile } from '../../../shared/site/validate';
import { changed, deleteAt, jobIndex, planData } from './plan-data';

function problemsOf(data: unknown): string[] {
  const result = validateSiteProfile(data);
  return result.ok ? [] : result.problems;
}

describe('validateSiteProfile: shape problems', () => {
  it('reports a bad time', () => {
    const data = planData();
    const i = jobIndex(data, 'DAILY_BACKUP');
    data.jobs[i]!.at = '25:00';
    expect(problemsOf(data)).toEqual([`jobs[${i}].at: must be a time HH:MM, got "25:00"`]);
  });

  it('reports a bad enum value with the allowed values', () => {
    expect(problemsOf(changed(['hosts', 0, 'arch'], 'SPARC'))).toEqual(['hosts[0].arch: expected one of "VAX" | "Alpha"']);
  });

  it('checks how the console reaches a host: authentication, legacy algorithms, exec', () => {
    expect(problemsOf(changed(['hosts', 3, 'authentication'], 'telnet'))).toEqual([
      'hosts[3].authentication: expected one of "password" | "publickey" | "keyboard-interactive"',
    ]);
    expect(problemsOf(changed(['hosts', 3, 'legacyAlgorithms'], 'yes'))).toEqual(['hosts[3].legacyAlgorithms: expected true or false, got "yes"']);
    const result = validateSiteProfile(planData());
    // the shipped profile offers the era's algorithms to its hosts, whose SSH server is legacy unless said otherwise
    expect(result.ok && result.profile.hosts.map((h) => [h.authentication, h.legacyAlgorithms, h.exec, h.sshServer])[3]).toEqual(['password', true, false, 'legacy']);
    expect(problemsOf(changed(['hosts', 3, 'sshServer'], 'openssh'))).toEqual(['hosts[3].sshServer: expected one of "legacy" | "modern"']);
  });

  it('reports a bad literal', () => {
    expect(problemsOf(changed(['retention', 'yearEnd'], 'six months'))).toEqual(['retention.yearEnd: expected "no-return-date"']);
  });

  it('reports a bad submittedBy kind', () => {
    const data = planData();
    const i = jobIndex(data, 'DAILY_BACKUP');
    expect(problemsOf(changed(['jobs', i, 'submittedBy', 'kind'], 'cron'))).toEqual([`jobs[${i}].submittedBy.kind: expected one of "job" | "scheduler" | "operator"`]);
  });

  it('reports a missing field', () => {
    const data = planData();
    const i = jobIndex(data, 'CONSOLIDATED_BACKUP_TO_TAPE');
    deleteAt(data, ['jobs', i, 'queue']);
    expect(problemsOf(data)).toEqual([`jobs[${i}].queue: required field is missing`]);
  });

  it('reports a missing section', () => {
    const data = planData();
    deleteAt(data, ['courier']);
    expect(problemsOf(data)).toEqual(['courier: required field is missing']);
  });

  it('reports a wrong type with the value found', () => {
    expect(problemsOf(changed(['drive', 'slots'], 'seven'))).toEqual(['drive.slots: expected a number, got "seven"']);
    expect(problemsOf(changed(['drive', 'slots'], 6.5))).toEqual(['drive.slots: expected a whole number, got 6.5']);
    expect(problemsOf(changed(['drive', 'compressed'], 'yes'))).toEqual(['drive.compressed: expected true or false, got "yes"']);
    expect(problemsOf(changed(['calendar', 'billRunDays'], 9))).toEqual(['calendar.billRunDays: expected a list, got 9']);
  });

  it('reports a misspelt (unknown) field, which would otherwise be dropped silently', () => {
    const data = planData();
    const i = jobIndex(data, 'RMU_BACKUP_DATA');
    (data.jobs[i] as Record<string, unknown>).queu = 'TIME_BLT4';
    expect(problemsOf(data)).toEqual([`jobs[${i}].queu: unknown field`]);
  });

  it('reports values out of range and empty lists', () => {
    expect(problemsOf(changed(['hosts', 3, 'port'], 70000))).toEqual(['hosts[3].port: must be at most 65535']);
    expect(problemsOf(changed(['tapes', 'daily', 'labels'], []))).toEqual(['tapes.daily.labels: must have at least one item']);
    expect(problemsOf(changed(['site', 'name'], ''))).toEqual(['site.name: must not be empty']);
  });

  it('reports names that are not OpenVMS names, and dates that do not exist', () => {
    expect(problemsOf(changed(['batchUser'], 'lease batch'))).toEqual([
      'batchUser: must be an OpenVMS name: A-Z, 0-9, $ and _, at most 39 characters, got "lease batch"',
    ]);
    expect(problemsOf(changed(['report', 'startDate'], '2010-02-30'))).toEqual(['report.startDate: must be a real calendar date, got "2010-02-30"']);
  });

  it('reports data that is not a mapping at all', () => {
    expect(problemsOf(null)).toEqual(['(profile): expected a mapping, got null']);
    expect(problemsOf([1, 2])).toEqual(['(profile): expected a mapping, got a list']);
  });

  it('does not report every job as on an unknown host when the host list itself is broken', () => {
    expect(problemsOf(changed(['hosts'], 'BLT4'))).toEqual(['hosts: expected a list, got "BLT4"']);
  });

  it('still knows a host whose own entry is broken, so its jobs are not reported too', () => {
    expect(problemsOf(changed(['hosts', 3, 'arch'], 'Itanium'))).toEqual(['hosts[3].arch: expected one of "VAX" | "Alpha"']);
  });

  it('returns the parsed profile, with defaults, when all is well', () => {
    const result = validateSiteProfile(planData());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.profile.jobs[0]?.parameters).toEqual([]);
  });
});

describe('validateSiteProfile: a missing choice', () => {
  it('says the field is missing and what it may be', () => {
    const data = planData();
    deleteAt(data, ['hosts', 0, 'arch']);
    expect(problemsOf(data)).toEqual(['hosts[0].arch: required field is missing; expected one of "VAX" | "Alpha"']);
  });
});
