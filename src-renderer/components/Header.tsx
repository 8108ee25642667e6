import { showScreen } from '../stores/session-actions';
import { useConsole, type Screen } from '../stores/console-store';

const screens: { id: Screen; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'procedures', label: 'Procedures' },
  { id: 'labels', label: 'Labels' },
  { id: 'calendar', label: 'Calendar' },
  { id: 'hosts', label: 'Hosts' },
  { id: 'queues', label: 'Queues' },
  { id: 'where', label: 'Where is it?' },
  { id: 'settings', label: 'Settings' },
];

export function Header() {
  const site = useConsole((s) => s.info?.site);
  const operator = useConsole((s) => s.operator);
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
      <div className="operator">
        <span className="sr-only">Signed in as </span>
        {operator?.initials}
      </div>
    </header>
  );
}
