/**
 * The runs of operator procedures in this console: the procedure machine on the persisted-run
 * manager, with the actors that reach the site, the audit record of every step, and the
 * deadlines of sensed steps.
 */
import { randomBytes } from 'node:crypto';
import { localDate, type Clock } from '../../../shared/clock';
import { ApiFailure } from '../../../shared/errors';
import type { OperatorAction } from '../../../shared/api';
import { dayOffers, type DayOffers } from '../../../shared/procedures/day-offers';
import { planProcedureRun } from '../../../shared/procedures/run-plan';
import { normalisedCode } from '../../../shared/procedures/scanned-code';
import { adhocJobs } from '../../../shared/procedures/run-steps';
import { howDone, type ProcedureChoice, type RunState, type RunView, type StepRecord } from '../../../shared/procedures/run-view';
import type { SiteProfile } from '../../../shared/site/schema';
import { uniquePartFrom } from '../../../shared/vms/dcl';
import type { SiteLinks } from '../../hosts';
import type { NewAuditEntry, Store } from '../../store';
import { createPersistedRuns, runRecordsOf, type RunKind, type RunMeta } from '../persisted-runs';
import { procedureActors } from './procedure-actors';
import { PROCEDURE_MACHINE_VERSION, procedureMachine, type ProcedureContext, type ProcedureEvent } from './procedure-machine';

export interface ProcedureRunsDeps {
  store: Store;
  clock: Clock;
  profile: SiteProfile;
  links: SiteLinks | undefined;
  onChange(view: RunView): void;
  log(message: string): void;
}

export interface ProcedureRuns {
  choices(): ProcedureChoice[];
  /** The runs of this console's life and the ones under way or refused at its start, then the latest finished. */
  list(): RunView[];
  /** What the screen offers for a day; a malformed date is invalid input. */
  offers(date: string): DayOffers;
  /** A day other than the console's today starts only as a rehearsal, which sends nothing. */
  start(procedureId: string, date: string, who: string, options?: { job?: string | undefined; rehearsal?: boolean }): RunView;
  act(action: OperatorAction, who: string): RunView;
  close(): void;
}

function stepAudit(meta: RunMeta, record: StepRecord, title: string): NewAuditEntry {
  return {
    who: record.who,
    action: record.outcome === 'abandoned' ? 'procedure.abandoned' : 'procedure.step',
    // an abandoned run says why where the audit log is read, not only in its details
    subject:
      record.outcome === 'abandoned'
        ? `${meta.subject} ${meta.date} abandoned at step ${record.index + 1} ${record.stepId}: ${record.reason ?? ''}`
        : `${meta.subject} ${meta.date} step ${record.index + 1} ${record.stepId}`,
    details: { runId: meta.id, title, ...record },
  };
}

/** What is wrong with a saved context before xstate is given it, or null when it has a run's shape. */
function contextProblem(saved: unknown): string | null {
  const context = saved as Partial<Record<keyof ProcedureContext, unknown>> | null;
  if (typeof context !== 'object' || context === null) return 'the saved run has no context';
  const plan = context.plan as { steps?: unknown } | undefined;
  if (!Array.isArray(plan?.steps)) return 'the saved run has no steps';
  if (typeof context.index !== 'number' || context.index < 0 || context.index > plan.steps.length) return 'the saved step number is out of range';
  if (!Array.isArray(context.records)) return 'the saved run has no step records';
  if (typeof context.found !== 'object' || context.found === null) return 'the saved run has no magazine readings';
  return null;
}

function procedureKind(machine: typeof procedureMachine): RunKind<typeof procedureMachine, RunView> {
  return {
    machine,
    version: PROCEDURE_MACHINE_VERSION,
    machineName: 'procedure machine',
    runName: 'procedure run',
    status: (snapshot, done) => (done ? (snapshot.value === 'abandoned' ? 'abandoned' : 'done') : 'active'),
    auditMark: (context) => context.records.length,
    auditSince(meta, { context }, mark, status) {
      const fresh = context.records.slice(mark).map((record) => stepAudit(meta, record, context.plan.title));
      if (status === 'done' && fresh.length > 0) {
        fresh.push({
          who: meta.startedBy,
          action: 'procedure.completed',
          subject: `${meta.subject} ${meta.date}`,
          // which steps the console saw itself and what it read, which a person confirmed
          details: { runId: meta.id, steps: context.plan.steps.length, rehearsal: context.plan.rehearsal === true, ...howDone(context.records) },
        });
      }
      return fresh;
    },
    view(meta, { value, context }, how) {
      const live = how.kind === 'live';
      return {
        runId: meta.id,
        procedureId: meta.subject,
        date: meta.date,
        status: how.status,
        startedBy: meta.startedBy,
        startedAt: meta.startedAt,
        updatedAt: how.updatedAt,
        plan: context.plan ?? null,
        state: typeof value === 'string' ? (value as RunState) : null,
        index: context.index ?? 0,
        records: context.records ?? [],
        // a finished run, read back from its snapshot, waits for nothing
        reading: live ? context.reading : null,
        before: live ? (context.before ?? null) : null,
        nextCheckAt: live ? context.nextCheckAt : null,
        found: context.found ?? {},
        commandError: live ? context.commandError : null,
        seq: live ? how.seq : Number.MAX_SAFE_INTEGER,
      };
    },
    refusedView: (saved, message) => ({
      runId: saved.id,
      procedureId: saved.subject,
      date: saved.date,
      status: 'refused',
      startedBy: saved.startedBy,
      startedAt: saved.startedAt,
      updatedAt: saved.updatedAt,
      plan: null,
      state: null,
      index: 0,
      records: [],
      reading: null,
      before: null,
      nextCheckAt: null,
      found: {},
      commandError: null,
      message,
      seq: 0,
    }),
    contextProblem,
    due(snapshot, at) {
      const { nextCheckAt } = snapshot.context;
      return snapshot.value === 'waiting' && nextCheckAt !== null && nextCheckAt <= at ? { type: 'RECHECK', at } : null;
    },
  };
}

