/**
 * The procedure machine, model-based: every state reachable by the operator's events and the
 * actors' answers is reached by a shortest path from xstate/graph, and the checklist's rules hold
 * on every such path and on random walks of the same events (fast-check). Then whole runs through
 * a real actor with the host's answers given by the test.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createActor, fromPromise, getInitialSnapshot, getNextSnapshot, waitFor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import {
  procedureMachine,
  type CommandInput,
  type CommandResult,
  type ProcedureContext,
  type ProcedureEvent,
  type SenseInput,
  type SenseReading,
} from '../../../src-main/machines/procedures/procedure-machine';
import { shortPlan } from './procedure-fixture';

const AT = '2010-08-03T08:00:00.000Z';
const input = { runId: 'R1', plan: shortPlan(), startedBy: 'JS' };
type AnyEvent = ProcedureEvent | { type: string; output?: unknown; error?: unknown };

/** Everything that can happen: the operator's events and the actors' answers. */
const events: AnyEvent[] = [
  { type: 'CONFIRM', who: 'JS', at: AT },
  { type: 'BACK', who: 'JS', at: AT },
  { type: 'SKIP', who: 'JS', at: AT, reason: 'drive under repair' },
  { type: 'SKIP', who: 'JS', at: AT, reason: '   ' },
  { type: 'RECHECK', at: AT },
  { type: 'SCAN', who: 'JS', at: AT, slot: 2, code: '100803D' },
  { type: 'SCAN', who: 'JS', at: AT, slot: 9, code: 'X' },
  { type: 'ABANDON', who: 'JS', at: AT, reason: 'fire alarm' },
  { type: 'xstate.done.actor.sense', output: { satisfied: true, detail: 'tape loaded', at: AT } satisfies SenseReading },
  { type: 'xstate.done.actor.sense', output: { satisfied: false, detail: 'no tape loaded', at: AT } satisfies SenseReading },
  { type: 'xstate.error.actor.sense', error: new Error('link down') },
  { type: 'xstate.done.actor.command', output: { detail: 'entry 412', at: AT } satisfies CommandResult },
  { type: 'xstate.error.actor.command', error: new Error('link dropped') },
];

// A state is its place in the checklist: the state, the step, and whether a slot was scanned.
// The records grow with every step taken, so the context itself would make the graph endless.
const serializeState = (state: { value: unknown; context: unknown }): string => {
  const context = state.context as ProcedureContext;
  return JSON.stringify([state.value, context.index, Object.keys(context.found).length > 0, context.commandError !== null]);
};
/** The events that can arrive in a snapshot: an actor answers only while it runs; nothing arrives once the run ended. */
function possible(snapshot: { value: unknown; status: string }): ProcedureEvent[] {
  if (snapshot.status !== 'active') return [];
  return events.filter((event) => {
    if (event.type.endsWith('.actor.sense')) return snapshot.value === 'sensing';
    if (event.type.endsWith('.actor.command')) return snapshot.value === 'sending';
    return true;
  }) as ProcedureEvent[];
}
const traversal = { input, events: possible, serializeState };
const paths = getShortestPaths(procedureMachine, traversal);

type Walk = { event: AnyEvent; state: { value: unknown; context: unknown; status: string } }[];

/** Random walks of up to 40 events from the start; the graph's simple paths are too many to list. */
function walks(run: (walk: Walk) => void): void {
  fc.assert(
    // each number picks one of the events possible at that point of the walk
    fc.property(fc.array(fc.nat(), { maxLength: 40 }), (choices) => {
      let snapshot = getInitialSnapshot(procedureMachine, input);
      const walk: Walk = [];
      for (const choice of choices) {
        const now = possible(snapshot);
        const event = now[choice % Math.max(1, now.length)];
        if (event === undefined) break;
        snapshot = getNextSnapshot(procedureMachine, snapshot, event);
        walk.push({ event, state: snapshot });
      }
      run(walk);
    }),
    { numRuns: 400 },
  );
}
const asWalk = (path: (typeof paths)[number]): Walk => path.steps.map(({ event, state }) => ({ event, state }));

