/** The job chains: today's and past days', a window of a job's log, a day's chain followed on demand. */
import type { jobRequests } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import type { HandlerDeps } from './context';

export function jobHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof jobRequests> {
  const chains = () => deps.session().jobs;
  return {
    'jobs.chains': () => chains().list(),
    'jobs.log': ({ chainId, job, from, count }) => chains().logLines(chainId, job, from, count),
    'jobs.follow': ({ date }) => chains().follow(date),
  };
}
