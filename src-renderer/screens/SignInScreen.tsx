import { useState, type FormEvent } from 'react';
import type { SiteSummary } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { useConsole } from '../stores/console-store';
import { signIn } from '../stores/session-actions';
import type { ShownError } from '../stores/shown-error';

/** Operators identify themselves by initials: every record the console keeps names who did it. */
export function SignInScreen({ site }: { site: SiteSummary }) {
  const [initials, setInitials] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const signedOut = useConsole((s) => s.signedOut);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(await signIn(initials, name));
    setBusy(false);
  }

  return (
    <main className="page narrow">
      <h1>TapeOps Console</h1>
      <p className="lead">
        {site.organisation} — {site.plan} (revision {site.revision})
      </p>
      {signedOut && (
        <p className="ok" role="status">
          {signedOut.initials} signed out.
        </p>
      )}
      <form className="card sign-in" onSubmit={submit}>
        <h2>Who is at the console?</h2>
        <label htmlFor="initials">Your initials</label>
        <input
          id="initials"
          name="initials"
          autoFocus
          autoComplete="off"
          value={initials}
          onChange={(e) => setInitials(e.target.value.toUpperCase())}
          aria-describedby="initials-help"
          aria-invalid={error ? true : undefined}
        />
        <p id="initials-help" className="help">
          2 to 4 letters, as you sign the daily backup report. Every step you confirm and every label you print is recorded under them.
        </p>
        <label htmlFor="operator-name">Your name (optional)</label>
        <input id="operator-name" name="name" autoComplete="name" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        {error && <ErrorBox error={error} />}
        <button type="submit" className="primary" disabled={busy}>
          Start
        </button>
      </form>
    </main>
  );
}
