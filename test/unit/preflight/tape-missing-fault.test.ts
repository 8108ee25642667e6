/**
 * The tape-missing fault pre-flight is tested against: the person loading the magazine left a slot
 * empty. The rest of the magazine, the door and the loaded tape are as the person would leave them.
 */
import { describe, expect, it } from 'vitest';
import { applyFault, emptyMagazine } from '../../../src-main/simulator';
import { loadBillRunMagazine } from '../../../src-main/simulator/drive/operator-steps';
import { shippedProfile, siteAt } from '../simulator/site-fixture';

function loadedSite() {
  const { site } = siteAt('2010-08-03T06:30:00');
  const drive = site.drive('BLT4');
  if (drive === undefined) throw new Error('the simulated BLT4 has no drive');
  loadBillRunMagazine(drive, shippedProfile(), '2010-08-03');
  return { site, drive };
}

describe('tape-missing', () => {
  it('takes the tape of the slot out and puts the magazine back, loaded, the door closed', () => {
    const { site, drive } = loadedSite();
    const active = applyFault(site.faults, { fault: 'tape-missing', on: true, slot: 3 }, drive);
    const state = drive.snapshot();
    expect(state.slots.map((tape) => tape?.code ?? null)).toEqual(['100803P', '100803D', null, '100803F', '100803G', null, null]);
    expect([state.doorOpen, state.magazineInDrive, state.loadedSlot]).toEqual([false, true, 1]);
    expect(active).toContain('tape missing: slot 3');
  });

  it('needs the drive, and refuses a slot the magazine does not have without touching it', () => {
    const { site, drive } = loadedSite();
    expect(() => applyFault(site.faults, { fault: 'tape-missing', on: true, slot: 3 })).toThrow('tape-missing needs the tape drive of the site');
    expect(() => applyFault(site.faults, { fault: 'tape-missing', on: true, slot: 9 }, drive)).toThrow('tape-missing: the magazine has slots 1 to 7');
    expect(drive.snapshot().slots.filter((tape) => tape !== null)).toHaveLength(5);
    expect(drive.snapshot().doorOpen).toBe(false);
  });

  it('leaves an empty magazine empty', () => {
    const { site, drive } = loadedSite();
    emptyMagazine(drive);
    drive.insertMagazine();
    drive.closeDoor();
    applyFault(site.faults, { fault: 'tape-missing', on: true, slot: 1 }, drive);
    expect(drive.snapshot().slots.every((tape) => tape === null)).toBe(true);
    expect(drive.snapshot().loadedSlot).toBeNull();
  });
});
