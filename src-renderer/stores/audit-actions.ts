/** The audit log: its latest records listed once (appended records come as events), older pages on demand, and its export. */
import { downloadFile, downloadFrom } from '../download';
import { AUDIT_KEPT } from './slices/audit';
import { getApi } from './console-api';
import { useConsole } from './console-store';
import { shown, type ShownError } from './shown-error';

export async function ensureAudit(): Promise<void> {
  if (useConsole.getState().auditListed) return;
  try {
    useConsole.getState().auditListedAs(await getApi().request('audit.recent', { limit: AUDIT_KEPT }));
  } catch {
    // the records appended since start are shown all the same; the next opening asks again
  }
}

/**
 * The page of records older than the oldest one held (keyset paging on the record id, so that
 * records appended meanwhile neither repeat nor hide one). One record more than a page is asked
 * for, to know whether there is a further page.
 */
export async function loadOlderAudit(): Promise<ShownError | null> {
  const oldest = useConsole.getState().audit.at(-1);
  if (oldest === undefined) return null;
  try {
    const page = await getApi().request('audit.recent', { limit: AUDIT_KEPT + 1, beforeId: oldest.id });
    useConsole.getState().auditOlderPage(page.slice(0, AUDIT_KEPT), page.length <= AUDIT_KEPT);
    return null;
  } catch (error) {
    return shown(error);
  }
}

/** The whole audit log as a CSV file, saved by the browser (streamed from main where the shell can). */
export async function exportAuditCsv(): Promise<ShownError | string | null> {
  try {
    const file = await getApi().request('audit.csv', {});
    if ('download' in file) downloadFrom(file.download, file.fileName);
    // the file the operator chose in the save dialog; nothing to say when they cancelled
    else if ('savedTo' in file) return file.savedTo;
    else downloadFile(file.fileName, file.content, 'text/csv');
    return file.fileName;
  } catch (error) {
    return shown(error);
  }
}
