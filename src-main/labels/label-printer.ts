/**
 * What the console asks of a printer, whichever shell it runs in. Electron implements it
 * (../electron/label-printing); the browser shell has none, and the renderer uses the browser's
 * own print instead. The page is a self-contained HTML document of the labels at true size.
 * A PDF is made by ../labels (pdfkit) in both shells, the same file the scan tests read, so
 * Electron's printToPDF is not used.
 */
export interface PrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export interface PrintPage {
  /** A whole HTML document: no script, no outside resource. */
  html: string;
  /** The paper the page is laid out for, in millimetres. */
  pageMm: { width: number; height: number };
}

export interface LabelPrinter {
  printers(): Promise<PrinterInfo[]>;
  /** With `printer`, prints there without a dialog; without it, opens the system print dialog. */
  print(page: PrintPage, printer?: string): Promise<void>;
}
