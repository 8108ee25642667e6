/**
 * The label requests through the console's services, with a real SQLite store and real
 * rendering: the morning's labels previewed in order, saved as PDF and ZPL, printed and reprinted
 * (each print in the audit log), and the print page Electron would print, printed to PDF by
 * Chromium (the engine Electron prints with) and scanned back.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { ApiError, ApiResult } from '../../shared/errors';
import type { IcsFile } from '../../shared/api/common';
import type { LabelFile, LabelPreview, LabelPrintResult } from '../../shared/api/labels';
import type { DayPlan } from '../../shared/calendar/day-plan';
import type { LabelPrinter, PrintPage } from '../../src-main/labels/label-printer';
import type { RequestContext } from '../../src-main/app/dispatch';
import type { ConsoleMain } from '../../src-main/app/start-console';
import { makeTempDir, openServices, type TempDir } from '../support/api-fixtures';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { pdfText, requireTools, scanPdf, Workdir } from './labels-tools';

const ok = <T>(result: ApiResult<unknown>): T => {
  if (!('ok' in result)) throw new Error(`expected a result, got ${JSON.stringify(result)}`);
  return result.ok as T;
};
const failure = (result: ApiResult<unknown>): ApiError => {
  if (!('error' in result)) throw new Error('expected a failure');
  return result.error;
};
const JS: RequestContext = { operator: 'JS' };
const AUG_3 = { kind: 'set', date: '2010-08-03', set: 'all' } as const;

let dir: TempDir;
let services: ConsoleMain;
const work = new Workdir();
afterAll(() => work.remove());
beforeEach(async () => {
  dir = makeTempDir('label-requests');
  ({ services } = await openServices(dir));
});
afterEach(async () => {
  await services.close();
  dir.remove();
});

describe('labels.preview', () => {
  it("gives the five Bill Run labels of 2010-08-03 in magazine order, then the next morning's DAILY label", async () => {
    const preview = ok<LabelPreview>(await services.request('labels.preview', { selection: AUG_3 }, JS));
    expect(preview.labels.map((l) => l.code)).toEqual(['100803P', '100803D', '100803E', '100803F', '100803G', expect.stringMatching(/^DAILY [1-5]$/)]);
    expect(preview.labels[0]?.lines).toEqual(['PROD_AND_DEVEL_BACKUP', 'Aug. 3, 2010 (2010-08-03)', 'Bill Run of Aug. 3, 2010 · tape 1 of 5', 'No return date']);
    expect(preview.labels[2]?.lines[0]).toBe('CONSOLIDATED_BACKUP_TO_TAPE #2');
    expect(preview.labels.every((l) => l.svg.startsWith('<svg') && !l.printedBefore)).toBe(true);
    expect(preview.stock).toMatchObject({ id: 'avery-5163', widthMm: 101.6, heightMm: 50.8 });
  });

  it("says in the plan's terms why a day has no Bill Run labels", async () => {
    const preview = ok<LabelPreview>(await services.request('labels.preview', { selection: { kind: 'set', date: '2010-08-05', set: 'billrun' } }, JS));
    expect(preview.labels).toEqual([]);
    expect(preview.problem).toMatch(/^2010-08-05 is not a Bill Run day; the next Bill Run is .*Aug\. 9, 2010/);
  });

  it("refuses a code that is not one of the day's labels, naming the ones that are", async () => {
    const error = failure(await services.request('labels.preview', { selection: { ...AUG_3, codes: ['100803X'] } }, JS));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^100803X is not among the labels of 2010-08-03: 100803P, 100803D/);
  });
});

describe('the day before a Bill Run, through the requests', () => {
  it("serves tomorrow's set in day.plan, and prints it now as the Bill Run date's labels", async () => {
    const plan = ok<DayPlan>(await services.request('day.plan', { date: '2026-12-03' }, JS));
    expect(plan.tapesToPull).toEqual([]);
    expect(plan.preparesFor?.date).toBe('2026-12-04');
    const codes = plan.preparesFor?.tapes.map((tape) => tape.code);
    expect(codes).toEqual(['261204P', '261204D', '261204E', '261204F', '261204G', 'DAILY 1']);

    // the day itself has nothing to print: a plain answer, not a failure
    const own = ok<LabelPreview>(await services.request('labels.preview', { selection: { kind: 'set', date: '2026-12-03', set: 'all' } }, JS));
    expect(own.labels).toEqual([]);
    expect(own.problem).toMatch(/they are the labels of 2026-12-04\.$/);

    const tomorrow = { kind: 'set', date: '2026-12-04', set: 'all' } as const;
    const preview = ok<LabelPreview>(await services.request('labels.preview', { selection: tomorrow }, JS));
    expect(preview.labels.map((label) => label.code)).toEqual(codes);
    const printed = ok<LabelPrintResult>(await services.request('labels.print', { selection: tomorrow, via: 'browser' }, JS));
    expect(printed).toMatchObject({ codes, reprint: false });
    // on the morning of the Bill Run, the same labels show as printed before
    const morning = ok<LabelPreview>(await services.request('labels.preview', { selection: tomorrow }, JS));
    expect(morning.labels.every((label) => label.printedBefore)).toBe(true);
  });

  it('exports the calendar without daily events unless asked', async () => {
    const plain = ok<IcsFile>(await services.request('calendar.ics', { month: '2026-12', months: 1 }, JS));
    const withDaily = ok<IcsFile>(await services.request('calendar.ics', { month: '2026-12', months: 1, daily: true }, JS));
    const count = (file: IcsFile, kind: string) => [...file.content.matchAll(new RegExp(`^UID:${kind}-`, 'gm'))].length;
    expect([count(plain, 'billrun'), count(plain, 'courier'), count(plain, 'daily')]).toEqual([6, 5, 0]);
    expect(count(withDaily, 'daily')).toBe(31 - 6);
  });
});

describe('labels.file', () => {
  beforeAll(() => requireTools());

  it('saves the sheet as a PDF whose barcodes scan back to the codes', async () => {
    const file = ok<LabelFile>(await services.request('labels.file', { selection: AUG_3, format: 'pdf' }, JS));
    expect(file).toMatchObject({ fileName: 'tape-labels-2010-08-03.pdf', mime: 'application/pdf' });
    const pdf = work.file('sheet.pdf', Buffer.from(file.base64, 'base64'));
    // zbarimg reports the symbols of a page in no particular order
    const codes = (await scanPdf(pdf)).flat().sort();
    expect(codes).toEqual(['100803D', '100803E', '100803F', '100803G', '100803P', expect.stringMatching(/^DAILY [1-5]$/)]);
    expect(await pdfText(pdf)).toContain('CONSOLIDATED_BACKUP_TO_TAPE #4');
  });

  it('saves ZPL, one label format per tape', async () => {
    const file = ok<LabelFile>(await services.request('labels.file', { selection: { ...AUG_3, set: 'billrun' }, format: 'zpl' }, JS));
    const zpl = Buffer.from(file.base64, 'base64').toString('latin1');
    expect(zpl.match(/\^XA/g)).toHaveLength(5);
    for (const code of ['100803P', '100803G']) expect(zpl).toContain(`^FD${code}^FS`);
  });
});

describe('labels.print', () => {
  it('records a browser print, and a second print of one label as a reprint', async () => {
    const first = ok<LabelPrintResult>(await services.request('labels.print', { selection: AUG_3, via: 'browser' }, JS));
    expect(first).toMatchObject({ reprint: false, printer: "the browser's print dialog" });
    const again = ok<LabelPrintResult>(await services.request('labels.print', { selection: { ...AUG_3, codes: ['100803E'] }, via: 'browser' }, JS));
    expect(again).toEqual({ codes: ['100803E'], reprint: true, printer: "the browser's print dialog" });
    const records = services.store.audit.list({ limit: 10 });
    expect(records.map((r) => r.action)).toEqual(['labels.reprinted', 'labels.printed']);
    expect(records[0]).toMatchObject({ who: 'JS', subject: '100803E', details: { date: '2010-08-03', codes: ['100803E'], stock: 'avery-5163', via: 'browser' } });
    const preview = ok<LabelPreview>(await services.request('labels.preview', { selection: AUG_3 }, JS));
    expect(preview.labels.every((l) => l.printedBefore)).toBe(true);
  });

  it('needs a signed-in operator, and without a printer (the browser shell) refuses a system print, recording nothing', async () => {
    expect(failure(await services.request('labels.print', { selection: AUG_3, via: 'browser' }, { operator: null })).code).toBe('not-signed-in');
    const error = failure(await services.request('labels.print', { selection: AUG_3, via: 'dialog' }, JS));
    expect(error).toMatchObject({ code: 'no-printer' });
    expect(services.store.audit.list({ limit: 5 })).toEqual([]);
  });
});

describe('labels.print with a printer (the page Electron prints, printed by Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    requireTools();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Prints each page as Electron's printToPDF would: Chromium, the page's own size, no margins. */
  function chromiumPrinter(printed: { printer?: string; pdf: Buffer }[]): LabelPrinter {
    const toPdf = async (page: PrintPage): Promise<Buffer> => {
      const tab = await browser.newPage();
      try {
        await tab.setContent(page.html);
        return await tab.pdf({ width: `${page.pageMm.width}mm`, height: `${page.pageMm.height}mm`, printBackground: true, preferCSSPageSize: true });
      } finally {
        await tab.close();
      }
    };
    return {
      printers: async () => [{ name: 'ZEBRA_ZT230', displayName: 'Zebra ZT230', isDefault: true }],
      print: async (page, printer) => {
        printed.push({ ...(printer ? { printer } : {}), pdf: await toPdf(page) });
      },
    };
  }

  it('prints the cartridge labels to the chosen printer, and they scan as serial + D', async () => {
    await services.close();
    const printed: { printer?: string; pdf: Buffer }[] = [];
    ({ services } = await openServices(dir, { printer: chromiumPrinter(printed) }));
    expect(ok(await services.request('labels.printers', {}, JS))).toEqual([{ name: 'ZEBRA_ZT230', displayName: 'Zebra ZT230', isDefault: true }]);
    const result = ok<LabelPrintResult>(
      await services.request('labels.print', { selection: { kind: 'cartridges', first: 'MF0001', last: 'MF0003' }, via: 'printer', printer: 'ZEBRA_ZT230' }, JS),
    );
    expect(result).toEqual({ codes: ['MF0001D', 'MF0002D', 'MF0003D'], printer: 'ZEBRA_ZT230', reprint: false });
    expect(printed).toHaveLength(1);
    expect(printed[0]?.printer).toBe('ZEBRA_ZT230');
    const codes = (await scanPdf(work.file('printed.pdf', printed[0]?.pdf ?? Buffer.alloc(0)))).flat();
    expect(codes.sort()).toEqual(['MF0001D', 'MF0002D', 'MF0003D']);
    expect(services.store.audit.list({ limit: 1 })[0]).toMatchObject({
      action: 'labels.printed',
      subject: 'MF0001D MF0002D MF0003D',
      details: { printer: 'ZEBRA_ZT230', via: 'printer' },
    });
    // a serial is unique: printing MF0002 again, on any day, is a reprint
    const again = ok<LabelPrintResult>(
      await services.request('labels.print', { selection: { kind: 'cartridges', first: 'MF0002', last: 'MF0002' }, via: 'browser' }, JS),
    );
    expect(again.reprint).toBe(true);
  });
});

describe('labels.chooseStock', () => {
  it('keeps the stock chosen in Settings for the next preview, and audits the choice', async () => {
    ok(await services.request('labels.chooseStock', { use: 'set', stockId: 'avery-l7165' }, JS));
    const preview = ok<LabelPreview>(await services.request('labels.preview', { selection: AUG_3 }, JS));
    expect(preview.stock.id).toBe('avery-l7165');
    expect(services.store.audit.list({ limit: 1 })[0]).toMatchObject({ who: 'JS', subject: 'labels.stock.set' });
    const error = failure(await services.request('labels.chooseStock', { use: 'set', stockId: 'avery-9999' }, JS));
    expect(error.message).toMatch(/no label stock "avery-9999"; the stocks are avery-5163/);
  });
});