function contextOf(state: { context: unknown }): ProcedureContext {
  return state.context as ProcedureContext;
}

describe('the procedure machine, along every shortest path', () => {
  it('reaches every state: manual, sensing, waiting, review, sending, commandFailed, done, abandoned', () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(['abandoned', 'commandFailed', 'done', 'manual', 'review', 'sending', 'sensing', 'waiting']);
  });

  const check = (rule: (walk: Walk) => void) => {
    for (const path of paths) rule(asWalk(path));
    walks(rule);
  };

  it('keeps the step index within the plan, and is done exactly when every step is behind it', () => {
    check((walk) => {
      for (const { state } of walk) {
        const context = contextOf(state);
        expect(state.status).not.toBe('error');
        expect(context.index).toBeGreaterThanOrEqual(0);
        expect(context.index).toBeLessThanOrEqual(context.plan.steps.length);
        expect(state.value === 'done').toBe(context.index === context.plan.steps.length);
      }
    });
  });

  it('records a skip only with its reason, and every record names who and when', () => {
    check((walk) => {
      const last = walk.at(-1);
      for (const record of last ? contextOf(last.state).records : []) {
        expect(record.who).toMatch(/^(?:[A-Z]{2,4}|system)$/);
        expect(record.at).toBe(AT);
        if (record.outcome === 'skipped' || record.outcome === 'abandoned') expect(record.reason?.trim()).not.toBe('');
      }
    });
  });

  it('sends the command only after the operator confirmed it, and records it sent once per confirmation', () => {
    check((walk) => {
      let confirmedInReview = 0;
      let previous = 'manual';
      for (const { state, event } of walk) {
        if ((previous === 'review' || previous === 'commandFailed') && event.type === 'CONFIRM') confirmedInReview += 1;
        if (state.value === 'sending' && previous !== 'sending') expect(['review', 'commandFailed']).toContain(previous);
        previous = String(state.value);
      }
      const last = walk.at(-1);
      const sent = last ? contextOf(last.state).records.filter((r) => r.outcome === 'sent').length : 0;
      expect(sent).toBeLessThanOrEqual(confirmedInReview);
    });
  });

  it('never goes back from the first step, and lands on the step before otherwise', () => {
    check((walk) => {
      let before = 0;
      let wasFinal = false;
      for (const { state, event } of walk) {
        const now = contextOf(state).index;
        if (event.type === 'BACK' && !wasFinal) expect(now).toBe(Math.max(0, before - 1));
        before = now;
        wasFinal = state.status !== 'active';
      }
    });
  });
});

