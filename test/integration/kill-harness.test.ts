/**
 * The kill harness (issue: guided procedures): the Bill Run procedure of 2010-08-03, and for each
 * of its steps in turn the console is killed with SIGKILL at that step, just after the act that
 * completes it was sent, and started again on the same data folder. Every run must resume at the
 * step where it died (or the next one, when the act was saved before the kill), with no audit
 * record lost or doubled, and no job submitted twice: the simulated BLT4 runs in a process of its
 * own, so its queue shows every SUBMIT that arrived. The figures go to .reports/kill-harness.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry, QueueSnapshot } from '../../shared/api';
import type { RunView } from '../../shared/procedures/run-view';
import { projectRoot } from '../support/api-fixtures';
import { isEvent } from '../support/console-client';
import { freePort, runOf, signInAndConnect, siteWithBlt4On, startConsole, startSimulatedBlt4, type KillableConsole, type SimulatedBlt4 } from '../support/kill-harness';

const root = mkdtempSync(join(tmpdir(), 'tapeops-kill-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const trace = process.env.KILL_HARNESS_TRACE === undefined ? () => undefined : (...words: unknown[]) => console.error('[kill]', ...words);

const YESTERDAY = ['eject', 'remove-magazine', 'empty-magazine', 'insert 1 DAILY 5', 'insert-magazine', 'close-door', 'load'];

/** What the person does at the rack and on the screen to complete the current step. */
async function doStep(c: KillableConsole, sim: SimulatedBlt4, run: RunView, send: 'wait' | 'no-wait'): Promise<void> {
  const step = run.plan?.steps[run.index];
  if (step === undefined) return;
  const actOn = async (input: Record<string, unknown>) => {
    if (send === 'no-wait') c.send('procedures.act', { runId: run.runId, ...input });
    else await c.call('procedures.act', { runId: run.runId, ...input });
  };
  // a hand act refused because it was already done before a kill is no failure here
  const hands = async (...acts: string[]) => {
    for (const act of acts) await sim.hands(act);
  };
  if (step.kind === 'manual') {
    if (step.id === 'remove-magazine') await hands('remove-magazine');
    if (step.id === 'empty-magazine') await hands('empty-magazine');
    if (step.id === 'install-magazine') await hands('insert-magazine', 'close-door');
    await actOn({ action: 'confirm' });
  } else if (step.kind === 'command') {
    if (run.state === 'review' || run.state === 'commandFailed') await actOn({ action: 'confirm' });
  } else if (step.sense?.kind === 'drive-unloaded' || step.sense?.kind === 'drive-loaded') {
    // a drive step is a change the console sees: the state it starts from first, then the act
    const seen = await startSeen(c, run);
    if (seen.reading?.personConfirms === true) await actOn({ action: 'confirm' });
    else await hands(step.sense.kind === 'drive-unloaded' ? 'eject' : 'load');
  } else if (step.sense?.kind === 'magazine-matches-plan') {
    for (const { slot, code } of run.plan?.slots ?? []) {
      if (code === null) continue;
      await hands(`insert ${slot} ${code}`);
      if (!(String(slot) in run.found)) await actOn({ action: 'scan', slot, code });
    }
  }
}

/** The run once the console has read the state its drive step starts from (or found it cannot see the act). */
async function startSeen(c: KillableConsole, run: RunView): Promise<RunView> {
  const seen = (view: RunView | undefined) => view !== undefined && (view.reading?.before === true || view.reading?.personConfirms === true);
  const now = await runOf(c, run.runId);
  if (now !== undefined && seen(now)) return now;
  const frame = await c.socket.waitFor((f) => {
    const view = isEvent(f) && f.event === 'procedures.changed' ? (f.payload as RunView) : undefined;
    return view?.runId === run.runId && view.index === run.index && seen(view);
  }, 30_000);
  return (frame as { payload: RunView }).payload;
}

/** The run once it has moved on from where it was (another step, another state, or its end): now, or at a later event. */
async function movedOn(c: KillableConsole, before: RunView): Promise<RunView> {
  const moved = (run: RunView) =>
    run.index !== before.index || run.status !== 'active' || (run.state !== before.state && run.state !== 'sensing' && run.state !== 'sending');
  const now = await runOf(c, before.runId);
  if (now !== undefined && moved(now)) return now;
  // each transition is pushed after its save; only one newer than the reading above counts
  const after = now?.seq ?? before.seq;
  const frame = await c.socket
    .waitFor((f) => {
      const run = isEvent(f) && f.event === 'procedures.changed' ? (f.payload as RunView) : undefined;
      return run !== undefined && run.runId === before.runId && run.seq > after && moved(run);
    }, 30_000)
    .catch(() => {
      throw new Error(`the run stayed at step ${before.index + 1} (${JSON.stringify(now && { state: now.state, reading: now.reading, error: now.commandError })})`);
    });
  return (frame as { payload: RunView }).payload;
}

async function finish(c: KillableConsole, sim: SimulatedBlt4, run: RunView): Promise<RunView> {
  let current = run;
  for (let guard = 0; current.status === 'active' && guard < 80; guard++) {
    await doStep(c, sim, current, 'wait');
    current = await movedOn(c, current);
    trace('finishing', current.index, current.state);
  }
  return current;
}

