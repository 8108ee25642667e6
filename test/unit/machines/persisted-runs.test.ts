/**
 * The persisted-run manager with a small machine of its own (a kind other than procedures, as
 * the job chains will be): saved at every transition with its audit records, restored at its
 * state, refused with the reason when saved by another version or damaged, and sent the event of
 * a deadline that passed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assign, setup } from 'xstate';
import { createPersistedRuns, type RunKind, type RunRecords, type SavedRun } from '../../../src-main/machines/persisted-runs';
import type { NewAuditEntry } from '../../../src-main/store';

interface Ctx {
  steps: string[];
  dueAt: string | null;
}
type Ev = { type: 'STEP'; name: string } | { type: 'TIMEOUT' } | { type: 'FINISH' };

const chain = setup({ types: { context: {} as Ctx, events: {} as Ev, input: {} as { first: string } } }).createMachine({
  context: ({ input }) => ({ steps: [input.first], dueAt: null }),
  initial: 'running',
  states: {
    running: {
      on: {
        STEP: { actions: assign(({ context, event }) => ({ steps: [...context.steps, event.name], dueAt: '2010-08-03T12:00:00.000Z' })) },
        TIMEOUT: { target: 'late', actions: assign(({ context }) => ({ steps: [...context.steps, 'late'], dueAt: null })) },
        FINISH: 'finished',
      },
    },
    late: { on: { FINISH: 'finished' } },
    finished: { type: 'final' },
  },
});

interface View {
  id: string;
  state: string | null;
  steps: string[];
  status: string;
  message?: string;
}

const kind = (version = 1): RunKind<typeof chain, View> => ({
  machine: chain,
  version,
  machineName: 'chain machine',
  runName: 'chain run',
  status: (_snapshot, done) => (done ? 'done' : 'active'),
  auditMark: (context) => context.steps.length,
  auditSince: (meta, { context }, mark) => context.steps.slice(mark).map((step) => ({ who: 'system', action: 'chain.step', subject: `${meta.subject} ${step}` })),
  view: (meta, { value, context }, how) => ({ id: meta.id, state: typeof value === 'string' ? value : null, steps: context.steps, status: how.status }),
  refusedView: (saved, message) => ({ id: saved.id, state: null, steps: [], status: 'refused', message }),
  contextProblem: (context) => (Array.isArray((context as Partial<Ctx> | null)?.steps) ? null : 'the saved run has no steps'),
  due: (snapshot, at) => (snapshot.value === 'running' && snapshot.context.dueAt !== null && snapshot.context.dueAt <= at ? { type: 'TIMEOUT' } : null),
});

/** Run records in memory, written as a store would: the run and its audit records together. */
function memoryRecords(): RunRecords & { rows: Map<string, SavedRun>; audit: NewAuditEntry[] } {
  const rows = new Map<string, SavedRun>();
  const audit: NewAuditEntry[] = [];
  return {
    rows,
    audit,
    save({ meta, machineVersion, status, snapshot }, entries) {
      rows.set(meta.id, { ...meta, machineVersion, status, snapshot: JSON.parse(JSON.stringify(snapshot)), updatedAt: '2010-08-03T09:00:00.000Z' });
      audit.push(...entries);
    },
    active: () => [...rows.values()].filter((r) => r.status === 'active'),
    finished: (limit) => [...rows.values()].filter((r) => r.status !== 'active').slice(0, limit),
  };
}

let clockAt = new Date('2010-08-03T09:00:00.000Z');
const clock = { now: () => clockAt };
const opened: { close(): void }[] = [];
beforeEach(() => {
  clockAt = new Date('2010-08-03T09:00:00.000Z');
});
afterEach(() => {
  for (const runs of opened.splice(0)) runs.close();
});

function manager(records: RunRecords, version = 1, changes: View[] = [], onChange: (view: View) => void = () => undefined) {
  const runs = createPersistedRuns({
    kind: kind(version),
    records,
    clock,
    onChange: (view) => {
      changes.push(view);
      onChange(view);
    },
    log: () => undefined,
    tickMs: 10,
  });
  opened.push(runs);
  return runs;
}

