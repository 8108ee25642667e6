import type { ChainView, JobView } from '../../../shared/api';
import { JobCard } from './JobCard';

type Arrow = ChainView['arrows'][number];

/** The plan's arrows into a job, drawn above its card: who submits it, and when it is to run. */
function ArrowsInto({ job, arrows }: { job: JobView; arrows: Arrow[] }) {
  const into = arrows.filter((arrow) => arrow.to === job.job);
  if (into.length === 0) return null;
  return (
    <ul className="chain-arrows" aria-label={`What starts ${job.job}`} data-into={job.job}>
      {into.map((arrow) => (
        <li key={`${arrow.from}-${arrow.to}`}>
          <span className="arrow-mark" aria-hidden="true">
            ↓
          </span>{' '}
          <code>{arrow.from}</code> submits <code>{arrow.to}</code>
          {arrow.at !== null && <strong className="arrow-at"> at {arrow.at}</strong>}
        </li>
      ))}
    </ul>
  );
}

/** The day's chain top to bottom in the plan's order, each job after the arrows that start it. */
export function ChainTimeline({ chain, nowMs }: { chain: ChainView; nowMs: number | null }) {
  return (
    <ol className="chain-timeline" aria-label={`Jobs of ${chain.date}`}>
      {chain.jobs.map((job) => (
        <li key={job.job} className="chain-step">
          <ArrowsInto job={job} arrows={chain.arrows} />
          <JobCard chain={chain} job={job} nowMs={nowMs} />
        </li>
      ))}
    </ol>
  );
}
