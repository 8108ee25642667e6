/** The plan's procedures and their runs, each run held at its newest view. */
import type { StateCreator } from 'zustand';
import type { ProcedureChoice, RunView } from '../../../shared/procedures/run-view';
import type { ConsoleState } from '../console-store';
import type { ShownError } from '../shown-error';

export interface RunsSlice {
  choices: ProcedureChoice[];
  /** Newest first. Runs told by events are kept even before procedures.list has answered. */
  runs: RunView[];
  runsListed: boolean;
  runsError: ShownError | null;
  /** The run open on the Procedures screen: kept here so that leaving the screen keeps it open. */
  openRunId: string | null;
  runOpened(runId: string | null): void;
  /**
   * A run's view, from an answer or an event. The two reach the console in either order, so a
   * view replaces the one held only if it is newer (a higher `seq`) or of another run.
   */
  runChanged(run: RunView): void;
  runsListedAs(list: { choices: ProcedureChoice[]; runs: RunView[] }): void;
  /** Another site profile: its runs are others (and count their `seq` afresh), to be listed again. */
  runsForgotten(): void;
}

/** The list with `run` in it, unless the list already holds this view of the run or a newer one. */
export function withRun(list: RunView[], run: RunView): RunView[] {
  const held = list.find((r) => r.runId === run.runId);
  if (held !== undefined && held.seq >= run.seq) return list;
  return [run, ...list.filter((r) => r.runId !== run.runId)];
}

export const createRunsSlice: StateCreator<ConsoleState, [], [], RunsSlice> = (set) => ({
  choices: [],
  runs: [],
  runsListed: false,
  runsError: null,
  openRunId: null,
  runOpened: (openRunId) => set({ openRunId }),
  runChanged: (run) => set((state) => ({ runs: withRun(state.runs, run) })),
  runsListedAs: ({ choices, runs }) =>
    set((state) => {
      // what an event told meanwhile may be newer than the list, and a run it told may be missing from it
      const merged = state.runs.reduce((list, held) => withRun(list, held), runs);
      return { choices, runs: merged, runsListed: true, runsError: null };
    }),
  runsForgotten: () => set({ choices: [], runs: [], runsListed: false, runsError: null, openRunId: null }),
});
