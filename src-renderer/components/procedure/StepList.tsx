import type { RunView } from '../../../shared/procedures/run-view';

const MARK: Record<string, string> = { confirmed: '✓ done', sensed: '✓ seen by the console', sent: '✓ sent', rehearsed: '○ rehearsed', skipped: '↷ skipped' };

/** The steps at the side: what is done (and how), the current one, what comes. */
export function StepList({ run }: { run: RunView }) {
  const last = new Map<number, string>();
  for (const record of run.records) if (record.outcome !== 'back' && record.outcome !== 'abandoned') last.set(record.index, record.outcome);
  return (
    <nav aria-label="Steps" className="step-list">
      <ol>
        {run.plan?.steps.map((step, index) => {
          const outcome = index < run.index ? last.get(index) : undefined;
          return (
            <li key={step.id} className={index === run.index ? 'current' : index < run.index ? 'past' : 'future'} aria-current={index === run.index ? 'step' : undefined}>
              <span className="step-no">{index + 1}</span> {step.text.length > 70 ? `${step.text.slice(0, 67).replace(/\s+\S*$/, '')}…` : step.text}
              {outcome && <span className="step-mark"> {MARK[outcome] ?? outcome}</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
