/** One rule maps a tape's paper code to its volume label, shown beside it on the step card. */
import { describe, expect, it } from 'vitest';
import { planProcedureRun } from '../../../shared/procedures';
import { siteProfileSchema } from '../../../shared/site/schema';
import { volumeLabelOf } from '../../../shared/tapes/volume-label';
import { microfinancial } from '../calendar/site-profile';

describe('volumeLabelOf', () => {
  it('gives six characters for the plan’s seven-character codes and keeps the DAILY tapes apart', () => {
    expect(['100803P', '100803E', '261204G', 'DAILY 1', 'daily 5'].map((code) => volumeLabelOf(code))).toEqual(['00803P', '00803E', '61204G', 'DAILY1', 'DAILY5']);
  });

  it('is the profile’s rule, with a default for older profiles that do not name one', () => {
    const profile = microfinancial();
    expect(profile.tapes.billRun.volumeLabel).toBe('last-six');
    const { volumeLabel: _named, ...older } = profile.tapes.billRun;
    const parsed = siteProfileSchema.safeParse({ ...profile, tapes: { ...profile.tapes, billRun: older } });
    expect(parsed.success && parsed.data.tapes.billRun.volumeLabel).toBe('last-six');
  });

  it('is shown beside each paper code of the Bill Run run, and under the INITIALIZE_TAPES step for the tapes it initialises', () => {
    const planned = planProcedureRun(microfinancial(), 'bill-run', '2010-08-03', { uniquePart: 'AAAAAA' });
    if (!planned.ok) throw new Error(planned.problem);
    expect(planned.plan.slots.slice(0, 5).map((s) => [s.code, s.volume])).toEqual([
      ['100803P', '00803P'],
      ['100803D', '00803D'],
      ['100803E', '00803E'],
      ['100803F', '00803F'],
      ['100803G', '00803G'],
    ]);
    const submit = planned.plan.steps.find((s) => s.id === 'submit-initialize-tapes');
    expect(submit?.notes).toContain('Volume labels it writes: 100803E → volume 00803E, 100803F → volume 00803F, 100803G → volume 00803G.');
    expect(submit?.notes.some((n) => n.startsWith('This command is run from the system manager account'))).toBe(true);
  });
});
