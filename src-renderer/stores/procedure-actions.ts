/** Procedure runs from the screen: list, start, and the operator's actions on a run. */
import type { RequestInput } from '../../shared/api';
import type { ProcedureChoice, RunView } from '../../shared/procedures/run-view';
import { getApi } from './console-store';
import { attempt, type Outcome } from './outcome';

export function listRuns(): Promise<Outcome<{ choices: ProcedureChoice[]; runs: RunView[] }>> {
  return attempt(() => getApi().request('procedures.list', {}));
}

export function startRun(procedureId: string, date: string, job?: string): Promise<Outcome<RunView>> {
  return attempt(() => getApi().request('procedures.start', { procedureId, date, ...(job ? { job } : {}) }));
}

export function actOnRun(input: RequestInput<'procedures.act'>): Promise<Outcome<RunView>> {
  return attempt(() => getApi().request('procedures.act', input));
}

export function onRunChanged(listener: (run: RunView) => void): () => void {
  return getApi().subscribe('procedures.changed', listener);
}