interface KillOutcome {
  step: number;
  stepId: string;
  resumedAt: number;
  resumedCorrectly: boolean;
  recordsLost: number;
  recordsDoubled: number;
  submissions: number;
  completed: boolean;
}

describe('a crash at any step of the Bill Run procedure costs nothing', () => {
  it('kills the console at each step in turn; every run resumes where it died, loses no record and submits once', async () => {
    const outcomes: KillOutcome[] = [];
    let steps = 1;
    // KILL_HARNESS_ONLY=5 kills at step 6 alone, for looking into one step
    const only = process.env.KILL_HARNESS_ONLY === undefined ? undefined : Number(process.env.KILL_HARNESS_ONLY);
    for (let k = only ?? 0; k < (only === undefined ? steps : only + 1); k++) {
      const dir = join(root, `kill-${k}`);
      mkdirSync(dir);
      const port = await freePort();
      const site = siteWithBlt4On(dir, port);
      const sim = await startSimulatedBlt4(site, port, join(root, 'simulator'));
      let c = await startConsole(site, join(dir, 'console'));
      try {
        for (const act of YESTERDAY) trace(act, await sim.hands(act));
        await signInAndConnect(c, sim.password);
        trace('connected');
        let run = await c.call<RunView>('procedures.start', { procedureId: 'bill-run', date: '2010-08-03' });
        steps = run.plan?.steps.length ?? 0;
        // a step the console completes by itself, with no act (the INITIALIZE_TAPES entry seen in
        // the queue), lasts only as long as one SHOW QUEUE: the kill for it follows the event that
        // the run has reached it, instead of an act
        const automatic = (index: number) => run.plan?.steps[index]?.sense?.kind === 'queue-entry';
        while (run.index < k && run.status === 'active') {
          if (run.index === k - 1 && automatic(k)) {
            const reached = c.socket.waitFor((f) => {
              const payload = (f as { event?: string; payload?: RunView }).payload;
              return (f as { event?: string }).event === 'procedures.changed' && payload?.runId === run.runId && payload.index >= k;
            }, 30_000);
            await doStep(c, sim, run, 'no-wait');
            run = ((await reached) as { payload: RunView }).payload;
            break;
          }
          await doStep(c, sim, run, 'wait');
          run = await movedOn(c, run);
          trace('at', run.index, run.state);
        }
        const diedAt = run.index;
        const stepId = run.plan?.steps[diedAt]?.id ?? '';
        if (automatic(diedAt) && run.index === k) await c.kill();
        else {
          await doStep(c, sim, run, 'no-wait');
          await c.kill();
        }

        trace('killed at', diedAt);
        c = await startConsole(site, join(dir, 'console'));
        await signInAndConnect(c, sim.password);
        trace('restarted');
        const resumed = await runOf(c, run.runId);
        if (resumed === undefined) throw new Error(`run ${run.runId} was not restored`);
        const audit = await c.call<AuditEntry[]>('audit.recent', { limit: 500 });
        const audited = audit.filter((a) => a.action === 'procedure.step' && (a.details as { runId?: string }).runId === run.runId).length;

        const finished = await finish(c, sim, resumed);
        const name = /\/NAME=(\S+)/.exec(finished.plan?.steps.find((s) => s.command)?.command?.dcl ?? '')?.[1] ?? '?';
        const queues = await c.call<QueueSnapshot[]>('queues.show', {});
        const submissions = queues.flatMap((q) => q.info?.entries ?? []).filter((e) => e.jobName === name).length;
        outcomes.push({
          step: diedAt + 1,
          stepId,
          resumedAt: resumed.index + 1,
          resumedCorrectly: resumed.status !== 'refused' && (resumed.index === diedAt || resumed.index === diedAt + 1),
          recordsLost: Math.max(0, resumed.records.length - audited),
          recordsDoubled: Math.max(0, audited - resumed.records.length),
          submissions,
          completed: finished.status === 'done',
        });
      } finally {
        await c.kill();
        await sim.stop();
      }
    }

    const figures = {
      kills: outcomes.length,
      resumedCorrectly: outcomes.filter((o) => o.resumedCorrectly).length,
      recordsLost: outcomes.reduce((n, o) => n + o.recordsLost, 0),
      recordsDoubled: outcomes.reduce((n, o) => n + o.recordsDoubled, 0),
      duplicateSubmissions: outcomes.reduce((n, o) => n + Math.max(0, o.submissions - 1), 0),
      completed: outcomes.filter((o) => o.completed).length,
      outcomes,
    };
    mkdirSync(join(projectRoot, '.reports'), { recursive: true });
    writeFileSync(join(projectRoot, '.reports', 'kill-harness.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      `kill harness: ${figures.kills} kills, ${figures.resumedCorrectly} resumed at their step, ${figures.recordsLost} records lost, ` +
        `${figures.recordsDoubled} doubled, ${figures.duplicateSubmissions} duplicate submissions, ${figures.completed} runs completed`,
    );
    expect(figures.kills).toBe(only === undefined ? steps : 1);
    expect(outcomes.filter((o) => !o.resumedCorrectly)).toEqual([]);
    expect(figures.recordsLost + figures.recordsDoubled).toBe(0);
    expect(outcomes.map((o) => o.submissions)).toEqual(outcomes.map(() => 1));
    expect(figures.completed).toBe(figures.kills);
  }, 900_000);
});
