import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SiteProfileList } from '../../shared/api';
import { counted } from '../../shared/plural';
import { ErrorBox } from '../components/ErrorBox';
import { LabelStockSettings } from '../components/LabelStockSettings';
import { ensureAudit, exportAuditCsv, loadOlderAudit } from '../stores/audit-actions';
import { AUDIT_KEPT } from '../stores/slices/audit';
import { useConsole } from '../stores/console-store';
import type { ShownError } from '../stores/shown-error';
import { chooseSite, chooseSiteFile, listSiteProfiles } from '../stores/site-actions';

const folderWords = { data: 'data folder', shipped: 'shipped with the console' } as const;

/**
 * Another site profile, chosen from a list (the profiles in the data folder and the shipped ones:
 * the page never names a free path) or, in Electron, through the operating system's file dialog.
 * A refused profile shows each problem as FILE:LINE:COLUMN, as `tapeops site check` prints it.
 */
function SiteProfileChooser() {
  const site = useConsole((s) => s.info?.site);
  const shell = useConsole((s) => s.info?.shell);
  const [list, setList] = useState<SiteProfileList | null>(null);
  const [file, setFile] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const outcome = await listSiteProfiles();
    if (outcome.ok) setList(outcome.value);
    else setError(outcome.error);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function load(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setLoaded(null);
    const failure = await chooseSite(file);
    setError(failure);
    if (!failure) setLoaded(file);
    setBusy(false);
  }

  async function pick() {
    setBusy(true);
    setLoaded(null);
    const outcome = await chooseSiteFile();
    setError(outcome.ok ? null : outcome.error);
    if (outcome.ok && outcome.value) setLoaded(outcome.value.file);
    setBusy(false);
  }

  const profiles = list?.profiles ?? [];
  return (
    <>
      <form onSubmit={load} className="profile-form">
        <fieldset className="profile-choice">
          <legend>Load another site profile</legend>
          {list && profiles.length === 0 && <p className="help">No profile file was found.</p>}
          <ul className="profile-list">
            {profiles.map((choice) => (
              <li key={choice.file}>
                <label>
                  <input type="radio" name="site-file" value={choice.file} checked={file === choice.file} onChange={() => setFile(choice.file)} />
                  <span>
                    <code>{choice.name}</code>{' '}
                    <span className="help">
                      ({folderWords[choice.folder]}
                      {choice.file === site?.file ? ', in use now' : ''})
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {list && list.folders.data !== '' && (
          <p className="help">
            Listed from the data folder <code>{list.folders.data}</code> and the profiles shipped with the console in <code>{list.folders.shipped}</code>. To use a
            site&apos;s own profile, copy its YAML file into the data folder{shell === 'electron' ? ' or choose it with the file dialog' : ''}.
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy || file === ''}>
            Load this profile
          </button>
          {shell === 'electron' && (
            <button type="button" disabled={busy} onClick={() => void pick()}>
              Choose a profile file…
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void refresh()}>
            Look for profiles again
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {loaded && (
        <p className="ok" role="status">
          Loaded <code>{loaded}</code>. The console now follows this profile.
        </p>
      )}
    </>
  );
}

/** The audit log, newest first: the latest records as they are appended, then older pages on demand. */
function AuditLog() {
  const operator = useConsole((s) => s.operator);
  const audit = useConsole((s) => s.audit);
  const complete = useConsole((s) => s.auditComplete);
  const [exported, setExported] = useState<ShownError | string | null>(null);
  const [pageError, setPageError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void ensureAudit();
  }, []);

  async function older() {
    setBusy(true);
    setPageError(await loadOlderAudit());
    setBusy(false);
  }

  return (
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
      <table className="grid audit-table">
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
            <tr key={entry.id} data-id={entry.id}>
              <td>{entry.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{entry.who}</td>
              <td>{entry.action}</td>
              <td>{entry.subject ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageError && <ErrorBox error={pageError} />}
      <p className="help">
        Showing {counted(audit.length, 'record')}.{complete ? ' That is the whole log.' : ''}
      </p>
      {!complete && audit.length > 0 && (
        <button type="button" disabled={busy} onClick={() => void older()}>
          Show {counted(AUDIT_KEPT, 'older record')}
        </button>
      )}
    </section>
  );
}

export function SettingsScreen() {
  const site = useConsole((s) => s.info?.site);
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
        <SiteProfileChooser />
      </section>
      <LabelStockSettings />
      <AuditLog />
    </>
  );
}
