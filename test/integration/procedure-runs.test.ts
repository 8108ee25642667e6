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
import { clockStartingAt, parseNow } from '../../shared/clock';
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

/** The console and its simulated site at a pinned morning (the plan's Bill Run day by default), the clock running from there. */
async function start(storeFile: string, now = '2010-08-03T07:00') {
  const at = parseNow(now);
  if (at === null) throw new Error(`not a time: ${now}`);
  const clock = clockStartingAt(at);
  const services = await startConsole({ shell: 'browser', version: 'test', dataDir, storeFile, defaultSiteFile, hosts: 'simulated', clock, log: () => undefined });
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

/** What the site's scheduler does, by DCL on the simulated BLT4: a job of the plan held until its time. */
async function schedule(c: Console, queue: string, after: string, job: string): Promise<void> {
  const command = `SUBMIT/QUEUE=${queue}/AFTER="${after}" DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]${job}.COM`;
  const { output, status } = await c.site.exec('BLT4', command);
  if (status % 2 !== 1) throw new Error(`${command} failed: ${output}`);
}

/** The system manager deletes the entry the site's scheduler holds for a job, as if it had never been queued. */
async function withdraw(c: Console, queue: string, job: string): Promise<void> {
  const manager = c.site.inspect('BLT4').queues;
  const onQueue = manager?.queue(queue);
  if (manager === undefined || onQueue === undefined) throw new Error(`BLT4 has no queue ${queue}`);
  const held = manager.entriesOf(onQueue).find((entry) => entry.profileJob === job && entry.state === 'holding-until');
  if (held === undefined) throw new Error(`the simulated scheduler holds no ${job} in ${queue}`);
  const { output, status } = await c.site.exec('BLT4', `DELETE/ENTRY=${held.entry}`);
  if (status % 2 !== 1) throw new Error(`DELETE/ENTRY=${held.entry} failed: ${output}`);
}

const stepIs = (id: string) => (run: RunView) => run.plan?.steps[run.index]?.id === id;

describe('the Bill Run procedure of 2010-08-03 against the simulated BLT4', () => {
  it('walks the magazine procedure, catches a wrong tape in slot 2, and sends INITIALIZE_TAPES once', async () => {
    const c = await start(join(dataDir, 'walk.db'));
    try {
      // the site's scheduler holds the Bill Run's first job from the morning on; this morning it
      // did not, so that the run's last check has something to wait for
      await withdraw(c, 'TIME_BLT4', 'INVOICE_STATEMENT_GENERATE');
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
      expect(run.records.at(-1)).toMatchObject({ outcome: 'sensed', who: 'system' });
      expect(run.records.at(-1)?.detail).toMatch(/a tape loaded at \d\d:\d\d:\d\d, then .*no tape loaded at \d\d:\d\d:\d\d: Eject was pressed\./);

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

      while (steps[run.index]?.kind === 'manual') {
        // a step the host cannot see shows the drive's reading beside it, kept with the confirmation
        if (steps[run.index]?.reads === 'drive') run = await when(c, id, (r) => r.state === 'manual' && r.reading !== null, 'the drive read beside the step');
        run = await act(c, id, { action: 'confirm' });
      }
      c.drive.insertMagazine();
      c.drive.closeDoor();
      expect(steps[run.index]?.sense).toEqual({ kind: 'drive-loaded' });
      // Load is seen as a change: the console first sees no tape loaded, then the tape
      run = await when(c, id, (r) => r.state === 'waiting' && r.before !== null, 'the drive seen without a tape');
      expect(run.before?.read).toMatch(/no tape loaded/);
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

      // the run is not done while the Bill Run chain's first job has no entry to run from
      run = await when(c, id, (r) => stepIs('see-bill-run-queued')(r) && r.state === 'waiting', 'the Bill Run entry looked for');
      expect(run.reading?.detail).toBe('No INVOICE_STATEMENT_GENERATE entry in TIME_BLT4 yet.');
      expect(run.status).toBe('active');
      // what the site's scheduler does: the Bill Run entry, held until 07:30
      await schedule(c, 'TIME_BLT4', 'TODAY+07:30', 'INVOICE_STATEMENT_GENERATE');
      run = await act(c, id, { action: 'recheck' });
      run = await when(c, id, (r) => !stepIs('see-bill-run-queued')(r), 'the Bill Run entry seen in TIME_BLT4');
      expect(run.records.at(-1)?.detail).toMatch(/^INVOICE_STATEMENT_GENERATE is entry \d+ in TIME_BLT4 \(\w+/);

      while (run.status === 'active' && steps[run.index]?.kind === 'manual') run = await act(c, id, { action: 'confirm' });
      expect(run.status).toBe('done');
      // and says what comes next: the chain, and where to follow it
      expect(run.plan?.next?.[0]).toBe('The backups have not run yet. The Bill Run chain:');
      expect(run.plan?.next).toContain('PROD_AND_DEVEL_BACKUP (TAPE_BACKUP): after RMU_BACKUP_DATA completes, 100803P.');
      const name = /\/NAME=(\S+)/.exec(dcl)?.[1] ?? '';
      expect(JSON.stringify(c.site.inspect('BLT4').queues).split(`"${name}"`).length - 1).toBe(1);

      const audit = c.services.store.audit.list({ limit: 200 }).filter((r) => r.action.startsWith('procedure.'));
      expect(audit.filter((r) => r.action === 'procedure.started')).toHaveLength(1);
      expect(audit.filter((r) => r.action === 'procedure.completed')).toHaveLength(1);
      // the audit says which steps the console saw itself, with what it read, and which a person confirmed
      const completed = audit.find((r) => r.action === 'procedure.completed')?.details as {
        sensed: { stepId: string; read: string }[];
        confirmed: { stepId: string; read?: string }[];
      };
      expect(completed.sensed.map((s) => s.stepId)).toEqual(['press-eject', 'install-tapes', 'press-load', 'see-initialize-tapes', 'see-bill-run-queued']);
      expect(completed.sensed.find((s) => s.stepId === 'press-eject')?.read).toMatch(/Eject was pressed/);
      expect(completed.confirmed.find((s) => s.stepId === 'install-magazine')?.read).toMatch(/^Confirmed by the person; the console read: .*MKA500/);
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
      const refused = await c.services.request('procedures.start', { procedureId: 'adhoc', date: '2010-08-03' }, c.ctx);
      expect('error' in refused && refused.error.message).toBe('adhoc, choose the database to back up: RMU_BACKUP_LEASE_DATA, RMU_BACKUP_TAX_DATA');
      const { choices } = ok<{ choices: { id: string; jobs?: { name: string }[] }[] }>(await c.services.request('procedures.list', {}, c.ctx));
      expect(choices.find((ch) => ch.id === 'adhoc')?.jobs?.map((j) => j.name)).toEqual(['RMU_BACKUP_LEASE_DATA', 'RMU_BACKUP_TAX_DATA']);
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'adhoc', date: '2010-08-03', job: 'RMU_BACKUP_LEASE_DATA' }, c.ctx));
      const id = run.runId;
      // the console lists the procedures folder itself (the plan's SET DEFAULT and DIRECTORY)
      run = await when(c, id, (r) => !stepIs('list-procedures')(r), 'the procedures folder listed');
      expect(run.records.at(-1)).toMatchObject({ stepId: 'list-procedures', outcome: 'sensed', who: 'system' });
      expect(run.records.at(-1)?.detail).toMatch(
        /^DIRECTORY DISK\$MENTAT:\[USER_DIR\.LEASE_BACKUP\.COM\]\*\.COM lists \d+ command procedures: .*RMU_BACKUP_LEASE_DATA\.COM.*\. RMU_BACKUP_LEASE_DATA\.COM is there\.$/,
      );
      // the tape step names the tape, and takes it scanned in any spacing or case
      const tape = run.plan?.slots[0]?.code ?? '';
      expect(tape).toMatch(/^DAILY \d$/);
      run = await act(c, id, { action: 'scan', slot: 1, code: tape.replace(' ', '').toLowerCase() });
      run = await when(c, id, (r) => r.state === 'review', 'the tape checked');
      expect(run.found).toEqual({ 1: tape });
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

  it('ends a daily run only once the DAILY_BACKUP entry for 06:05 is queued, and says what comes next', async () => {
    const c = await start(join(dataDir, 'daily.db'), '2010-08-05T08:00');
    try {
      loadDailyMagazine(c.drive, 'DAILY 1');
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'daily', date: '2010-08-05' }, c.ctx));
      const id = run.runId;
      const steps = run.plan?.steps ?? [];
      expect(steps.at(-1)).toMatchObject({ id: 'see-daily-backup-queued', sense: { kind: 'queue-entry', queue: 'TAPE_BACKUP', job: 'DAILY_BACKUP', at: '06:05' } });
      // skip to the last step: the test is about how the run ends; the entry it looks for is the
      // one the simulated site's scheduler holds: tomorrow's DAILY_BACKUP, released at 06:05
      while (run.index < steps.length - 1) run = await act(c, id, { action: 'skip', reason: 'tested elsewhere' });
      run = await when(c, id, (r) => r.status === 'done', 'the DAILY_BACKUP entry seen');
      expect(run.records.at(-1)?.detail).toMatch(/^DAILY_BACKUP is entry \d+ in TAPE_BACKUP \(Holding until  ?6-AUG-2010 06:05/);
      expect(run.plan?.next).toEqual([
        'The backup has not run yet.',
        expect.stringMatching(/^DAILY_BACKUP runs at 06:05 on Friday, Aug\. 6, 2010 and writes DAILY \d\.$/),
        'Follow them on the Queues screen: the queue entry, its status and its log.',
      ]);
    } finally {
      await c.close();
    }
  }, 60_000);

  it('abandons a run under way with its reason, in the audit log, and takes no more acts on it', async () => {
    const c = await start(join(dataDir, 'abandon.db'));
    try {
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'bill-run', date: '2010-08-03' }, c.ctx));
      run = await act(c, run.runId, { action: 'confirm' });
      const refused = await c.services.request('procedures.act', { runId: run.runId, action: 'abandon', reason: '  ' } as never, c.ctx);
      expect('error' in refused).toBe(true);
      run = await act(c, run.runId, { action: 'abandon', reason: 'the drive is being repaired' });
      expect(run.status).toBe('abandoned');
      expect(run.records.at(-1)).toMatchObject({ outcome: 'abandoned', who: 'JS', reason: 'the drive is being repaired', index: 1 });
      const audited = c.services.store.audit.list({ limit: 50 }).find((r) => r.action === 'procedure.abandoned');
      expect(audited).toMatchObject({ who: 'JS', details: expect.objectContaining({ reason: 'the drive is being repaired' }) });
      const after = await c.services.request('procedures.act', { runId: run.runId, action: 'confirm' }, c.ctx);
      expect(isApiError(after) ? after.error.code : ok<RunView>(after).status).not.toBe('active');
    } finally {
      await c.close();
    }
  }, 60_000);

  it('walks a day other than today as a rehearsal that sends nothing, and refuses it otherwise', async () => {
    const c = await start(join(dataDir, 'rehearsal.db'), '2026-12-03T09:00');
    try {
      const refused = await c.services.request('procedures.start', { procedureId: 'bill-run', date: '2010-08-03' }, c.ctx);
      expect(isApiError(refused) && refused.error.code).toBe('not-today');
      const before = JSON.stringify(c.site.inspect('BLT4').queues);
      let run = ok<RunView>(await c.services.request('procedures.start', { procedureId: 'bill-run', date: '2010-08-03', rehearsal: true }, c.ctx));
      expect(run.plan?.rehearsal).toBe(true);
      expect(run.state).toBe('rehearsal');
      while (run.status === 'active') run = await act(c, run.runId, { action: 'confirm' });
      expect(run.status).toBe('done');
      expect(run.records.every((r) => r.outcome === 'rehearsed')).toBe(true);
      expect(run.records.find((r) => r.stepId === 'submit-initialize-tapes')?.detail).toMatch(/^Rehearsal: not sent: SUBMIT\/PARAMETER=3/);
      // the queues hold what they held: nothing was sent
      expect(JSON.stringify(c.site.inspect('BLT4').queues)).toBe(before);
      const started = c.services.store.audit.list({ limit: 50 }).find((r) => r.action === 'procedure.started');
      expect(started?.subject).toBe('bill-run 2010-08-03 (rehearsal: nothing sent)');
    } finally {
      await c.close();
    }
  }, 60_000);
});
