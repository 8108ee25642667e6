/**
 * A day's chain of jobs as an xstate actor on the persisted-run manager: fed the queue readings and
 * the lines read from the jobs' logs, it keeps the chain (shared/chains/day-chain) and a record of
 * each job's state changes, which become audit records. It ends when every job has ended, or when
 * its day is two days past (what has not run by then will not run for that day).
 */
import { assign, setup } from 'xstate';
import { chainEnded, chainJobState, withLogLines, withQueues, type ChainQueueReading, type DayChain, type LogReading } from '../../../shared/chains/day-chain';
import type { JobState } from '../../../shared/jobs/job-state';
import type { SiteProfile } from '../../../shared/site/schema';

export const CHAIN_MACHINE_VERSION = 1;

export interface JobTransition {
  job: string;
  state: JobState;
  reason: string;
  at: string;
}

export interface ChainContext {
  chain: DayChain;
  transitions: JobTransition[];
}

export type ChainEvent =
  { type: 'QUEUES'; readings: ChainQueueReading[]; at: string } | { type: 'LOG'; job: string; reading: LogReading; at: string } | { type: 'CLOSE'; at: string };

/** The state changes from one chain to the next, as transitions. */
function transitionsBetween(before: DayChain, after: DayChain, at: string): JobTransition[] {
  return after.jobs.flatMap((job, index) => {
    const was = before.jobs[index];
    const now = chainJobState(job);
    if (was !== undefined && chainJobState(was).state === now.state) return [];
    if (was === undefined && now.state === 'waiting') return [];
    return [{ job: job.job, state: now.state, reason: now.reason, at }];
  });
}

export function chainMachine(profile: SiteProfile) {
  const next = (context: ChainContext, chain: DayChain, at: string): ChainContext => ({
    chain,
    transitions: [...context.transitions, ...transitionsBetween(context.chain, chain, at)],
  });
  return setup({
    types: {
      context: {} as ChainContext,
      events: {} as ChainEvent,
      input: {} as { chain: DayChain },
    },
    guards: {
      ended: ({ context }) => chainEnded(context.chain),
    },
  }).createMachine({
    id: 'job-chain',
    context: ({ input }) => ({ chain: input.chain, transitions: [] }),
    initial: 'following',
    states: {
      following: {
        always: { guard: 'ended', target: 'ended' },
        on: {
          QUEUES: { actions: assign(({ context, event }) => next(context, withQueues(context.chain, event.readings, event.at), event.at)) },
          LOG: { actions: assign(({ context, event }) => next(context, withLogLines(context.chain, event.job, event.reading, profile, event.at), event.at)) },
          CLOSE: { target: 'ended' },
        },
      },
      ended: { type: 'final' },
    },
  });
}

export type ChainMachine = ReturnType<typeof chainMachine>;
