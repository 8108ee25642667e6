/** Procedure runs: listed once, started, acted on; every view answered goes through the runs slice. */
import type { RequestInput } from '../../shared/api';
import type { DayOffers } from '../../shared/procedures/day-offers';
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

export function startRun(procedureId: string, date: string, job?: string, rehearsal = false): Promise<Outcome<RunView>> {
  return onRun(() => getApi().request('procedures.start', { procedureId, date, ...(job ? { job } : {}), ...(rehearsal ? { rehearsal } : {}) }));
}

/** What the Procedures screen offers for a day: which procedures apply, and whether a run would be a rehearsal. */
export async function dayOffersFor(date: string): Promise<Outcome<DayOffers>> {
  try {
    const listed = await getApi().request('procedures.list', { date });
    useConsole.getState().runsListedAs(listed);
    if (listed.day === undefined) throw new Error('the console did not say what applies on that day');
    return { ok: true, value: listed.day };
  } catch (error) {
    return { ok: false, error: shown(error) };
  }
}

export function actOnRun(input: RequestInput<'procedures.act'>): Promise<Outcome<RunView>> {
  return onRun(() => getApi().request('procedures.act', input));
}
