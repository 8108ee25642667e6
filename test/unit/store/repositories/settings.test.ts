import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/store/open-store';
import { steppingClock, useTempDir } from '../temp-dir';

const tmp = useTempDir();

describe('settings repository', () => {
  it('returns undefined for a key never set, and what was set otherwise', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(store.settings.get('drive.slots')).toBeUndefined();
    store.settings.set('drive.slots', 7, 'system');
    store.settings.set('labels.printer', { kind: 'zpl', host: '127.0.0.1', port: 9100 }, 'JS');
    expect(store.settings.get<number>('drive.slots')).toBe(7);
    expect(store.settings.get('labels.printer')).toEqual({ kind: 'zpl', host: '127.0.0.1', port: 9100 });
  });

  it('writes a settings.change audit record with the old and new value', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T12:00:00Z') }));
    store.settings.set('courier.day', 'Friday', 'JS');
    const changed = store.settings.set('courier.day', 'Thursday', 'MKL');
    const [latest, earlier] = store.audit.list({ action: 'settings.change' });
    expect(latest).toMatchObject({
      who: 'MKL',
      action: 'settings.change',
      subject: 'courier.day',
      details: { old: 'Friday', new: 'Thursday' },
      at: changed.updatedAt,
    });
    expect(earlier).toMatchObject({ who: 'JS', details: { old: null, new: 'Friday' } });
  });

  it('writes nothing when the value is unchanged', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T12:00:00Z') }));
    const first = store.settings.set('drive.slots', 7, 'system');
    const second = store.settings.set('drive.slots', 7, 'JS');
    expect(second).toEqual(first);
    expect(store.audit.count()).toBe(1);
  });

  it('lists all settings by key and keeps them across reopen', () => {
    const file = tmp.path('console.db');
    const store = openStore(file, { now: () => new Date('2026-11-25T12:00:00Z') });
    store.settings.set('b.second', [1, 2], 'system');
    store.settings.set('a.first', null, 'system');
    store.close();
    const again = tmp.closeLater(openStore(file));
    expect(again.settings.all().map(({ key, value }) => ({ key, value }))).toEqual([
      { key: 'a.first', value: null },
      { key: 'b.second', value: [1, 2] },
    ]);
    expect(Date.parse(again.settings.all()[0]!.updatedAt)).toBe(Date.parse('2026-11-25T12:00:00Z'));
  });

  it('refuses a bad key, value or actor and changes nothing', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(() => store.settings.set(' padded ', 1, 'JS')).toThrow(expect.objectContaining({ code: 'invalid-setting-key' }));
    expect(() => store.settings.set('k', undefined, 'JS')).toThrow(expect.objectContaining({ code: 'invalid-setting-value' }));
    expect(() => store.settings.set('k', () => 1, 'JS')).toThrow(expect.objectContaining({ code: 'invalid-setting-value' }));
    expect(() => store.settings.set('k', 1, 'nobody')).toThrow(expect.objectContaining({ code: 'invalid-who' }));
    expect([store.settings.all(), store.audit.count()]).toEqual([[], 0]);
  });
});
