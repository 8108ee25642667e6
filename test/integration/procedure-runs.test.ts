/**
 * A whole Bill Run procedure through the console's services against the simulated site over SSH:
 * the drive's state read by SHOW DEVICE/FULL, a wrong tape in slot 2 caught with what to do, the
 * INITIALIZE_TAPES SUBMIT sent once and its entry seen in TAPE_BACKUP; every step in the audit
 * log; and a run restored at its step when the console starts again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isApiError, type ApiResult } from '../../shared/errors';
import type { RunView } from '../../shared/procedures/run-view';
import { defaultSiteFile } from '../../src-main/app/paths';
import { startConsole } from '../../src-main/app/start-console';
import type { RequestContext } from '../../src-main/app/dispatch';
import { emptyMagazine, loadDailyMagazine } from '../../src-main/simulator/drive/operator-steps';
import { connectThroughConsole } from '../support/api-fixtures';

const dataDir = mkdtempSync(join(tmpdir(), 'tapeops-procedures-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function ok<T>(result: ApiResult<unknown>): T {
  if (isApiError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.ok as T;
}

async function start(storeFile: string) {
  const services = await startConsole({ shell: 'browser', version: 'test', dataDir, storeFile, defaultSiteFile, hosts: 'simulated', log: () => undefined });
  const simulator = services.session().simulator;
  if (simulator === undefined) throw new Error('no simulated site started');
  const ctx: RequestContext = { operator: null };
  ok(await services.request('session.signIn', { initials: 'JS' }, ctx));
  await connectThroughConsole(services, 'BLT4', ctx);
  const drive = simulator.site.drive('BLT4');
  if (drive === undefined) throw new Error('BLT4 has no drive');
  return { services, ctx, drive, site: simulator.site, close: () => services.close() };
}

type Console = Awaited<ReturnType<typeof start>>;

async function act(c: Console, runId: string, input: Record<string, unknown>): Promise<RunView> {
  return ok<RunView>(await c.services.request('procedures.act', { runId, ...input } as never, c.ctx));
}

/**
 * The run once `until` holds: its view now, or the first `procedures.changed` event that holds
 * (every transition of a run is pushed as one, after its save).
 */
