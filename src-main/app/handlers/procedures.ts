/** The plan's checklists: the runs of this console, a run started for a day, the operator's acts on a run. */
import type { procedureRequests } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import { signedIn, type HandlerDeps } from './context';

export function procedureHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof procedureRequests> {
  const runs = () => deps.session().procedures;
  return {
    'procedures.list': ({ date }) => ({ choices: runs().choices(), runs: runs().list(), ...(date === undefined ? {} : { day: runs().offers(date) }) }),
    'procedures.start': ({ procedureId, date, job, rehearsal }, ctx) => runs().start(procedureId, date, signedIn(ctx), { job, rehearsal: rehearsal === true }),
    'procedures.act': (action, ctx) => runs().act(action, signedIn(ctx)),
  };
}
