/**
 * A saved run the console cannot continue (written by another machine version, or damaged) is
 * shown as refused, with its reason; the console starts all the same and the run's record stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/errors';
import type { RunView } from '../../shared/procedures/run-view';
import { PROCEDURE_MACHINE_VERSION } from '../../src-main/machines/procedures/procedure-machine';
import { openStore } from '../../src-main/store/open-store';
import { makeTempDir, openServices, type TempDir } from '../support/api-fixtures';

let dir: TempDir;
beforeEach(() => {
  dir = makeTempDir('procedure-restore');
});
afterEach(() => dir.remove());

const ok = <T>(result: ApiResult<unknown>): T => {
  if (!('ok' in result)) throw new Error(JSON.stringify(result));
  return result.ok as T;
};

describe('restoring procedure runs at start', () => {
  it('refuses a run of another machine version and a damaged one, saying why, and starts anyway', async () => {
    const store = openStore(dir.file('tapeops.db'));
    const base = { procedureId: 'bill-run', runDate: '2010-08-03', status: 'active' as const, startedBy: 'JS' };
    store.procedureRuns.save(
      { ...base, id: 'bill-run-2010-08-03-aaaaaa', machineVersion: PROCEDURE_MACHINE_VERSION - 1, snapshot: { value: 'manual', context: {} } },
      [],
    );
    store.procedureRuns.save(
      { ...base, id: 'bill-run-2010-08-03-bbbbbb', machineVersion: PROCEDURE_MACHINE_VERSION, snapshot: { status: 'active', value: 'no-such-state', context: null } },
      [],
    );
    store.close();

    const { services } = await openServices(dir);
    try {
      const { runs } = ok<{ runs: RunView[] }>(await services.request('procedures.list', {}, { operator: 'JS' }));
      const byId = new Map(runs.map((r) => [r.runId, r]));
      expect(byId.get('bill-run-2010-08-03-aaaaaa')).toMatchObject({ status: 'refused' });
      expect(byId.get('bill-run-2010-08-03-aaaaaa')?.message).toContain(
        `procedure machine is version ${PROCEDURE_MACHINE_VERSION - 1}; this one (version ${PROCEDURE_MACHINE_VERSION}) cannot continue it`,
      );
      expect(byId.get('bill-run-2010-08-03-bbbbbb')).toMatchObject({ status: 'refused' });
      expect(byId.get('bill-run-2010-08-03-bbbbbb')?.message).toMatch(/could not be restored/);
      const act = await services.request('procedures.act', { runId: 'bill-run-2010-08-03-aaaaaa', action: 'confirm' }, { operator: 'JS' });
      expect('error' in act && act.error.code).toBe('run-refused');
      // the console still works: a new run starts
      const fresh = ok<RunView>(await services.request('procedures.start', { procedureId: 'daily', date: '2010-08-04', rehearsal: true }, { operator: 'JS' }));
      expect(fresh.status).toBe('active');
    } finally {
      await services.close();
    }
  });
});
