/** The profile's label settings: what the shipped plan says, and what an older profile without them gets. */
import { describe, expect, it } from 'vitest';
import { validateSiteProfile } from '../../../shared/site/validate';
import { changed, deleteAt, planData } from '../site/plan-data';

function problemsOf(data: unknown): string[] {
  const result = validateSiteProfile(data);
  return result.ok ? [] : result.problems;
}

describe('tapes.labels in the site profile', () => {
  it('reads the shipped settings: Code 128, cartridges from MF0001 as DLTtape IV', () => {
    const result = validateSiteProfile(planData());
    expect(result.ok && result.profile.tapes.labels).toEqual({
      symbology: 'code128',
      cartridge: { firstSerial: 'MF0001', mediaId: 'D', checkCharacter: false },
    });
  });

  it('gives a profile written before labels existed the same defaults', () => {
    const data = planData();
    deleteAt(data, ['tapes', 'labels']);
    const result = validateSiteProfile(data);
    expect(result.ok && result.profile.tapes.labels).toEqual({
      symbology: 'code128',
      cartridge: { firstSerial: 'MF0001', mediaId: 'D', checkCharacter: false },
    });
  });

  it('fills in a partly written block', () => {
    const result = validateSiteProfile(changed(['tapes', 'labels'], { symbology: 'code39', cartridge: { checkCharacter: true } }));
    expect(result.ok && result.profile.tapes.labels).toEqual({
      symbology: 'code39',
      cartridge: { firstSerial: 'MF0001', mediaId: 'D', checkCharacter: true },
    });
  });

  it('refuses a serial an OpenVMS volume label cannot hold, a bad media ID, an unknown symbology or field', () => {
    expect(problemsOf(changed(['tapes', 'labels', 'cartridge', 'firstSerial'], 'MF00001'))).toEqual([
      'tapes.labels.cartridge.firstSerial: must be six capital letters and digits, such as MF0001, ending in the number to count up, got "MF00001"',
    ]);
    expect(problemsOf(changed(['tapes', 'labels', 'cartridge', 'firstSerial'], 'mf0001'))).toHaveLength(1);
    expect(problemsOf(changed(['tapes', 'labels', 'cartridge', 'mediaId'], 'DL'))).toHaveLength(1);
    expect(problemsOf(changed(['tapes', 'labels', 'symbology'], 'qr'))).toEqual(['tapes.labels.symbology: expected one of "code128" | "code39"']);
    expect(problemsOf(changed(['tapes', 'labels', 'colour'], 'red'))).toHaveLength(1);
  });
});
