import { useState } from 'react';
import type { ChainView, JobView } from '../../../shared/api';
import { basisWords, clockTime, hoursMinutes, itemStateWords, logFreshness, stateWords } from './job-format';
import { JobErrors } from './JobErrors';
import { LogTail } from './LogTail';

/** A tape request BACKUP waits on: the first thing on the card, as the operator must act on it. */
function OperatorRequest({ job }: { job: JobView }) {
  const request = job.waitingForOperator;
  if (request === null) return null;
  return (
    <div className="operator-request" role="alert" data-testid={`operator-request-${job.job}`}>
      <p>
        <strong>
          <span aria-hidden="true">⏏ </span>Waiting for you{request.label === null ? '' : `: tape ${request.label}`}
        </strong>
      </p>
      <pre>{request.text}</pre>
    </div>
  );
}

function Progress({ job }: { job: JobView }) {
  const label = `${job.job}: ${job.done} of ${job.total} items done${job.failed > 0 ? `, ${job.failed} failed` : ''}`;
  return (
    <div className="job-progress">
      <progress max={Math.max(1, job.total)} value={job.done} aria-label={`Progress of ${job.job}`} aria-valuetext={label} />
      <span className="job-progress-words">
        {job.done} of {job.total} done{job.failed > 0 && <strong className="failed-count">, {job.failed} failed</strong>}
      </span>
    </div>
  );
}

function Items({ job }: { job: JobView }) {
  if (job.items.length === 0) return null;
  return (
    <details className="job-items">
      <summary>The {job.items.length} items of this job</summary>
      <ul>
        {job.items.map((item) => (
          <li key={item.id} className={`item-${item.state}`} data-item={item.id}>
            <code>{item.label}</code> — {itemStateWords[item.state]}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Facts({ job, nowMs }: { job: JobView; nowMs: number | null }) {
  return (
    <dl className="facts job-facts">
      <dt>Runs</dt>
      <dd>
        {job.when}, in <code>{job.queue}</code> on {job.host}
      </dd>
      <dt>Queue says</dt>
      <dd>{job.queueStatus === null ? 'no entry in the queue' : `${job.queueStatus}${job.entry === null ? '' : ` (entry ${job.entry})`}`}</dd>
      <dt>In hand</dt>
      <dd>{job.current ?? '—'}</dd>
      <dt>Tape</dt>
      <dd>
        {job.tape === null ? '—' : <strong className="code">{job.tape}</strong>}
        {job.volumes.length > 1 && <span className="help"> (mounted so far: {job.volumes.join(', ')})</span>}
      </dd>
      <dt>Started</dt>
      <dd>{job.startedAt === null ? '—' : clockTime(job.startedAt)}</dd>
      <dt>Elapsed</dt>
      <dd>{job.elapsedMs === null ? '—' : hoursMinutes(job.elapsedMs)}</dd>
      <dt>Still to go</dt>
      <dd>
        {job.remainingMs === null ? '—' : `about ${hoursMinutes(job.remainingMs)}`} <span className="help">({basisWords[job.estimateBasis]})</span>
      </dd>
      <dt>Log</dt>
      <dd>
        <code>{job.log.version ?? job.log.file}</code> <span className="log-freshness">{logFreshness(job.log, nowMs)}</span>
      </dd>
    </dl>
  );
}

const openByDefault = (job: JobView) => job.state === 'executing' || job.state === 'failed' || job.state === 'completed-with-errors';

/** One job of the chain: its state in words and mark, progress, facts, errors and the tail of its log. */
export function JobCard({ chain, job, nowMs }: { chain: ChainView; job: JobView; nowMs: number | null }) {
  // the log is open while the job runs or has gone wrong, until the operator opens or closes it
  const [chosen, setChosen] = useState<boolean | null>(null);
  const logOpen = chosen ?? openByDefault(job);
  const state = stateWords[job.state];
  return (
    <article className={`card job-card state-${job.state}`} aria-labelledby={`job-${job.job}`} data-job={job.job} data-state={job.state}>
      <header className="job-head">
        <h2 id={`job-${job.job}`}>
          <code>{job.job}</code> <span className="job-title">{job.title}</span>
        </h2>
        <p className={`job-state state-${job.state}`} data-testid={`state-${job.job}`}>
          <span aria-hidden="true">{state.mark} </span>
          {state.words}
        </p>
      </header>
      <OperatorRequest job={job} />
      <p className="job-reason">{job.reason}</p>
      <Progress job={job} />
      <Facts job={job} nowMs={nowMs} />
      <JobErrors job={job.job} errors={job.errors} errorCount={job.errorCount} />
      <Items job={job} />
      <div className="log-toggle">
        <button type="button" aria-expanded={logOpen} aria-controls={`log-of-${job.job}`} onClick={() => setChosen(!logOpen)}>
          {logOpen ? 'Hide the log' : `Show the log (${job.log.lines.toLocaleString('en-US')} lines)`}
        </button>
      </div>
      <div id={`log-of-${job.job}`}>{logOpen && <LogTail chainId={chain.id} job={job.job} version={job.log.version} lines={job.log.lines} />}</div>
    </article>
  );
}
