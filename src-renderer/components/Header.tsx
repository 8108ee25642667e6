import { useState } from 'react';
import { showScreen, signOut } from '../stores/session-actions';
import { useConsole, type Screen } from '../stores/console-store';
import type { ShownError } from '../stores/shown-error';
import { ErrorBox } from './ErrorBox';

const screens: { id: Screen; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'jobs', label: 'Jobs' },
  { id: 'procedures', label: 'Procedures' },
  { id: 'labels', label: 'Labels' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'hosts', label: 'Hosts' },
  { id: 'queues', label: 'Queues' },
  { id: 'where', label: 'Where is it?' },
  { id: 'settings', label: 'Settings' },
];

/** Who is signed in, as plain text, and the one way to hand the console over: Sign out (audited). */
function OperatorArea() {
  const operator = useConsole((s) => s.operator);
  const [error, setError] = useState<ShownError | null>(null);
  return (
    <div className="operator">
      <span>
        Signed in as <span className="operator-initials">{operator?.initials}</span>
      </span>
      <button type="button" className="sign-out" onClick={() => void signOut().then(setError)}>
        Sign out
      </button>
      {error && <ErrorBox error={error} />}
    </div>
  );
}

export function Header() {
  const site = useConsole((s) => s.info?.site);
  const screen = useConsole((s) => s.screen);
  return (
    <header className="app-header">
      <div className="brand">
        <span className="product">TapeOps Console</span>
        <span className="site">{site ? `${site.organisation} — ${site.plan}` : ''}</span>
      </div>
      <nav aria-label="Screens">
        <ul>
          {screens.map(({ id, label }) => (
            <li key={id}>
              <button type="button" className="nav-button" aria-current={screen === id ? 'page' : undefined} onClick={() => showScreen(id)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <OperatorArea />
    </header>
  );
}
