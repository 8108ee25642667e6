/**
 * The one manager of long-running runs (DESIGN rule 4): each run is an xstate actor whose
 * snapshot is saved with its audit records in one transaction at every transition, restored when
 * the console starts (refused, with its reason, when it was saved by another version of the
 * machine or is damaged), and sent the event of a deadline that passed, since a run keeps no
 * timers of its own. A kind of run (procedures today, job chains next) supplies its machine, its
 * version, its view and its audit mapping; the manager knows nothing else of it.
 */
import { createActor, type Actor, type AnyStateMachine, type ContextFrom, type EventFrom, type InputFrom, type SnapshotFrom } from 'xstate';
import type { Clock } from '../../shared/clock';
import { ApiFailure } from '../../shared/errors';
import type { NewAuditEntry, ProcedureRunsRepository } from '../store';

/** Whether a run goes on, or how it ended. */
export type RunOutcome = 'active' | 'done' | 'abandoned';

/** What is kept of a run beside its machine's snapshot. */
export interface RunMeta {
  id: string;
  /** What the run is of: the procedure's id, the job chain's name. */
  subject: string;
  /** The local day it is for. */
  date: string;
  startedBy: string;
  startedAt: string;
}

/** A run as its store gives it back. */
export interface SavedRun extends RunMeta {
  machineVersion: number;
  status: RunOutcome | 'refused';
  snapshot: unknown;
  updatedAt: string;
}

/** Where the runs of one kind are saved: each save writes the run and its audit records together. */
export interface RunRecords {
  save(run: { meta: RunMeta; machineVersion: number; status: RunOutcome; snapshot: unknown }, audit: readonly NewAuditEntry[]): void;
  /** The runs under way, oldest first. */
  active(): SavedRun[];
  /** The latest finished runs. */
  finished(limit: number): SavedRun[];
}

/** A saved snapshot as far as the manager reads it: a state and a context. */
export interface SavedSnapshot<Context> {
  value: unknown;
  context: Context;
}

/** How the screens learn of a run: live (with its actor), finished (from its snapshot) or refused. */
export type ViewOf = { kind: 'live'; status: RunOutcome; updatedAt: string; seq: number } | { kind: 'finished'; status: RunOutcome; updatedAt: string };

export interface RunKind<M extends AnyStateMachine, View> {
  /** The machine, with its actors provided. */
  machine: M;
  /** Raised whenever the context or the states change shape. */
  version: number;
  /** What the machine and a run of it are called in messages: "procedure machine", "procedure run". */
  machineName: string;
  runName: string;
  status(snapshot: SavedSnapshot<ContextFrom<M>>, done: boolean): RunOutcome;
  /** How far the audit log has recorded a run: after a restore, what it already holds. */
  auditMark(context: ContextFrom<M>): number;
  /** The audit records of what the run did since `mark`. */
  auditSince(meta: RunMeta, snapshot: SavedSnapshot<ContextFrom<M>>, mark: number, status: RunOutcome): NewAuditEntry[];
  view(meta: RunMeta, snapshot: SavedSnapshot<ContextFrom<M>>, how: ViewOf): View;
  refusedView(saved: SavedRun, message: string): View;
  /** What is wrong with a saved context before xstate is given it, or null. */
  contextProblem(context: unknown): string | null;
  /** The event due to a waiting run at `at` (a deadline that passed), or null. */
  due?(snapshot: SnapshotFrom<M>, at: string): EventFrom<M> | null;
}

export interface PersistedRuns<M extends AnyStateMachine, View> {
  /** Starts a run; `started` is recorded with its first save, so neither exists without the other. */
  start(meta: Omit<RunMeta, 'startedAt'>, input: InputFrom<M>, started: readonly NewAuditEntry[]): View;
  send(id: string, event: EventFrom<M>): View;
  /** The runs of this console's life and the ones under way or refused at its start, then the latest finished. */
  list(): View[];
  /** The runs under way, with their context as it is now (no view built, nothing read from the store). */
  live(): { meta: RunMeta; context: ContextFrom<M> }[];
  close(): void;
}

export interface PersistedRunsOptions<M extends AnyStateMachine, View> {
  kind: RunKind<M, View>;
  records: RunRecords;
  clock: Clock;
  onChange(view: View): void;
  log(message: string): void;
  /** How often deadlines are checked. */
  tickMs?: number;
  finishedShown?: number;
}

interface Live<M extends AnyStateMachine> {
  meta: RunMeta;
  actor: Actor<M>;
  mark: number;
  pending: NewAuditEntry[];
  seq: number;
}

interface StateTree {
  states: Record<string, StateTree>;
}

/** Whether a saved state value names states the machine has (nested values are objects). */
function knownState(node: StateTree, value: unknown): boolean {
  if (typeof value === 'string') return Object.hasOwn(node.states, value);
  if (typeof value !== 'object' || value === null) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, child]) => Object.hasOwn(node.states, key) && knownState(node.states[key] as StateTree, child));
}

