/**
 * The runs of operator procedures in this console: each an xstate actor of ./procedure-machine,
 * saved to SQLite at every transition (with the audit records of the steps it completed, in one
 * transaction) and restored when the console starts, so that a crash at any step costs nothing.
 * The deadlines of sensed steps are checked here, twice a second, since a run keeps no timers.
 */
import { randomBytes } from 'node:crypto';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import type { Clock } from '../../shared/clock';
import { ApiFailure } from '../../shared/errors';
import { planProcedureRun } from '../../shared/procedures/run-plan';
import { adhocJobs } from '../../shared/procedures/run-steps';
import type { ProcedureChoice, RunState, RunStatus, RunView, StepRecord } from '../../shared/procedures/run-view';
import type { SiteProfile } from '../../shared/site/schema';
import { uniquePartFrom } from '../../shared/vms/dcl';
import type { NewAuditEntry, Store } from '../store';
import type { SiteLinks } from '../app/site-links';
import { procedureActors } from './procedure-actors';
import { PROCEDURE_MACHINE_VERSION, procedureMachine, type ProcedureContext, type ProcedureEvent } from './procedure-machine';

export type OperatorAction =
  | { action: 'confirm' }
  | { action: 'back' }
  | { action: 'skip'; reason: string }
  | { action: 'recheck' }
  | { action: 'scan'; slot: number; code: string | null }
  | { action: 'abandon'; reason: string };

export interface ProcedureRunsDeps {
  store: Store;
  clock: Clock;
  profile(): SiteProfile;
  links: SiteLinks | undefined;
  onChange(view: RunView): void;
  log(message: string): void;
}

type RunActor = Actor<typeof procedureMachine>;

interface Live {
  actor: RunActor;
  procedureId: string;
  date: string;
  startedBy: string;
  startedAt: string;
  /** Records already in the audit log. */
  saved: number;
  /** Audit records to write with the next save (the run's start). */
  pending: NewAuditEntry[];
  seq: number;
}

const TICK_MS = 500;

export interface ProcedureRuns {
  choices(): ProcedureChoice[];
  /** The runs of this console's life and the ones under way or refused at its start, then the latest finished. */
  list(): RunView[];
  start(procedureId: string, date: string, who: string, chosenJob?: string): RunView;
  act(runId: string, action: OperatorAction, who: string): RunView;
  close(): void;
}

function statusOf(snapshot: SnapshotFrom<typeof procedureMachine>): RunStatus {
  if (snapshot.status !== 'done') return 'active';
  return snapshot.value === 'abandoned' ? 'abandoned' : 'done';
}

function auditOf(live: Pick<Live, 'procedureId' | 'date'>, runId: string, record: StepRecord, title: string): NewAuditEntry {
  return {
    who: record.who,
    action: record.outcome === 'abandoned' ? 'procedure.abandoned' : 'procedure.step',
    subject: `${live.procedureId} ${live.date} step ${record.index + 1} ${record.stepId}`,
    details: { runId, title, ...record },
  };
}

const MACHINE_STATES = new Set(['step', 'manual', 'sensing', 'waiting', 'review', 'sending', 'commandFailed', 'done', 'abandoned']);

/** What is wrong with a saved snapshot before xstate is given it, or null when it has a run's shape. */
function snapshotProblem(snapshot: unknown): string | null {
  const saved = snapshot as { value?: unknown; context?: Partial<Record<keyof ProcedureContext, unknown>> } | null;
  if (typeof saved !== 'object' || saved === null) return 'the saved state is not an object';
  if (typeof saved.value !== 'string' || !MACHINE_STATES.has(saved.value)) return `the saved state ${JSON.stringify(saved.value)} is not one of the procedure's`;
  const context = saved.context;
  if (typeof context !== 'object' || context === null) return 'the saved run has no context';
  const plan = context.plan as { steps?: unknown } | undefined;
  if (!Array.isArray(plan?.steps)) return 'the saved run has no steps';
  if (typeof context.index !== 'number' || context.index < 0 || context.index > plan.steps.length) return 'the saved step number is out of range';
  if (!Array.isArray(context.records)) return 'the saved run has no step records';
  if (typeof context.found !== 'object' || context.found === null) return 'the saved run has no magazine readings';
  return null;
}

