/** A sensed step of the drive is proof of the act or not done: the end state alone is not enough. */
import { describe, expect, it } from 'vitest';
import { driveChange } from '../../../shared/procedures/drive-change';

const AT = '2010-08-03T07:05:09.000Z';
const loaded = { words: '_$2$MKA500: online, a tape loaded', online: true, loaded: true };
const empty = { words: '_$2$MKA500: online, no tape loaded', online: true, loaded: false };
const offline = { words: '_$2$MKA500: offline, no tape loaded', online: false, loaded: false };

describe('Eject as a sensed change', () => {
  it('waits while the tape is loaded, and marks that reading as the start of the change', () => {
    const reading = driveChange({ model: 'TZ887', before: null }, loaded, 'unloaded', AT);
    expect(reading).toMatchObject({ satisfied: false, before: true, read: loaded.words });
    expect(reading.detail).toContain('press Eject on the TZ887');
  });

  it('is seen only after a tape was seen loaded in this step, and says both readings', () => {
    const reading = driveChange({ model: 'TZ887', before: { read: loaded.words, at: '2010-08-03T07:05:01.000Z' } }, empty, 'unloaded', AT);
    expect(reading.satisfied).toBe(true);
    expect(reading.detail).toBe('_$2$MKA500: online, a tape loaded at 07:05:01, then _$2$MKA500: online, no tape loaded at 07:05:09: Eject was pressed.');
  });

  it('is not marked done when the drive was already empty: the person confirms, with the reading', () => {
    const reading = driveChange({ model: 'TZ887', before: null }, empty, 'unloaded', AT);
    expect(reading.satisfied).toBe(false);
    expect(reading.personConfirms).toBe(true);
    expect(reading.detail).toContain('no tape was loaded when this step began, so the console cannot see Eject pressed');
  });
});

describe('Load as a sensed change', () => {
  it('waits on an offline or empty drive, and is seen once a tape is loaded after it', () => {
    expect(driveChange({ model: 'TZ887', before: null }, offline, 'loaded', AT)).toMatchObject({ satisfied: false, before: true });
    const reading = driveChange({ model: 'TZ887', before: { read: empty.words, at: AT } }, loaded, 'loaded', AT);
    expect(reading).toMatchObject({ satisfied: true });
    expect(reading.detail).toContain('Load was pressed');
  });

  it('does not take a tape loaded from the start as Load pressed', () => {
    expect(driveChange({ model: 'TZ887', before: null }, loaded, 'loaded', AT)).toMatchObject({ satisfied: false, personConfirms: true });
  });
});
