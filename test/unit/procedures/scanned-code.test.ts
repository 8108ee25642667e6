/** One normaliser for scanned codes: DAILY1 and daily 1 are DAILY 1. */
import { describe, expect, it } from 'vitest';
import { checkMagazine } from '../../../shared/procedures/magazine-check';
import { normalisedCode, sameCode } from '../../../shared/procedures/scanned-code';

const DAILIES = ['DAILY 1', 'DAILY 2', 'DAILY 3', 'DAILY 4', 'DAILY 5'];

describe('normalisedCode', () => {
  it('takes DAILY1, daily 1 and "  Daily   1 " as DAILY 1, and a Bill Run code in capitals', () => {
    expect(['DAILY1', 'daily 1', '  Daily   1 '].map((code) => normalisedCode(code, DAILIES))).toEqual(['DAILY 1', 'DAILY 1', 'DAILY 1']);
    expect(normalisedCode(' 100803d ', DAILIES)).toBe('100803D');
    expect(normalisedCode('DAILY9', DAILIES)).toBe('DAILY9');
  });

  it('lets the magazine check match a scanned DAILY1 with the plan’s DAILY 1', () => {
    expect(sameCode('DAILY1', 'DAILY 1')).toBe(true);
    expect(checkMagazine([{ slot: 1, code: 'DAILY 1' }], { 1: 'daily1' }).matches).toBe(true);
  });
});
