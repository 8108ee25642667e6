/**
 * Label work from the screen: preview, save as a file, print. In Electron main prints (system
 * dialog or a chosen printer) and records it; in the browser shell the page prints itself with
 * the browser's print, and main only records it.
 */
import type { LabelPreview, LabelPrintResult, LabelSelection } from '../../shared/api/labels';
import { base64Bytes, downloadFile } from '../download';
import { getApi } from '../stores/console-api';
import { useConsole } from '../stores/console-store';
import { attempt, type Outcome } from '../stores/outcome';
import { printInBrowser } from './browser-print';

export function previewLabels(selection: LabelSelection, stockId: string | undefined): Promise<Outcome<LabelPreview>> {
  return attempt(() => getApi().request('labels.preview', { selection, ...(stockId ? { stockId } : {}) }));
}

export function saveLabels(selection: LabelSelection, stockId: string | undefined, format: 'pdf' | 'zpl'): Promise<Outcome<string>> {
  return attempt(async () => {
    const file = await getApi().request('labels.file', { selection, format, ...(stockId ? { stockId } : {}) });
    downloadFile(file.fileName, base64Bytes(file.base64), file.mime);
    return file.fileName;
  });
}

/** `printer`: a printer's name for a silent print, or undefined for the system dialog (Electron). */
export function printLabels(selection: LabelSelection, preview: LabelPreview, printer: string | undefined): Promise<Outcome<LabelPrintResult>> {
  return attempt(async () => {
    const stockId = preview.stock.id;
    if (useConsole.getState().info?.shell === 'electron') {
      return getApi().request('labels.print', { selection, stockId, ...(printer ? { via: 'printer', printer } : { via: 'dialog' }) });
    }
    await printInBrowser(preview);
    return getApi().request('labels.print', { selection, stockId, via: 'browser' });
  });
}
