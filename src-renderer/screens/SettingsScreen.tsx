import { useEffect, useState, type FormEvent } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { LabelStockSettings } from '../components/LabelStockSettings';
import { ensureAudit, exportAuditCsv } from '../stores/audit-actions';
import { useConsole } from '../stores/console-store';
import type { ShownError } from '../stores/shown-error';
import { chooseSite } from '../stores/site-actions';

export function SettingsScreen() {
  const site = useConsole((s) => s.info?.site);
  const operator = useConsole((s) => s.operator);
  const [file, setFile] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const audit = useConsole((s) => s.audit);
  const [exported, setExported] = useState<ShownError | string | null>(null);

  useEffect(() => {
    void ensureAudit();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setLoaded(null);
    const failure = await chooseSite(file);
    setError(failure);
    if (!failure) setLoaded(file);
  }

  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="site-heading">
        <h2 id="site-heading">Site profile</h2>
        {site && (
          <dl className="facts">
            <dt>Site</dt>
            <dd>
              {site.organisation} — {site.name}
            </dd>
            <dt>Plan</dt>
            <dd>
              {site.plan}, revision {site.revision}
            </dd>
            <dt>Profile file</dt>
            <dd>
              <code>{site.file}</code>
            </dd>
            <dt>Drive</dt>
            <dd>
              {site.drive.model} on {site.drive.host}, {site.drive.slots}-slot magazine, {site.drive.media}
            </dd>
          </dl>
        )}
        <form onSubmit={submit} className="inline-form">
          <label htmlFor="site-file">Load another site profile (YAML file on this workstation)</label>
          <div className="row">
            <input id="site-file" value={file} onChange={(e) => setFile(e.target.value)} spellCheck={false} />
            <button type="submit" className="primary">
              Load profile
            </button>
          </div>
        </form>
        {error && <ErrorBox error={error} />}
        {loaded && (
          <p className="ok" role="status">
            Loaded <code>{loaded}</code>. The console now follows this profile.
          </p>
        )}
      </section>
      <LabelStockSettings />
      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log (newest first)</h2>
        <p className="help">Signed in as {operator?.initials}. The audit log is append-only: nothing in it can be changed or removed.</p>
        <button type="button" onClick={() => void exportAuditCsv().then(setExported)}>
          Export the whole audit log (CSV)
        </button>
        {typeof exported === 'string' && (
          <p className="ok" role="status">
            Saved {exported}.
          </p>
        )}
        {exported !== null && typeof exported !== 'string' && <ErrorBox error={exported} />}
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((entry) => (
              <tr key={entry.id}>
                <td>{entry.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{entry.who}</td>
                <td>{entry.action}</td>
                <td>{entry.subject ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
