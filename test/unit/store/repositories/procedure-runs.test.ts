import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../src-main/store/open-store';
import { useTempDir } from '../temp-dir';

const tmp = useTempDir();
const run = { id: 'R1', procedureId: 'bill-run', runDate: '2010-08-03', machineVersion: 1, status: 'active' as const, startedBy: 'JS' };

describe('procedure runs repository', () => {
  it('saves a snapshot with its audit records, and rewrites it at the next step', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.procedureRuns.save({ ...run, snapshot: { value: 'manual', index: 0 } }, [{ who: 'JS', action: 'procedure.started', subject: 'R1' }]);
    store.procedureRuns.save({ ...run, snapshot: { value: 'manual', index: 1 } }, [{ who: 'JS', action: 'procedure.step', subject: 'R1 obtain-tapes' }]);
    expect(store.procedureRuns.get('R1')).toMatchObject({ status: 'active', snapshot: { index: 1 }, startedBy: 'JS' });
    expect(store.audit.list().map((r) => r.action)).toEqual(['procedure.step', 'procedure.started']);
  });

  it('writes neither the snapshot nor the records when one record is refused', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.procedureRuns.save({ ...run, snapshot: { index: 0 } }, []);
    expect(() =>
      store.procedureRuns.save({ ...run, snapshot: { index: 1 } }, [
        { who: 'JS', action: 'procedure.step', subject: 'R1 a' },
        { who: 'not initials', action: 'procedure.step', subject: 'R1 b' },
      ]),
    ).toThrow(/initials/);
    expect(store.procedureRuns.get('R1')?.snapshot).toEqual({ index: 0 });
    expect(store.audit.count()).toBe(0);
  });

  it('lists the runs under way first, oldest first', () => {
    const store = tmp.closeLater(openStore(tmp.path('console.db')));
    store.procedureRuns.save({ ...run, id: 'A', status: 'done', snapshot: {} }, []);
    store.procedureRuns.save({ ...run, id: 'B', snapshot: {} }, []);
    store.procedureRuns.save({ ...run, id: 'C', snapshot: {} }, []);
    expect(store.procedureRuns.list().map((r) => r.id)).toEqual(['B', 'C', 'A']);
    expect(store.procedureRuns.list({ status: 'active' }).map((r) => r.id)).toEqual(['B', 'C']);
  });
});