export function createProcedureRuns(deps: ProcedureRunsDeps): ProcedureRuns {
  const live = new Map<string, Live>();
  const refused = new Map<string, RunView>();
  const machine = procedureMachine.provide({
    actors: procedureActors({ clock: deps.clock, links: deps.links, driveDevice: () => deps.profile().drive.device }),
  });
  const now = () => deps.clock.now().toISOString();

  function viewOf(runId: string, run: Live): RunView {
    const snapshot = run.actor.getSnapshot();
    const context: ProcedureContext = snapshot.context;
    return {
      runId,
      procedureId: run.procedureId,
      date: run.date,
      status: statusOf(snapshot),
      startedBy: run.startedBy,
      startedAt: run.startedAt,
      updatedAt: now(),
      plan: context.plan,
      state: String(snapshot.value) as RunState,
      index: context.index,
      records: context.records,
      reading: context.reading,
      nextCheckAt: context.nextCheckAt,
      found: context.found,
      commandError: context.commandError,
      seq: run.seq,
    };
  }

  function save(runId: string, run: Live): void {
    const snapshot = run.actor.getSnapshot();
    const records = snapshot.context.records;
    const fresh = [...run.pending, ...records.slice(run.saved).map((record) => auditOf(run, runId, record, snapshot.context.plan.title))];
    const status = statusOf(snapshot);
    if (status === 'done' && fresh.length > 0) {
      fresh.push({ who: run.startedBy, action: 'procedure.completed', subject: `${run.procedureId} ${run.date}`, details: { runId, steps: snapshot.context.plan.steps.length } });
    }
    deps.store.procedureRuns.save(
      { id: runId, procedureId: run.procedureId, runDate: run.date, machineVersion: PROCEDURE_MACHINE_VERSION, status, snapshot: run.actor.getPersistedSnapshot(), startedBy: run.startedBy },
      fresh,
    );
    run.saved = records.length;
    run.pending = [];
    run.seq += 1;
    deps.onChange(viewOf(runId, run));
  }

  function attach(runId: string, run: Live): void {
    live.set(runId, run);
    run.actor.subscribe({
      next: () => save(runId, run),
      error: (error) => deps.log(`procedure run ${runId} failed: ${(error as Error).message}`),
    });
    run.actor.start();
  }

  function restore(): void {
    for (const row of deps.store.procedureRuns.list({ status: 'active', limit: 500 })) {
      const refuse = (message: string) => {
        refused.set(row.id, {
          runId: row.id, procedureId: row.procedureId, date: row.runDate, status: 'refused', startedBy: row.startedBy, startedAt: row.startedAt,
          updatedAt: row.updatedAt, plan: null, state: null, index: 0, records: [], reading: null, nextCheckAt: null, found: {}, commandError: null, message, seq: 0,
        });
      };
      if (row.machineVersion !== PROCEDURE_MACHINE_VERSION) {
        refuse(`This run was saved by a console whose procedure machine is version ${row.machineVersion}; this one (version ${PROCEDURE_MACHINE_VERSION}) cannot continue it. Its steps so far are in the audit log: start the procedure again.`);
        continue;
      }
      const problem = snapshotProblem(row.snapshot);
      if (problem !== null) {
        refuse(`This run could not be restored (${problem}). Its steps so far are in the audit log: start the procedure again.`);
        continue;
      }
      try {
        const actor = createActor(machine, { snapshot: row.snapshot as never, input: undefined as never });
        const records = (row.snapshot as { context?: { records?: unknown[] } }).context?.records?.length ?? 0;
        attach(row.id, { actor, procedureId: row.procedureId, date: row.runDate, startedBy: row.startedBy, startedAt: row.startedAt, saved: records, pending: [], seq: 0 });
      } catch (error) {
        refuse(`This run could not be restored (${(error as Error).message}). Its steps so far are in the audit log: start the procedure again.`);
      }
    }
  }

  function running(runId: string): Live {
    const run = live.get(runId);
    if (run === undefined) {
      if (refused.has(runId)) throw new ApiFailure('run-refused', refused.get(runId)?.message ?? 'This run cannot be continued.');
      throw new ApiFailure('unknown-run', `There is no procedure run ${runId}.`);
    }
    return run;
  }

  /** A finished run, read back from its saved snapshot (no actor: nothing more happens to it). */
  function finishedView(row: ReturnType<Store['procedureRuns']['list']>[number]): RunView {
    const saved = row.snapshot as { value?: unknown; context?: Partial<ProcedureContext> };
    const context = saved.context ?? {};
    return {
      runId: row.id,
      procedureId: row.procedureId,
      date: row.runDate,
      status: row.status,
      startedBy: row.startedBy,
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      plan: context.plan ?? null,
      state: typeof saved.value === 'string' ? (saved.value as RunState) : null,
      index: context.index ?? 0,
      records: context.records ?? [],
      reading: null,
      nextCheckAt: null,
      found: context.found ?? {},
      commandError: null,
      seq: Number.MAX_SAFE_INTEGER,
    };
  }

  function finishedRuns(): RunView[] {
    return deps.store.procedureRuns
      .list({ limit: 40 })
      .filter((row) => (row.status === 'done' || row.status === 'abandoned') && !live.has(row.id))
      .map(finishedView);
  }

  restore();
  const ticker = setInterval(() => {
    const at = now();
    for (const run of live.values()) {
      const snapshot = run.actor.getSnapshot();
      if (snapshot.value === 'waiting' && snapshot.context.nextCheckAt !== null && snapshot.context.nextCheckAt <= at) run.actor.send({ type: 'RECHECK', at });
    }
  }, TICK_MS);
  ticker.unref();

  return {
    choices: () =>
      (deps.profile().operatorProcedures ?? []).map((p) => ({
        id: p.id,
        title: p.title,
        when: p.when,
        ...(p.steps.some((s) => s.command !== undefined && 'choose' in s.command) ? { jobs: adhocJobs(deps.profile()) } : {}),
      })),
    list: () => [...[...live.entries()].map(([id, run]) => viewOf(id, run)), ...refused.values(), ...finishedRuns()],
    start(procedureId, date, who, chosenJob) {
      const planned = planProcedureRun(deps.profile(), procedureId, date, {
        uniquePart: uniquePartFrom(randomBytes(4).readUInt32BE(0) % 36 ** 6),
        ...(chosenJob === undefined ? {} : { chosenJob }),
      });
      if (!planned.ok) throw new ApiFailure('invalid-input', planned.problem);
      const runId = `${procedureId}-${date}-${randomBytes(3).toString('hex')}`;
      const actor = createActor(machine, { input: { runId, plan: planned.plan, startedBy: who } });
      // the start is recorded with the run's first save, so neither exists without the other
      const started: NewAuditEntry = { who, action: 'procedure.started', subject: `${procedureId} ${date}`, details: { runId, title: planned.plan.title } };
      const run: Live = { actor, procedureId, date, startedBy: who, startedAt: now(), saved: 0, pending: [started], seq: 0 };
      attach(runId, run);
      return viewOf(runId, run);
    },
    act(runId, request, who) {
      const run = running(runId);
      const at = now();
      const event: ProcedureEvent = (() => {
        switch (request.action) {
          case 'confirm':
            return { type: 'CONFIRM', who, at };
          case 'back':
            return { type: 'BACK', who, at };
          case 'skip':
            return { type: 'SKIP', who, at, reason: request.reason };
          case 'recheck':
            return { type: 'RECHECK', at };
          case 'scan':
            return { type: 'SCAN', who, at, slot: request.slot, code: request.code };
          case 'abandon':
            return { type: 'ABANDON', who, at, reason: request.reason };
        }
      })();
      run.actor.send(event);
      return viewOf(runId, run);
    },
    close() {
      clearInterval(ticker);
      for (const run of live.values()) run.actor.stop();
    },
  };
}
