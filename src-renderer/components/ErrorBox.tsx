import type { ShownError } from '../stores/shown-error';

/**
 * A failure in the operator's words: what went wrong and, if several, each problem on its own line
 * (a refused profile's FILE:LINE:COLUMN lines, as `tapeops site check` prints them). One problem is
 * the message itself.
 */
export function ErrorBox({ error }: { error: ShownError }) {
  return (
    <div className="error-box" role="alert">
      <p>{error.message}</p>
      {error.problems.length > 1 && (
        <ul>
          {error.problems.map((problem) => (
            <li key={problem}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
