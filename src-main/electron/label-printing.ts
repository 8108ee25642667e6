/**
 * Printing in Electron: the printer list, and the system print dialog or a silent print to a
 * chosen printer. Each job loads its page into a hidden window of its own that runs no
 * script, so a label's text can never run as code, and the window is gone once the job is done.
 */
import { BrowserWindow } from 'electron';
import type { LabelPrinter, PrintPage, PrinterInfo } from '../labels/label-printer';

const MICRONS_PER_MM = 1000;

async function withPage<T>(page: PrintPage, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page.html)}`);
    return await use(win);
  } finally {
    win.destroy();
  }
}

function pageSize(page: PrintPage): { width: number; height: number } {
  return { width: Math.round(page.pageMm.width * MICRONS_PER_MM), height: Math.round(page.pageMm.height * MICRONS_PER_MM) };
}

export function electronLabelPrinter(): LabelPrinter {
  return {
    async printers(): Promise<PrinterInfo[]> {
      const win = BrowserWindow.getAllWindows()[0];
      if (win === undefined) return [];
      const found = await win.webContents.getPrintersAsync();
      // the default printer is flagged only in the platform options (CUPS: printer-is-default)
      return found.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: (p.options as Record<string, unknown> | undefined)?.['printer-is-default'] === 'true',
      }));
    },
    print: (page, printer) =>
      withPage(
        page,
        (win) =>
          new Promise<void>((resolve, reject) => {
            win.webContents.print(
              {
                silent: printer !== undefined,
                ...(printer === undefined ? {} : { deviceName: printer }),
                printBackground: true,
                margins: { marginType: 'none' },
                pageSize: pageSize(page),
              },
              (success, reason) => (success ? resolve() : reject(new Error(reason === 'cancelled' ? 'Printing was cancelled.' : `The printer reported: ${reason}`))),
            );
          }),
      ),
  };
}
