import { describe, expect, it } from 'vitest';
import { initializeTapesPlan } from '../../../shared/calendar/initialize-tapes';
import type { SiteProfile } from '../../../shared/site/schema';
import { microfinancial } from './site-profile';

function withCommand(command: string, initializedByJobs?: number): SiteProfile {
  const profile = microfinancial();
  return {
    ...profile,
    initializeTapes: { ...profile.initializeTapes, command },
    tapes: {
      ...profile.tapes,
      billRun: { ...profile.tapes.billRun, initializedByJobs: initializedByJobs ?? profile.tapes.billRun.initializedByJobs },
    },
  };
}

const codes = (tapes: { code: string }[] | undefined) => tapes?.map((tape) => tape.code);

describe('initializeTapesPlan', () => {
  it('reads the first position from /PARAMETER=3: the 3rd, 4th and 5th tapes', () => {
    const plan = initializeTapesPlan(microfinancial(), '2010-08-09');
    expect(plan.parameter).toBe(3);
    expect(codes(plan.initializes)).toEqual(['100809E', '100809F', '100809G']);
    expect(codes(plan.notInitialized)).toEqual(['100809P', '100809D']);
  });

  it('reads other DCL spellings of the parameter', () => {
    expect(initializeTapesPlan(withCommand('SUBMIT/QUEUE=Q/PARAMETERS=(4) X.COM'), '2010-08-09').parameter).toBe(4);
    expect(initializeTapesPlan(withCommand('SUBMIT/PARAM="3" X.COM'), '2010-08-09').parameter).toBe(3);
  });

  it("falls back on the job's parameters when the command gives none", () => {
    const plan = initializeTapesPlan(withCommand('SUBMIT/QUEUE=Q X.COM'), '2010-08-09');
    expect(plan.parameter).toBe(3);
    expect(plan.notes).toEqual([]);
  });

  it('says so when the parameter and the tapes the jobs initialise disagree', () => {
    const plan = initializeTapesPlan(withCommand('SUBMIT/PARAMETER=4 X.COM'), '2010-08-09');
    expect(codes(plan.initializes)).toEqual(['100809F', '100809G']);
    expect(plan.notInitialized.at(-1)).toMatchObject({ code: '100809E' });
    expect(plan.notInitialized.at(-1)?.reason).toContain('check the site profile');
    expect(plan.notes[0]).toContain('does not follow the 2 tapes');
  });
});
