import { useEffect, useState, type FormEvent } from 'react';
import type { HostView } from '../../shared/api';
import { ErrorBox } from '../components/ErrorBox';
import { useConsole } from '../stores/console-store';
import { approveHostKey, connectHost, disconnectHost, ensureHosts, setHostPassword } from '../stores/host-actions';
import type { Outcome } from '../stores/outcome';
import type { ShownError } from '../stores/shown-error';

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
function PasswordForm({ host, run }: { host: HostView; run: (action: () => Promise<Outcome<HostView>>) => Promise<void> }) {
  const shell = useConsole((s) => s.info?.shell);
  const [password, setPassword] = useState('');
  const id = `password-${host.name}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => setHostPassword(host.name, password));
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
      <p className="help">{shell === 'electron' ? 'Kept sealed by the operating system’s keychain.' : 'Kept in the console’s memory only, until it stops.'}</p>
    </form>
  );
}

/**
 * A host key as the technician compares it with the one read at the host's console: the algorithm,
 * then the fingerprint on a line of its own, which breaks anywhere (it has no spaces) inside its box.
 */
function Fingerprint({ algorithm, fingerprint }: { algorithm: string; fingerprint: string }) {
  return (
    <span className="fingerprint">
      <code>{algorithm}</code> <code className="fingerprint-value">{fingerprint}</code>
    </span>
  );
}

function HostCard({ host, onError }: { host: HostView; onError: (error: ShownError | null) => void }) {
  const state = host.state;
  const run = async (action: () => Promise<Outcome<HostView>>) => {
    const outcome = await action();
    onError(outcome.ok ? null : outcome.error);
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
        <dd>{host.pinned ? <Fingerprint algorithm={host.pinned.algorithm} fingerprint={host.pinned.fingerprint} /> : 'not pinned yet'}</dd>
      </dl>
      {state.kind === 'awaiting-host-key-approval' && (
        <div className="notice setting" role="alert">
          <p>{state.message}</p>
          <p>
            Offered: <Fingerprint algorithm={state.offered.algorithm} fingerprint={state.offered.fingerprint} />
          </p>
          <button type="button" className="primary" onClick={() => void run(() => approveHostKey(host.name, state.offered.fingerprint))}>
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
        <button type="button" disabled={state.kind === 'connected' || state.kind === 'connecting'} onClick={() => void run(() => connectHost(host.name))}>
          Connect {host.name}
        </button>
        <button type="button" disabled={state.kind === 'disconnected'} onClick={() => void run(() => disconnectHost(host.name))}>
          Disconnect {host.name}
        </button>
      </div>
    </section>
  );
}

/** The hosts of the site and the link to each: state, latency, fingerprint, last error. */
export function HostsScreen() {
  const hosts = useConsole((s) => s.hosts);
  const listError = useConsole((s) => s.hostsError);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    void ensureHosts();
  }, []);
  const shownError = error ?? listError;
  return (
    <>
      <h1>Hosts</h1>
      {shownError && <ErrorBox error={shownError} />}
      <div className="host-grid">
        {hosts.map((host) => (
          <HostCard key={host.name} host={host} onError={setError} />
        ))}
      </div>
    </>
  );
}
