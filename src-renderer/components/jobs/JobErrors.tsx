import type { JobError } from '../../../shared/api';
import { counted } from '../../../shared/plural';

/** Every E and F message of a job's log, each with the plan's known error and what to do about it. */
export function JobErrors({ job, errors, errorCount }: { job: string; errors: JobError[]; errorCount: number }) {
  if (errorCount === 0 && errors.length === 0) return null;
  return (
    <section className="job-errors" aria-labelledby={`errors-${job}`}>
      <h3 id={`errors-${job}`}>{counted(Math.max(errorCount, errors.length), 'error')} in the log</h3>
      <ol className="job-error-list">
        {errors.map((error) => (
          <li key={error.line} className={`job-error severity-${error.severity}`} data-line={error.line}>
            <p className="job-error-where">
              <strong>{error.severity === 'F' ? 'Fatal' : 'Error'}</strong> at line {error.line}
              {error.item !== null && <> while on {error.item}</>}:
            </p>
            <pre className="job-error-text">{error.text.join('\n')}</pre>
            {error.knownError ? (
              <div className="known-error">
                <p>
                  <strong>The plan knows this error: {error.knownError.title}.</strong>
                </p>
                <p className="known-error-action-title">What to do:</p>
                <ol className="known-error-action">
                  {error.knownError.action.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </div>
            ) : (
              <p className="help">The plan names no corrective action for this message: read the log around line {error.line}.</p>
            )}
          </li>
        ))}
      </ol>
      {errorCount > errors.length && <p className="help">Not listed here: {counted(errorCount - errors.length, 'further error')}. The log below holds them all.</p>}
    </section>
  );
}
