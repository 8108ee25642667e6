/** How far each batch log was read: saved per file version, never going back. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStoreError } from '../../../../src-main/store/store-error';
import { openStore, type Store } from '../../../../src-main/store/open-store';

const LOG = 'DISK$MENTAT:[USER_DIR.LEASECOMM]RMU_BACKUP_DATA.LOG';
const path = (version: number) => `/DISK$MENTAT/USER_DIR/LEASECOMM/RMU_BACKUP_DATA.LOG;${version}`;
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function storeAt(file?: string): { store: Store; file: string } {
  const at = file ?? join(mkdtempSync(join(tmpdir(), 'tapeops-places-')), 'store.db');
  if (file === undefined) dirs.push(join(at, '..'));
  let t = Date.UTC(2010, 7, 3, 8);
  const store = openStore(at, { now: () => new Date((t += 1000)) });
  stores.push(store);
  return { store, file: at };
}

describe('log places', () => {
  it('keeps one place per version, and knows the version saved last', () => {
    const { store, file } = storeAt();
    store.logPlaces.save({ host: 'BLT4', log: LOG, path: path(309), offset: 4400, line: 80 });
    store.logPlaces.save({ host: 'BLT4', log: LOG, path: path(310), offset: 120, line: 3 });
    expect(store.logPlaces.latest('BLT4', LOG)).toEqual({ host: 'BLT4', log: LOG, path: path(310), offset: 120, line: 3 });
    expect(store.logPlaces.get('BLT4', path(309))?.line).toBe(80);
    expect(store.logPlaces.latest('BLT4', 'DISK$MENTAT:[USER_DIR.LEASECOMM]OTHER.LOG')).toBeUndefined();
    // it outlives the console
    store.close();
    stores.splice(0);
    const again = storeAt(file).store;
    expect(again.logPlaces.latest('BLT4', LOG)?.path).toBe(path(310));
  });

  it('refuses a place that goes back, or that is not a whole number', () => {
    const { store } = storeAt();
    store.logPlaces.save({ host: 'BLT4', log: LOG, path: path(310), offset: 500, line: 10 });
    const back = () => store.logPlaces.save({ host: 'BLT4', log: LOG, path: path(310), offset: 400, line: 9 });
    expect(back).toThrow(/cannot go back from line 10 to line 9/);
    try {
      back();
    } catch (error) {
      expect(isStoreError(error) && error.code).toBe('invalid-log-place');
    }
    expect(() => store.logPlaces.save({ host: 'BLT4', log: LOG, path: path(311), offset: 1.5, line: 0 })).toThrow(/whole number/);
    expect(store.logPlaces.get('BLT4', path(310))).toMatchObject({ offset: 500, line: 10 });
  });
});