describe('the persisted-run manager', () => {
  it('saves every transition with its audit records, and the start with the first save', () => {
    const records = memoryRecords();
    const changes: View[] = [];
    const runs = manager(records, 1, changes);
    runs.start({ id: 'c1', subject: 'DAILY_BACKUP', date: '2010-08-04', startedBy: 'JS' }, { first: 'queued' }, [
      { who: 'JS', action: 'chain.started', subject: 'DAILY_BACKUP' },
    ]);
    runs.send('c1', { type: 'STEP', name: 'LEASE_FILES' });
    expect(records.audit.map((a) => `${a.action} ${a.subject}`)).toEqual([
      'chain.started DAILY_BACKUP',
      'chain.step DAILY_BACKUP queued',
      'chain.step DAILY_BACKUP LEASE_FILES',
    ]);
    expect(records.rows.get('c1')?.status).toBe('active');
    expect(changes.at(-1)).toMatchObject({ id: 'c1', state: 'running', steps: ['queued', 'LEASE_FILES'] });
  });

  it('restores a run at its state and records nothing twice', () => {
    const records = memoryRecords();
    const first = manager(records);
    first.start({ id: 'c1', subject: 'DAILY_BACKUP', date: '2010-08-04', startedBy: 'JS' }, { first: 'queued' }, []);
    first.send('c1', { type: 'STEP', name: 'LEASE_FILES' });
    first.close();
    const before = records.audit.length;
    const again = manager(records);
    expect(again.list()).toEqual([expect.objectContaining({ id: 'c1', state: 'running', steps: ['queued', 'LEASE_FILES'] })]);
    again.send('c1', { type: 'FINISH' });
    expect(records.audit.length).toBe(before);
    expect(records.rows.get('c1')?.status).toBe('done');
  });

  it('refuses a run saved by another version, or in a state the machine does not have, saying why', () => {
    const records = memoryRecords();
    const base = { subject: 'DAILY_BACKUP', date: '2010-08-04', startedBy: 'JS', startedAt: '', updatedAt: '', status: 'active' as const };
    records.rows.set('old', { ...base, id: 'old', machineVersion: 0, snapshot: { value: 'running', context: { steps: [] } } });
    records.rows.set('odd', { ...base, id: 'odd', machineVersion: 1, snapshot: { value: 'sleeping', context: { steps: [] } } });
    records.rows.set('bare', { ...base, id: 'bare', machineVersion: 1, snapshot: { value: 'running', context: {} } });
    const runs = manager(records);
    const byId = new Map(runs.list().map((v) => [v.id, v]));
    expect(byId.get('old')?.message).toMatch(/chain machine is version 0; this one \(version 1\) cannot continue it/);
    expect(byId.get('odd')?.message).toMatch(/the saved state "sleeping" is not one of the machine's/);
    expect(byId.get('bare')?.message).toMatch(/the saved run has no steps/);
    expect(() => runs.send('odd', { type: 'FINISH' })).toThrow(/could not be restored/);
    expect(() => runs.send('none', { type: 'FINISH' })).toThrow('There is no chain run none.');
  });

  it('sends the event of a deadline once it has passed', async () => {
    const records = memoryRecords();
    let resolveLate: (view: View) => void = () => undefined;
    const late = new Promise<View>((resolve) => (resolveLate = resolve));
    const runs = manager(records, 1, [], (view) => view.state === 'late' && resolveLate(view));
    runs.start({ id: 'c1', subject: 'DAILY_BACKUP', date: '2010-08-04', startedBy: 'JS' }, { first: 'queued' }, []);
    runs.send('c1', { type: 'STEP', name: 'LEASE_FILES' });
    // the deadline has not passed yet at 09:00; the ticker sends TIMEOUT once the clock reads 12:00
    expect(runs.list()[0]?.state).toBe('running');
    clockAt = new Date('2010-08-03T12:00:00.000Z');
    expect((await late).steps).toEqual(['queued', 'LEASE_FILES', 'late']);
  });
});
