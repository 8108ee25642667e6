import { counted } from '../../../shared/plural';
import { howDone, type RunView } from '../../../shared/procedures/run-view';
import { VolumeLabels } from './VolumeLabels';

const WORDS: Record<string, string> = {
  confirmed: 'Confirmed',
  sensed: 'Seen by the console',
  sent: 'Sent',
  rehearsed: 'Rehearsed (nothing sent)',
  skipped: 'Skipped',
  back: 'Went back',
  abandoned: 'Abandoned',
};

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).replace(/\s+\S*$/, '')}…` : text;
}

/** Every step's who, when, what and result: the record of the run, printable. */
export function RunSummary({ run }: { run: RunView }) {
  const how = howDone(run.records);
  const steps = (list: { step: number }[]) => list.map((s) => s.step).join(', ');
  return (
    <section className="card run-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {run.plan?.rehearsal ? 'Rehearsal, ' : ''}
        {run.status === 'done' ? 'Steps done' : run.status === 'abandoned' ? 'Abandoned' : 'So far'}: {run.plan?.title} for {run.date}
      </h2>
      {run.status === 'abandoned' && <p>Abandoned: {run.records.find((r) => r.outcome === 'abandoned')?.reason ?? ''}</p>}
      {run.plan?.rehearsal && <p className="notice">A rehearsal: nothing was sent and nothing checked on the host; no backup was prepared.</p>}
      {run.status === 'done' && !run.plan?.rehearsal && (run.plan?.next ?? []).length > 0 && (
        <div className="what-next">
          <h3>What comes next</h3>
          <ul>
            {run.plan?.next?.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="help">
        Started by {run.startedBy} at {run.startedAt.replace('T', ' ').slice(0, 19)}. Every line is also in the audit log.
      </p>
      <ul className="how-done">
        <li>
          Seen by the console: {how.sensed.length === 0 ? 'no step' : `${counted(how.sensed.length, 'step')} (${steps(how.sensed)})`}; what it read is in the Detail
          column.
        </li>
        <li>
          Confirmed by a person: {how.confirmed.length === 0 ? 'no step' : `${counted(how.confirmed.length, 'step')} (${steps(how.confirmed)})`}
          {how.confirmed.some((c) => c.read !== undefined) ? '; where the console could not see the act, its reading is kept beside the confirmation.' : '.'}
        </li>
        {how.sent.length > 0 && <li>Sent by the console: {`${counted(how.sent.length, 'command')} (step ${steps(how.sent)})`}.</li>}
        {how.skipped.length > 0 && <li>Skipped with a reason: {`${counted(how.skipped.length, 'step')} (${steps(how.skipped)})`}.</li>}
      </ul>
      {run.plan && <VolumeLabels slots={run.plan.slots} />}
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Result</th>
            <th scope="col">Who</th>
            <th scope="col">When</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {run.records.map((record, i) => (
            <tr key={`${record.index}-${i}`}>
              <td>
                {record.index + 1}. {shortened(run.plan?.steps[record.index]?.text ?? '')}
              </td>
              <td>{WORDS[record.outcome] ?? record.outcome}</td>
              <td>{record.who === 'system' ? 'console' : record.who}</td>
              <td>{record.at.replace('T', ' ').slice(11, 19)}</td>
              <td>{record.reason ?? record.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="no-print" onClick={() => window.print()}>
        Print this summary
      </button>
    </section>
  );
}
