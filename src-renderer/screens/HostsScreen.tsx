import { useEffect, useState, type FormEvent } from 'react';
import type { HostView } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { errorMessage, errorProblems } from '../api/api-error';
import { getApi, useConsole, type ShownError } from '../stores/console-store';

const stateWords: Record<HostView['state']['kind'], string> = {
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  'awaiting-host-key-approval': 'Host key to approve',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
};

function lastError(state: HostView['state']): string | null {
  if (state.kind === 'disconnected') return state.lastError?.message ?? null;
  if (state.kind === 'reconnecting') return `${state.lastError.message.replace(/\.?$/, '.')} Next attempt at ${state.nextAttemptAt.slice(11, 19)}.`;
  return null;
}

/** A live host's password: the browser shell keeps it in memory only, Electron seals it with the OS keychain. */
function PasswordForm({ host, run }: { host: HostView; run: (action: () => Promise<HostView>) => Promise<void> }) {
  const shell = useConsole((s) => s.info?.shell);
  const [password, setPassword] = useState('');
  const id = `password-${host.name}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => getApi().request('hosts.setPassword', { host: host.name, password }));
    setPassword('');
  }
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={id}>
        Password for {host.user}@{host.name} {host.hasPassword ? '(one is held; type to replace it)' : ''}
      </label>
      <div className="row">
        <input id={id} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        <button type="submit" disabled={password === ''}>
          Use this password
        </button>
      </div>
      <p className="help">
        {shell === 'electron' ? 'Kept sealed by the operating system’s keychain.' : 'Kept in the console’s memory only, until it stops.'}
      </p>
    </form>
  );
}

function HostCard({ host, onError, onView }: { host: HostView; onError: (error: ShownError | null) => void; onView: (view: HostView) => void }) {
  const state = host.state;
  // every answer is the host's view as it is now: the card follows it, events or not
  const run = async (action: () => Promise<HostView>) => {
    try {
      onView(await action());
      onError(null);
    } catch (error) {
      onError({ message: errorMessage(error), problems: errorProblems(error) });
    }
  };
  const error = lastError(state);
  const warnings = state.kind === 'connected' ? state.warnings : [];
  return (
    <section className="card host-card" aria-labelledby={`host-${host.name}`} data-host={host.name} data-state={state.kind}>
      <h2 id={`host-${host.name}`}>
        {host.name} <span className={`badge ${state.kind}`}>{stateWords[state.kind]}</span>
      </h2>
      <dl className="facts">
        <dt>System</dt>
        <dd>
          {host.arch}, {host.roles[0] ?? ''}
        </dd>
        <dt>Address</dt>
        <dd>
          <code>
            {host.user}@{host.address}:{host.port}
          </code>
          {host.simulated && ' (the console’s simulated site)'}
        </dd>
        <dt>Latency</dt>
        <dd>{host.latencyMs === null ? '—' : `${host.latencyMs} ms`}</dd>
        <dt>Host key</dt>
        <dd>{host.pinned ? <code>{`${host.pinned.algorithm} ${host.pinned.fingerprint}`}</code> : 'not pinned yet'}</dd>
      </dl>
      {state.kind === 'awaiting-host-key-approval' && (
        <div className="notice setting" role="alert">
          <p>{state.message}</p>
          <p>
            Offered: <code>{`${state.offered.algorithm} ${state.offered.fingerprint}`}</code>
          </p>
          <button type="button" className="primary" onClick={() => void run(() => getApi().request('hosts.approveKey', { host: host.name, fingerprint: state.offered.fingerprint }))}>
            Approve this key and connect
          </button>
        </div>
      )}
      {warnings.map((warning) => (
        <p key={warning} className="notice setting">
          {warning}
        </p>
      ))}
      {error && (
        <p className="error-box" role="status">
          {error}
        </p>
      )}
      {!host.simulated && <PasswordForm host={host} run={run} />}
      <div className="row">
        <button type="button" disabled={state.kind === 'connected' || state.kind === 'connecting'} onClick={() => void run(() => getApi().request('hosts.connect', { host: host.name }))}>
          Connect {host.name}
        </button>
        <button type="button" disabled={state.kind === 'disconnected'} onClick={() => void run(() => getApi().request('hosts.disconnect', { host: host.name }))}>
          Disconnect {host.name}
        </button>
      </div>
    </section>
  );
}

/** The hosts of the site and the link to each: state, latency, fingerprint, last error. */
export function HostsScreen() {
  const [hosts, setHosts] = useState<HostView[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    void getApi()
      .request('hosts.list', {})
      .then(setHosts)
      .catch((e: unknown) => setError({ message: errorMessage(e), problems: [] }));
    return getApi().subscribe('hosts.changed', (view) => setHosts((list) => list.map((h) => (h.name === view.name ? view : h))));
  }, []);
  return (
    <>
      <h1>Hosts</h1>
      {error && <ErrorBox error={error} />}
      <div className="host-grid">
        {hosts.map((host) => (
          <HostCard key={host.name} host={host} onError={setError} onView={(view) => setHosts((list) => list.map((h) => (h.name === view.name ? view : h)))} />
        ))}
      </div>
    </>
  );
}