async function when(c: Console, runId: string, until: (run: RunView) => boolean, what: string): Promise<RunView> {
  let last: RunView | undefined;
  const seen = new Promise<RunView>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(last && { state: last.state, index: last.index, reading: last.reading })}`));
    }, 15_000);
    const stop = c.services.events.listen((event, payload) => {
      const run = payload as RunView;
      if (event !== 'procedures.changed' || run.runId !== runId) return;
      last = run;
      if (until(run)) {
        clearTimeout(timer);
        stop();
        resolve(run);
      }
    });
  });
  const { runs } = ok<{ runs: RunView[] }>(await c.services.request('procedures.list', {}, c.ctx));
  const now = runs.find((r) => r.runId === runId);
  if (now !== undefined && until(now)) {
    void seen.catch(() => undefined);
    return now;
  }
  return seen;
}

const stepIs = (id: string) => (run: RunView) => run.plan?.steps[run.index]?.id === id;

describe('the Bill Run procedure of 2010-08-03 against the simulated BLT4', () => {
  it('walks the magazine procedure, catches a wrong tape in slot 2, and sends INITIALIZE_TAPES once', async () => {
    const c = await start(join(dataDir, 'walk.db'));
    try {
      // the morning begins with yesterday's DAILY tape loaded in the drive
      loadDailyMagazine(c.drive, 'DAILY 1');
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'bill-run', date: '2010-08-03' }, c.ctx));
      const id = run.runId;
      const steps = run.plan?.steps ?? [];
      expect(steps.map((s) => s.kind)).toContain('command');
      const slots = run.plan?.slots ?? [];
      expect(slots.slice(0, 5).map((s) => s.code)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G']);

      // the manual steps before the drive, confirmed one by one
      while (steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(steps[run.index]?.sense).toEqual({ kind: 'drive-unloaded' });
      // a tape is loaded: the step waits, saying what to do
      run = await when(c, id, (r) => r.state === 'waiting', 'the first reading of the drive');
      expect(run.reading?.detail).toMatch(/a tape loaded: press Eject/);
      c.drive.pressEject();
      run = await when(c, id, (r) => r.index > 2, 'the console to see the drive unloaded');

      while (steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(steps[run.index]?.sense).toEqual({ kind: 'magazine-matches-plan' });
      if (c.drive.magazineInDrive) c.drive.removeMagazine();
      emptyMagazine(c.drive);
      // a wrong tape in slot 2
      run = await act(c, id, { action: 'scan', slot: 1, code: '100803P' });
      run = await act(c, id, { action: 'scan', slot: 2, code: '100803E' });
      run = await when(c, id, (r) => r.state === 'waiting' && /Slot 2 holds 100803E/.test(r.reading?.detail ?? ''), 'the wrong tape to be reported');
      expect(run.reading?.detail).toContain('Slot 2 holds 100803E; 100803D belongs there: find 100803D and put it in slot 2.');
      for (const { slot, code } of slots) {
        if (code !== null) run = await act(c, id, { action: 'scan', slot, code });
        if (code !== null) c.drive.insertTape(slot, c.drive.blankTape(code));
      }
      run = await when(c, id, (r) => !stepIs('install-tapes')(r) && r.state !== 'sensing', 'the magazine to match the plan');

      while (steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      c.drive.insertMagazine();
      c.drive.closeDoor();
      expect(steps[run.index]?.sense).toEqual({ kind: 'drive-loaded' });
      c.drive.pressLoad();
      run = await when(c, id, (r) => steps[r.index]?.sense?.kind !== 'drive-loaded', 'the console to see the tape loaded');

      while (steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(run.state).toBe('review');
      const dcl = steps[run.index]?.command?.dcl ?? '';
      expect(dcl).toMatch(
        /^SUBMIT\/PARAMETER=3\/QUEUE=TAPE_BACKUP\/RETAIN=UNTIL=1-00:00:00\/NAME=TAPEOPS_INITIALIZE_TAPES_[0-9A-Z]{6} SYS\$LOGIN:INITIALIZE_TAPES\.COM$/,
      );
      run = await act(c, id, { action: 'confirm' });
      run = await when(c, id, (r) => r.records.some((rec) => rec.outcome === 'sent'), 'the SUBMIT');
      run = await when(c, id, (r) => r.records.some((rec) => rec.detail?.includes('in TAPE_BACKUP') && rec.outcome === 'sensed'), 'the entry seen in TAPE_BACKUP');

      while (run.status === 'active' && steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(run.status).toBe('done');
      const name = /\/NAME=(\S+)/.exec(dcl)?.[1] ?? '';
      expect(JSON.stringify(c.site.inspect('BLT4').queues).split(`"${name}"`).length - 1).toBe(1);

      const audit = c.services.store.audit.list({ limit: 200 }).filter((r) => r.action.startsWith('procedure.'));
      expect(audit.filter((r) => r.action === 'procedure.started')).toHaveLength(1);
      expect(audit.filter((r) => r.action === 'procedure.completed')).toHaveLength(1);
      const stepRecords = audit.filter((r) => r.action === 'procedure.step');
      expect(stepRecords).toHaveLength(run.records.length);
      expect(stepRecords.some((r) => r.who === 'system')).toBe(true);
      expect(c.services.store.procedureRuns.get(id)?.status).toBe('done');
    } finally {
      await c.close();
    }
  }, 90_000);

  it('runs an adhoc backup of the database chosen at the start, and refuses to start without a choice', async () => {
    const c = await start(join(dataDir, 'adhoc.db'));
    try {
      const refused = await c.services.request('procedures.start', { procedureId: 'adhoc', date: '2010-08-10' }, c.ctx);
      expect('error' in refused && refused.error.message).toBe('adhoc, choose the database to back up: RMU_BACKUP_LEASE_DATA, RMU_BACKUP_TAX_DATA');
      const { choices } = ok<{ choices: { id: string; jobs?: { name: string }[] }[] }>(await c.services.request('procedures.list', {}, c.ctx));
      expect(choices.find((ch) => ch.id === 'adhoc')?.jobs?.map((j) => j.name)).toEqual(['RMU_BACKUP_LEASE_DATA', 'RMU_BACKUP_TAX_DATA']);
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'adhoc', date: '2010-08-10', job: 'RMU_BACKUP_LEASE_DATA' }, c.ctx));
      const id = run.runId;
      while (run.state === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(run.state).toBe('review');
      run = await act(c, id, { action: 'confirm' });
      run = await when(c, id, (r) => r.status === 'done', 'the adhoc backup to be sent');
      expect(run.records.at(-1)).toMatchObject({
        outcome: 'sent',
        detail: expect.stringMatching(/^Job TAPEOPS_RMU_BACKUP_LEASE_DATA_\w+ \(queue \w+, entry \d+\) started\.$/),
      });
    } finally {
      await c.close();
    }
  }, 60_000);

  it('restores a run at its step, with what was scanned, when the console starts again', async () => {
    const file = join(dataDir, 'restore.db');
    const first = await start(file);
    let id: string;
    try {
      let run = ok<RunView>(await first.services.request('procedures.start', { procedureId: 'bill-run', date: '2010-08-03' }, first.ctx));
      id = run.runId;
      run = await act(first, id, { action: 'confirm' });
      run = await act(first, id, { action: 'confirm' });
      expect(run.index).toBe(2);
    } finally {
      await first.close();
    }
    const second = await start(file);
    try {
      const { runs } = ok<{ runs: RunView[] }>(await second.services.request('procedures.list', {}, second.ctx));
      const restored = runs.find((r) => r.runId === id);
      expect(restored).toMatchObject({ status: 'active', index: 2 });
      expect(restored?.records.map((r) => r.outcome)).toEqual(['confirmed', 'confirmed']);
      const audited = second.services.store.audit.list({ limit: 50 }).filter((r) => r.action === 'procedure.step');
      expect(audited).toHaveLength(2);
    } finally {
      await second.close();
    }
  }, 60_000);
});
