import type { RunView } from '../../../shared/procedures/run-view';

const WORDS: Record<string, string> = {
  confirmed: 'Confirmed',
  sensed: 'Seen by the console',
  sent: 'Sent',
  skipped: 'Skipped',
  back: 'Went back',
  abandoned: 'Abandoned',
};

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57).replace(/\s+\S*$/, '')}…` : text;
}

/** Every step's who, when, what and result: the record of the run, printable. */
export function RunSummary({ run }: { run: RunView }) {
  return (
    <section className="card run-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {run.status === 'done' ? 'Completed' : run.status === 'abandoned' ? 'Abandoned' : 'So far'}: {run.plan?.title} for {run.date}
      </h2>
      <p className="help">
        Started by {run.startedBy} at {run.startedAt.replace('T', ' ').slice(0, 19)}. Every line is also in the audit log.
      </p>
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
