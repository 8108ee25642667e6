import { useEffect } from 'react';
import type { QueueSnapshot, WrongUserNote } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { useConsole } from '../stores/console-store';
import { ensureQueues } from '../stores/host-actions';
import { readingTime } from '../stores/slices/hosts';

/** The time of a reading as the screen shows it: HH:MM:SS of the console's clock. */
function clockTime(at: string): string {
  return at.slice(11, 19);
}

/** Under the user of an entry of the plan's jobs that runs as another: what the plan says. */
function WrongUser({ note }: { note: WrongUserNote }) {
  return (
    <div className="help wrong-user" data-testid="wrong-user">
      <strong>
        {note.job} should run as {note.shouldRunAs}.
      </strong>{' '}
      {note.rule}
    </div>
  );
}

function QueueCard({ snapshot }: { snapshot: QueueSnapshot }) {
  const info = snapshot.info;
  const wrongUser = new Map((snapshot.wrongUsers ?? []).map((note) => [note.entry, note]));
  return (
    <section className="card" aria-labelledby={`queue-${snapshot.queue}`} data-queue={snapshot.queue}>
      <h2 id={`queue-${snapshot.queue}`}>
        {snapshot.queue} <span className="help">on {snapshot.host}</span>
      </h2>
      {snapshot.problem && <p className="error-box">{snapshot.problem}</p>}
      {info && (
        <>
          <p>
            {info.kind === 'batch' ? 'Batch queue' : 'Queue'}, {info.states.join(', ')}. As of {clockTime(snapshot.at)}.
          </p>
          {info.entries.length === 0 ? (
            <p className="help">No jobs in this queue.</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">Job name</th>
                  <th scope="col">Runs as</th>
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
                    <td>
                      {entry.username}
                      {wrongUser.has(entry.entry) && <WrongUser note={wrongUser.get(entry.entry) as WrongUserNote} />}
                    </td>
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

/**
 * The batch queues of the plan, as main last read them: main reads them for every console and
 * pushes each reading, so the screen only shows what the store holds.
 */
export function QueuesScreen() {
  const queues = useConsole((s) => s.queues);
  const error = useConsole((s) => s.queuesError);
  useEffect(() => {
    void ensureQueues();
  }, []);
  const at = queues ? readingTime(queues) : '';
  return (
    <>
      <h1>Queues</h1>
      <p className="help" data-testid="queues-read-at">
        The console reads the queues every few seconds and shows each reading as it comes. {at ? `As of ${clockTime(at)}.` : 'Waiting for the first reading.'}
      </p>
      {error && <ErrorBox error={error} />}
      {(queues ?? []).map((snapshot) => (
        <QueueCard key={`${snapshot.host}-${snapshot.queue}`} snapshot={snapshot} />
      ))}
    </>
  );
}
