/** Procedure runs: listed once, started, acted on; every view answered goes through the runs slice. */
import type { RequestInput } from '../../shared/api';
import type { RunView } from '../../shared/procedures/run-view';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { attemptApplied, type Outcome } from './outcome';
import { shown } from './shown-error';

export async function listRuns(): Promise<void> {
  try {
    useConsole.getState().runsListedAs(await getApi().request('procedures.list', {}));
  } catch (error) {
    useConsole.setState({ runsError: shown(error) });
  }
}

export function ensureRuns(): Promise<void> {
  return useConsole.getState().runsListed ? Promise.resolve() : listRuns();
}

const onRun = (work: () => Promise<RunView>): Promise<Outcome<RunView>> => attemptApplied(work, (run) => useConsole.getState().runChanged(run));

export function startRun(procedureId: string, date: string, job?: string): Promise<Outcome<RunView>> {
  return onRun(() => getApi().request('procedures.start', { procedureId, date, ...(job ? { job } : {}) }));
}

export function actOnRun(input: RequestInput<'procedures.act'>): Promise<Outcome<RunView>> {
  return onRun(() => getApi().request('procedures.act', input));
}