/** The machine event of an operator's act, with who and when. */
function eventOf(action: OperatorAction, who: string, at: string, known: readonly string[]): ProcedureEvent {
  switch (action.action) {
    case 'confirm':
      return action.receipt === undefined ? { type: 'CONFIRM', who, at } : { type: 'CONFIRM', who, at, receipt: action.receipt };
    case 'back':
      return { type: 'BACK', who, at };
    case 'recheck':
      return { type: 'RECHECK', at };
    case 'skip':
      return { type: 'SKIP', who, at, reason: action.reason };
    case 'abandon':
      return { type: 'ABANDON', who, at, reason: action.reason };
    case 'scan':
      // DAILY1 and daily 1 are DAILY 1: the one normaliser of scanned codes
      return { type: 'SCAN', who, at, slot: action.slot, code: action.code === null ? null : normalisedCode(action.code, known) };
  }
}

export function createProcedureRuns(deps: ProcedureRunsDeps): ProcedureRuns {
  const { profile } = deps;
  const machine = procedureMachine.provide({
    actors: procedureActors({ clock: deps.clock, links: deps.links, driveDevice: () => profile.drive.device }),
  });
  const runs = createPersistedRuns({
    kind: procedureKind(machine),
    records: runRecordsOf(deps.store.procedureRuns, 500),
    clock: deps.clock,
    onChange: deps.onChange,
    log: deps.log,
  });

  return {
    choices: () =>
      (profile.operatorProcedures ?? []).map((p) => ({
        id: p.id,
        title: p.title,
        when: p.when,
        ...(p.steps.some((s) => s.command !== undefined && 'choose' in s.command) ? { jobs: adhocJobs(profile) } : {}),
      })),
    list: () => runs.list(),
    offers(date) {
      const offers = dayOffers(profile, date, localDate(deps.clock.now()));
      if ('problem' in offers) throw new ApiFailure('invalid-input', offers.problem);
      return offers;
    },
    start(procedureId, date, who, options = {}) {
      const chosenJob = options.job;
      const today = localDate(deps.clock.now());
      const rehearsal = options.rehearsal === true;
      // never both a day other than today and commands sent: that day is walked through, or refused
      if (date !== today && !rehearsal) {
        throw new ApiFailure(
          'not-today',
          `${date} is not today (${today}): a procedure for another day is a rehearsal, which sends no command. Start it as a rehearsal, or choose today.`,
        );
      }
      const planned = planProcedureRun(profile, procedureId, date, {
        uniquePart: uniquePartFrom(randomBytes(4).readUInt32BE(0) % 36 ** 6),
        ...(chosenJob === undefined ? {} : { chosenJob }),
      });
      if (!planned.ok) throw new ApiFailure('invalid-input', planned.problem);
      if (rehearsal) planned.plan.rehearsal = true;
      const id = `${procedureId}-${date}-${randomBytes(3).toString('hex')}`;
      const started: NewAuditEntry = {
        who,
        action: 'procedure.started',
        subject: `${procedureId} ${date}${rehearsal ? ' (rehearsal: nothing sent)' : ''}`,
        details: { runId: id, title: planned.plan.title, rehearsal, today },
      };
      return runs.start({ id, subject: procedureId, date, startedBy: who }, { runId: id, plan: planned.plan, startedBy: who }, [started]);
    },
    act: (action, who) => runs.send(action.runId, eventOf(action, who, deps.clock.now().toISOString(), profile.tapes.daily.labels)),
    close: () => runs.close(),
  };
}
