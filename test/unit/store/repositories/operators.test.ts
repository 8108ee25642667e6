import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/store/open-store';
import { StoreError } from '../../../../src-main/store/store-error';
import { steppingClock, useTempDir } from '../temp-dir';

const tmp = useTempDir();

describe('operators repository', () => {
  it('stores "ab" as AB', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(store.operators.signIn('ab').initials).toBe('AB');
    expect(store.operators.list().map((o) => o.initials)).toEqual(['AB']);
  });

  it('trims the initials and the name', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    expect(store.operators.signIn('  mkl ', '  M. K. Lee  ')).toMatchObject({ initials: 'MKL', name: 'M. K. Lee' });
  });

  it.each(['A1', 'A', 'ABCDE', 'A B', '', 'ÉT'])('refuses %j with invalid-initials', (bad) => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    let error: unknown;
    try {
      store.operators.signIn(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('invalid-initials');
    expect((error as StoreError).message).toMatch(/2 to 4 letters A-Z/);
    expect([store.operators.list(), store.audit.count()]).toEqual([[], 0]);
  });

  it('records first and last seen and keeps the name when signing in without one', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T12:00:00Z') }));
    const first = store.operators.signIn('JS', 'J. Smith');
    const second = store.operators.signIn('js');
    expect(second.name).toBe('J. Smith');
    expect(second.firstSeen).toBe(first.firstSeen);
    expect(Date.parse(second.lastSeen) - Date.parse(first.lastSeen)).toBeGreaterThan(0);
    expect(store.operators.get('js')).toEqual(second);
  });

  it('appends operator.sign-in to the audit log with each sign-in', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T12:00:00Z') }));
    const signedIn = store.operators.signIn('js', 'J. Smith');
    store.operators.signIn('JS');
    const records = store.audit.list({ action: 'operator.sign-in' });
    expect(records).toHaveLength(2);
    expect(records[1]).toMatchObject({
      who: 'JS',
      subject: 'JS',
      at: signedIn.lastSeen,
      details: { name: 'J. Smith', firstSignIn: true },
    });
    expect(records[0]).toMatchObject({ details: { firstSignIn: false } });
  });

  it('lists operators by initials', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    for (const initials of ['RT', 'AB', 'MKL']) store.operators.signIn(initials);
    expect(store.operators.list().map((o) => o.initials)).toEqual(['AB', 'MKL', 'RT']);
  });

  it("appends operator.sign-out when the operator leaves the console, and refuses initials that are not an operator's", () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db'), { now: steppingClock('2026-11-25T12:00:00Z') }));
    store.operators.signIn('JS');
    store.operators.signOut('JS');
    expect(store.audit.list({ limit: 2 }).map((r) => [r.who, r.action, r.subject])).toEqual([
      ['JS', 'operator.sign-out', 'JS'],
      ['JS', 'operator.sign-in', 'JS'],
    ]);
    expect(() => store.operators.signOut('ABCDE')).toThrow(/2 to 4 letters A-Z/);
    expect(store.audit.count()).toBe(2);
  });
});
