import { useState, type FormEvent } from 'react';
import type { LogicalResolution } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { getApi } from '../stores/console-api';
import { useConsole } from '../stores/console-store';
import { shown, type ShownError } from '../stores/shown-error';

// one array for "none": a selector that made a new one at each call would never settle
const NO_NAMES: string[] = [];

/** "Where is it?": a logical name followed to its device and directory, as the plan does by hand. */
export function WhereScreen() {
  const known = useConsole((s) => s.info?.site.logicalNames ?? NO_NAMES);
  const [name, setName] = useState(known[0] ?? '');
  const [result, setResult] = useState<LogicalResolution | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      setResult(await getApi().request('logical.resolve', { name }));
      setError(null);
    } catch (e) {
      setResult(null);
      setError(shown(e));
    }
  }

  return (
    <>
      <h1>Where is it?</h1>
      <form className="card inline-form" onSubmit={submit}>
        <label htmlFor="logical-name">Logical name</label>
        <div className="row">
          <input
            id="logical-name"
            list="known-logical-names"
            value={name}
            onChange={(e) => setName(e.target.value.toUpperCase())}
            spellCheck={false}
            autoComplete="off"
          />
          <datalist id="known-logical-names">
            {known.map((logical) => (
              <option key={logical} value={logical} />
            ))}
          </datalist>
          <button type="submit" className="primary">
            Find it
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {result && (
        <section className="card" aria-labelledby="where-answer" data-testid="where-answer">
          <h2 id="where-answer">
            {result.name} is in <code>{result.location}</code> on <code>{result.device}</code>
          </h2>
          <p className="help">Read on {result.host} with SHOW LOGICAL, one level at a time:</p>
          <ol className="tape-list">
            {result.steps.map((step) => (
              <li key={step.name}>
                <code>{`"${step.name}" = "${step.value}"${step.concealed ? ' [concealed]' : ''} (${step.table})`}</code>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
