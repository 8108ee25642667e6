import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/api';
import { ensureAudit, loadOlderAudit } from '../../../src-renderer/stores/audit-actions';
import { setApi } from '../../../src-renderer/stores/console-api';
import { useConsole } from '../../../src-renderer/stores/console-store';
import { fakeConsoleApi } from './fake-console-api';

function record(id: number): AuditEntry {
  return { id, at: `2030-05-06T07:00:00.000Z`, who: 'JS', action: 'settings.change', subject: null, details: null };
}

/** A log of `count` records, answered newest first with keyset paging as main does. */
function logOf(count: number) {
  let last = count;
  const api = fakeConsoleApi({
    'audit.recent': ({ limit, beforeId }) => {
      const ids: number[] = [];
      for (let id = Math.min(last, (beforeId ?? last + 1) - 1); id >= 1 && ids.length < limit; id--) ids.push(id);
      return ids.map(record);
    },
  });
  return { api, append: () => record(++last) };
}

const ids = () => useConsole.getState().audit.map((entry) => entry.id);

afterEach(() => {
  useConsole.setState(useConsole.getInitialState(), true);
});

describe('the audit log beyond its latest 20 records', () => {
  it('pages back by id to the first record, each record once, none lost to records appended meanwhile', async () => {
    const log = logOf(45);
    setApi(log.api);
    await ensureAudit();
    expect(ids()).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
    expect(useConsole.getState().auditComplete).toBe(false);

    expect(await loadOlderAudit()).toBeNull();
    expect(ids().at(-1)).toBe(6);
    // appended while older pages are held: kept at the top, nothing trimmed off the bottom
    useConsole.getState().auditAppended(log.append());
    expect(ids()[0]).toBe(46);
    expect(ids().at(-1)).toBe(6);
    expect(useConsole.getState().auditComplete).toBe(false);

    expect(await loadOlderAudit()).toBeNull();
    expect(ids()).toEqual(Array.from({ length: 46 }, (_, i) => 46 - i));
    expect(useConsole.getState().auditComplete).toBe(true);
  });

  it('a short log is whole until appended records push its oldest off the latest 20', async () => {
    const log = logOf(19);
    setApi(log.api);
    await ensureAudit();
    expect(useConsole.getState().auditComplete).toBe(true);
    useConsole.getState().auditAppended(log.append());
    expect(useConsole.getState().auditComplete).toBe(true);
    useConsole.getState().auditAppended(log.append());
    expect(ids()).toHaveLength(20);
    expect(useConsole.getState().auditComplete).toBe(false);
    await loadOlderAudit();
    expect(ids().at(-1)).toBe(1);
    expect(useConsole.getState().auditComplete).toBe(true);
  });
});