describe('a run through a real actor', () => {
  function run(readings: SenseReading[], command: (input: CommandInput) => Promise<CommandResult>) {
    const senses: SenseInput[] = [];
    const actor = createActor(
      procedureMachine.provide({
        actors: {
          sense: fromPromise<SenseReading, SenseInput>(async ({ input }) => {
            senses.push(input);
            return readings.shift() ?? { satisfied: false, detail: 'nothing more to read', at: AT };
          }),
          command: fromPromise<CommandResult, CommandInput>(async ({ input }) => command(input)),
        },
      }),
      { input },
    );
    actor.start();
    return { actor, senses };
  }

  it('waits on a sensed step until the host shows it, sends the command once, and ends', async () => {
    const sent: string[] = [];
    const { actor, senses } = run(
      [
        { satisfied: false, detail: 'no tape loaded', at: AT },
        { satisfied: true, detail: 'tape loaded', at: AT },
      ],
      async ({ step }) => {
        sent.push(step.command?.dcl ?? '');
        return { detail: 'entry 412 in TAPE_BACKUP', at: AT };
      },
    );
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'waiting');
    expect(actor.getSnapshot().context.reading?.detail).toBe('no tape loaded');
    expect(actor.getSnapshot().context.nextCheckAt).toBe('2010-08-03T08:00:02.000Z');
    actor.send({ type: 'RECHECK', at: AT });
    await waitFor(actor, (s) => s.value === 'review');
    expect(senses).toHaveLength(2);
    actor.send({ type: 'CONFIRM', who: 'MAB', at: AT });
    await waitFor(actor, (s) => s.value === 'manual');
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.status === 'done');
    expect(sent).toEqual(['SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_INITIALIZE_TAPES_AAAAAA SYS$LOGIN:INITIALIZE_TAPES.COM']);
    expect(actor.getSnapshot().context.records.map((r) => [r.stepId, r.outcome, r.who])).toEqual([
      ['obtain-tapes', 'confirmed', 'JS'],
      ['press-load', 'sensed', 'system'],
      ['initialize-tapes', 'sent', 'MAB'],
      ['deliver', 'confirmed', 'JS'],
    ]);
  });

  it('holds a failed command for the operator, and sends it again only when asked', async () => {
    let calls = 0;
    const { actor } = run([{ satisfied: true, detail: 'tape loaded', at: AT }], async () => {
      calls += 1;
      if (calls === 1) throw new Error('BLT4 is not connected');
      return { detail: 'entry 413', at: AT };
    });
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'review');
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'commandFailed');
    expect(actor.getSnapshot().context.commandError).toBe('BLT4 is not connected');
    expect(calls).toBe(1);
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'manual');
    expect(calls).toBe(2);
  });

  it('keeps a label scanned while the host is being read, and reads again with it', async () => {
    const plan = shortPlan();
    plan.steps[1] = { id: 'install-tapes', text: 'Install the tapes.', kind: 'sensed', sense: { kind: 'magazine-matches-plan' }, notes: [], showsMagazine: true };
    const seen: Record<string, string | null>[] = [];
    let release: () => void = () => undefined;
    const actor = createActor(
      procedureMachine.provide({
        actors: {
          sense: fromPromise<SenseReading, SenseInput>(async ({ input }) => {
            seen.push(input.found);
            if (seen.length === 1) await new Promise<void>((resolve) => (release = resolve));
            return { satisfied: false, detail: 'not yet', at: AT };
          }),
        },
      }),
      { input: { ...input, plan } },
    );
    actor.start();
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    expect(actor.getSnapshot().value).toBe('sensing');
    actor.send({ type: 'SCAN', who: 'JS', at: AT, slot: 1, code: '100803P' });
    release();
    await waitFor(actor, (s) => s.value === 'waiting');
    expect(actor.getSnapshot().context.found).toEqual({ 1: '100803P' });
    expect(seen.at(-1)).toEqual({ 1: '100803P' });
    actor.stop();
  });

  it('restores from a persisted snapshot at the same step, with its records', async () => {
    const { actor } = run([{ satisfied: false, detail: 'no tape loaded', at: AT }], async () => ({ detail: 'x', at: AT }));
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'waiting');
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown;
    actor.stop();
    const restored = createActor(procedureMachine, { snapshot: saved as never, input });
    restored.start();
    expect(restored.getSnapshot().value).toBe('waiting');
    expect(restored.getSnapshot().context.records).toHaveLength(1);
    expect(restored.getSnapshot().context.nextCheckAt).toBe('2010-08-03T08:00:02.000Z');
    restored.stop();
  });

  it('passes the start of a sensed change to the next reading, and never marks the step seen from the end state alone', async () => {
    const { actor, senses } = run(
      [
        { satisfied: false, detail: 'a tape loaded: press Load', read: 'a tape loaded', before: true, at: '2010-08-03T08:00:01.000Z' },
        { satisfied: true, detail: 'no tape, then a tape', at: AT },
      ],
      async () => ({ detail: 'x', at: AT }),
    );
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'waiting');
    expect(actor.getSnapshot().context.before).toEqual({ read: 'a tape loaded', at: '2010-08-03T08:00:01.000Z' });
    actor.send({ type: 'RECHECK', at: AT });
    await waitFor(actor, (s) => s.value === 'review');
    expect(senses.map((s) => s.before)).toEqual([null, { read: 'a tape loaded', at: '2010-08-03T08:00:01.000Z' }]);
    // the next step starts afresh
    expect(actor.getSnapshot().context.before).toBeNull();
    actor.stop();
  });

  it('lets the person confirm a step the console said it cannot see, keeping the reading in the record', async () => {
    const { actor } = run([{ satisfied: false, detail: 'already empty', read: 'no tape loaded', personConfirms: true, at: AT }], async () => ({ detail: 'x', at: AT }));
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'waiting');
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'review');
    expect(actor.getSnapshot().context.records.at(-1)).toMatchObject({
      stepId: 'press-load',
      outcome: 'confirmed',
      who: 'JS',
      detail: 'Confirmed by the person; the console read: no tape loaded',
    });
    actor.stop();
  });

  it('does not take a confirmation on a sensed step the console can still see', async () => {
    const { actor } = run([{ satisfied: false, detail: 'no tape loaded', before: true, at: AT }], async () => ({ detail: 'x', at: AT }));
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    await waitFor(actor, (s) => s.value === 'waiting');
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    expect(actor.getSnapshot().value).toBe('waiting');
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.stop();
  });

  it('reads the drive beside a manual step and keeps the reading with the confirmation', async () => {
    const plan = shortPlan();
    plan.steps[0] = { ...plan.steps[0], id: 'remove-magazine', text: 'Remove the magazine.', kind: 'manual', reads: 'drive', notes: [], showsMagazine: false };
    const actor = createActor(
      procedureMachine.provide({
        actors: {
          sense: fromPromise<SenseReading, SenseInput>(async () => ({ satisfied: false, detail: 'no tape loaded.', read: '_$2$MKA500: online, no tape loaded', at: AT })),
        },
      }),
      { input: { ...input, plan } },
    );
    actor.start();
    expect(actor.getSnapshot().value).toBe('manualRead');
    await waitFor(actor, (s) => s.value === 'manual');
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    expect(actor.getSnapshot().context.records[0]).toMatchObject({
      outcome: 'confirmed',
      detail: 'Confirmed by the person; the console read: _$2$MKA500: online, no tape loaded',
    });
    actor.stop();
  });

  it('walks a rehearsal through every step without asking the host or sending anything', async () => {
    const sent: string[] = [];
    const { actor, senses } = run([], async ({ step }) => {
      sent.push(step.id);
      return { detail: 'x', at: AT };
    });
    actor.stop();
    const rehearsal = createActor(procedureMachine, { input: { ...input, plan: { ...shortPlan(), rehearsal: true } } });
    rehearsal.start();
    for (let i = 0; i < 4; i++) {
      expect(rehearsal.getSnapshot().value).toBe('rehearsal');
      rehearsal.send({ type: 'CONFIRM', who: 'JS', at: AT });
    }
    expect(rehearsal.getSnapshot().status).toBe('done');
    expect(rehearsal.getSnapshot().context.records.map((r) => [r.stepId, r.outcome])).toEqual([
      ['obtain-tapes', 'rehearsed'],
      ['press-load', 'rehearsed'],
      ['initialize-tapes', 'rehearsed'],
      ['deliver', 'rehearsed'],
    ]);
    expect(rehearsal.getSnapshot().context.records[2]?.detail).toMatch(/^Rehearsal: not sent: SUBMIT/);
    expect(sent).toEqual([]);
    expect(senses).toEqual([]);
  });

  it("takes the courier's receipt step only with who took the tapes and when, and keeps both in the record", () => {
    const plan = shortPlan();
    plan.steps = [{ id: 'courier-pickup', text: 'The courier picks up the tapes.', kind: 'manual', receipt: true, notes: [], showsMagazine: false }];
    const actor = createActor(procedureMachine, { input: { ...input, plan } });
    actor.start();
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT });
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT, receipt: { takenBy: '  ', takenAt: '15:20' } });
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'CONFIRM', who: 'JS', at: AT, receipt: { takenBy: 'R. Diaz (Iron Mountain)', takenAt: '15:20' } });
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.records[0]).toMatchObject({ who: 'JS', outcome: 'confirmed', detail: 'Receipt: taken by R. Diaz (Iron Mountain), 15:20' });
  });
});