export function createPersistedRuns<M extends AnyStateMachine, View>(options: PersistedRunsOptions<M, View>): PersistedRuns<M, View> {
  const { kind, records, clock } = options;
  const live = new Map<string, Live<M>>();
  const refused = new Map<string, { view: View; message: string }>();
  const now = () => clock.now().toISOString();

  const current = (run: Live<M>) => run.actor.getSnapshot() as { value: unknown; context: ContextFrom<M>; status: string };
  const savedOf = (run: Live<M>): SavedSnapshot<ContextFrom<M>> => {
    const { value, context } = current(run);
    return { value, context };
  };
  const outcomeOf = (run: Live<M>): RunOutcome => kind.status(savedOf(run), current(run).status === 'done');
  const viewOf = (run: Live<M>): View => kind.view(run.meta, savedOf(run), { kind: 'live', status: outcomeOf(run), updatedAt: now(), seq: run.seq });

  function save(run: Live<M>): void {
    const saved = savedOf(run);
    const status = outcomeOf(run);
    const fresh = [...run.pending, ...kind.auditSince(run.meta, saved, run.mark, status)];
    records.save({ meta: run.meta, machineVersion: kind.version, status, snapshot: run.actor.getPersistedSnapshot() }, fresh);
    run.mark = kind.auditMark(saved.context);
    run.pending = [];
    run.seq += 1;
    options.onChange(viewOf(run));
  }

  function attach(run: Live<M>): void {
    live.set(run.meta.id, run);
    run.actor.subscribe({
      next: () => save(run),
      error: (error) => options.log(`run ${run.meta.id} failed: ${(error as Error).message}`),
    });
    run.actor.start();
  }

  function problemOf(saved: SavedRun): string | null {
    if (saved.machineVersion !== kind.version) {
      return `This run was saved by a console whose ${kind.machineName} is version ${saved.machineVersion}; this one (version ${kind.version}) cannot continue it. Its steps so far are in the audit log: start it again.`;
    }
    const snapshot = saved.snapshot as Partial<SavedSnapshot<unknown>> | null;
    let problem: string | null;
    if (typeof snapshot !== 'object' || snapshot === null) problem = 'the saved state is not an object';
    else if (!knownState(kind.machine.root as unknown as StateTree, snapshot.value))
      problem = `the saved state ${JSON.stringify(snapshot.value)} is not one of the machine's`;
    else problem = kind.contextProblem(snapshot.context);
    return problem === null ? null : `This run could not be restored (${problem}). Its steps so far are in the audit log: start it again.`;
  }

  for (const saved of records.active()) {
    const problem = problemOf(saved);
    if (problem !== null) {
      refused.set(saved.id, { view: kind.refusedView(saved, problem), message: problem });
      continue;
    }
    try {
      const actor = createActor(kind.machine, { snapshot: saved.snapshot as never, input: undefined as never });
      const context = (saved.snapshot as SavedSnapshot<ContextFrom<M>>).context;
      const { id, subject, date, startedBy, startedAt } = saved;
      attach({ meta: { id, subject, date, startedBy, startedAt }, actor, mark: kind.auditMark(context), pending: [], seq: 0 });
    } catch (error) {
      const message = `This run could not be restored (${(error as Error).message}). Its steps so far are in the audit log: start it again.`;
      refused.set(saved.id, { view: kind.refusedView(saved, message), message });
    }
  }

  const ticker = setInterval(() => {
    const at = now();
    for (const run of live.values()) {
      const event = kind.due?.(run.actor.getSnapshot(), at) ?? null;
      if (event !== null) run.actor.send(event);
    }
  }, options.tickMs ?? 500);
  ticker.unref();

  function running(id: string): Live<M> {
    const run = live.get(id);
    if (run !== undefined) return run;
    const refusal = refused.get(id);
    if (refusal !== undefined) throw new ApiFailure('run-refused', refusal.message);
    throw new ApiFailure('unknown-run', `There is no ${kind.runName} ${id}.`);
  }

  return {
    start(meta, input, started) {
      const actor = createActor(kind.machine, { input });
      const run: Live<M> = { meta: { ...meta, startedAt: now() }, actor, mark: 0, pending: [...started], seq: 0 };
      attach(run);
      return viewOf(run);
    },
    send(id, event) {
      const run = running(id);
      run.actor.send(event);
      return viewOf(run);
    },
    list() {
      const finished = records
        .finished(options.finishedShown ?? 40)
        .filter((saved) => !live.has(saved.id) && saved.status !== 'active' && saved.status !== 'refused')
        .map((saved) => {
          const snapshot = saved.snapshot as SavedSnapshot<ContextFrom<M>>;
          const { id, subject, date, startedBy, startedAt } = saved;
          return kind.view({ id, subject, date, startedBy, startedAt }, snapshot, { kind: 'finished', status: saved.status as RunOutcome, updatedAt: saved.updatedAt });
        });
      return [...[...live.values()].map(viewOf), ...[...refused.values()].map((r) => r.view), ...finished];
    },
    live: () => [...live.values()].filter((run) => outcomeOf(run) === 'active').map((run) => ({ meta: run.meta, context: current(run).context })),
    close() {
      clearInterval(ticker);
      for (const run of live.values()) run.actor.stop();
    },
  };
}

/**
 * A runs table of the store (procedure runs, job chain runs) as the manager's run records; the
 * table's `procedureId` column holds the run's subject.
 */
export function runRecordsOf(repository: ProcedureRunsRepository, activeLimit: number): RunRecords {
  const toSaved = (row: ReturnType<ProcedureRunsRepository['list']>[number]): SavedRun => ({
    id: row.id,
    subject: row.procedureId,
    date: row.runDate,
    startedBy: row.startedBy,
    startedAt: row.startedAt,
    machineVersion: row.machineVersion,
    status: row.status,
    snapshot: row.snapshot,
    updatedAt: row.updatedAt,
  });
  return {
    save: ({ meta, machineVersion, status, snapshot }, audit) =>
      repository.save({ id: meta.id, procedureId: meta.subject, runDate: meta.date, machineVersion, status, snapshot, startedBy: meta.startedBy }, audit),
    active: () => repository.list({ status: 'active', limit: activeLimit }).map(toSaved),
    finished: (limit) => repository.list({ limit }).map(toSaved),
  };
}
