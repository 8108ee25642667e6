import { useEffect, useState } from 'react';
import type { QueueSnapshot } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { errorMessage } from '../api/api-error';
import { getApi, type ShownError } from '../stores/console-store';

const REFRESH_MS = 5000;

function QueueCard({ snapshot }: { snapshot: QueueSnapshot }) {
  const info = snapshot.info;
  return (
    <section className="card" aria-labelledby={`queue-${snapshot.queue}`} data-queue={snapshot.queue}>
      <h2 id={`queue-${snapshot.queue}`}>
        {snapshot.queue} <span className="help">on {snapshot.host}</span>
      </h2>
      {snapshot.problem && <p className="error-box">{snapshot.problem}</p>}
      {info && (
        <>
          <p>
            {info.kind === 'batch' ? 'Batch queue' : 'Queue'}, {info.states.join(', ')}. As of {snapshot.at.slice(11, 19)}.
          </p>
          {info.entries.length === 0 ? (
            <p className="help">No jobs in this queue.</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">Job name</th>
                  <th scope="col">User</th>
                  <th scope="col">Status</th>
                  <th scope="col">Submitted</th>
                </tr>
              </thead>
              <tbody>
                {info.entries.map((entry) => (
                  <tr key={entry.entry} data-entry={entry.entry}>
                    <td>{entry.entry}</td>
                    <td>
                      <code>{entry.jobName}</code>
                      {entry.statusMessages.map((m) => (
                        <div key={m.line} className="help">
                          {`${m.lead}${m.facility}-${m.severity}-${m.ident}, ${m.text}`}
                        </div>
                      ))}
                    </td>
                    <td>{entry.username}</td>
                    <td>{entry.status.text}</td>
                    <td>{entry.submitted?.text ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

/** The batch queues of the plan, refreshed while the screen is open. */
export function QueuesScreen() {
  const [queues, setQueues] = useState<QueueSnapshot[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      getApi()
        .request('queues.show', {})
        .then((snapshots) => live && (setQueues(snapshots), setError(null)))
        .catch((e: unknown) => live && setError({ message: errorMessage(e), problems: [] }));
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <>
      <h1>Queues</h1>
      <p className="help">Refreshed every {REFRESH_MS / 1000} seconds.</p>
      {error && <ErrorBox error={error} />}
      {queues.map((snapshot) => (
        <QueueCard key={`${snapshot.host}-${snapshot.queue}`} snapshot={snapshot} />
      ))}
    </>
  );
}
