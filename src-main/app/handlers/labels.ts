/**
 * The label requests: a day's set labels or new cartridge serials, previewed at true size, saved
 * as PDF or ZPL, printed. Every print goes into the audit log with who, which labels, which
 * printer, and whether it was a reprint.
 */
import { ApiFailure } from '../../../shared/errors';
import type { LabelFile, LabelPreview, LabelPrintResult, LabelSelection, LabelStocksView, StockUse, StockView } from '../../../shared/api/labels';
import type { SiteProfile } from '../../../shared/site/schema';
import { cartridgeLabels, type CartridgeLabel } from '../../../shared/tapes/cartridge-serials';
import { DEFAULT_CARTRIDGE_STOCK_ID, DEFAULT_STOCK_ID, LABEL_STOCKS, labelStock, type LabelStock } from '../../../shared/tapes/label-stocks';
import { setLabels, type SetLabel } from '../../../shared/tapes/set-labels';
import type { Store } from '../../store';
import { LabelRenderError } from '../../labels/render-error';
import { labelsPrintPage } from '../../labels/print-page';
import type { LabelPrinter } from '../../labels/label-printer';
import type { labelRequests } from '../../../shared/api';
import type { Handlers } from '../dispatch';
import { signedIn, type HandlerDeps } from './context';

// The renderers (bwip-js, pdfkit, resvg) load with the first label asked for, not at every start.
const renderers = () => import('../../labels');

const STOCK_SETTING: Record<StockUse, string> = { set: 'labels.stock.set', cartridge: 'labels.stock.cartridge' };
const DEFAULT_STOCK: Record<StockUse, string> = { set: DEFAULT_STOCK_ID, cartridge: DEFAULT_CARTRIDGE_STOCK_ID };
const PRINTED = 'labels.printed';
const REPRINTED = 'labels.reprinted';

type Chosen = { kind: 'set'; labels: SetLabel[]; date: string; problem?: string } | { kind: 'cartridges'; labels: CartridgeLabel[]; problem?: string };

export interface LabelDeps {
  profile(): SiteProfile;
  store: Store;
  printer?: LabelPrinter;
}

function stockView(stock: LabelStock): StockView {
  return { id: stock.id, name: stock.name, kind: stock.kind, use: stock.use, widthMm: stock.label.widthMm, heightMm: stock.label.heightMm };
}

export function labelStocks(store: Store, profile: SiteProfile): LabelStocksView {
  const chosen = { set: chosenStockId(store, 'set'), cartridge: chosenStockId(store, 'cartridge') };
  const instruction = profile.tapes.billRun.label;
  return { stocks: LABEL_STOCKS.map(stockView), chosen, cartridge: profile.tapes.labels.cartridge, ...(instruction ? { instruction } : {}) };
}

export function chooseStock(store: Store, profile: SiteProfile, use: StockUse, stockId: string, who: string): LabelStocksView {
  if (labelStock(stockId) === undefined) throw unknownStock(stockId);
  store.settings.set(STOCK_SETTING[use], stockId, who);
  return labelStocks(store, profile);
}

function unknownStock(id: string): ApiFailure {
  return new ApiFailure('invalid-input', `There is no label stock "${id}"; the stocks are ${LABEL_STOCKS.map((s) => s.id).join(', ')}.`);
}

function chosenStockId(store: Store, use: StockUse): string {
  const id = store.settings.get<string>(STOCK_SETTING[use]);
  return typeof id === 'string' && labelStock(id) !== undefined ? id : DEFAULT_STOCK[use];
}

function stockFor(store: Store, selection: LabelSelection, stockId: string | undefined): LabelStock {
  const id = stockId ?? chosenStockId(store, selection.kind === 'set' ? 'set' : 'cartridge');
  const stock = labelStock(id);
  if (stock === undefined) throw unknownStock(id);
  return stock;
}

/** The labels selected, or the plan's reason why there are none. */
function choose(profile: SiteProfile, selection: LabelSelection): Chosen {
  if (selection.kind === 'cartridges') {
    const made = cartridgeLabels(selection.first, selection.last, profile.tapes.labels.cartridge);
    return made.ok ? { kind: 'cartridges', labels: made.labels } : { kind: 'cartridges', labels: [], problem: made.problem };
  }
  const made = setLabels(profile, selection.date, selection.set);
  if (!made.ok) return { kind: 'set', labels: [], date: selection.date, problem: made.problem };
  if (selection.codes === undefined) return { kind: 'set', labels: made.labels, date: selection.date };
  const missing = selection.codes.filter((code) => !made.labels.some((label) => label.code === code));
  if (missing.length > 0) {
    throw new ApiFailure(
      'invalid-input',
      `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among the labels of ${selection.date}: ${made.labels.map((l) => l.code).join(', ')}.`,
    );
  }
  return { kind: 'set', labels: made.labels.filter((label) => selection.codes?.includes(label.code)), date: selection.date };
}

function chosenOrFail(profile: SiteProfile, selection: LabelSelection): Chosen {
  const chosen = choose(profile, selection);
  if (chosen.problem !== undefined) throw new ApiFailure('invalid-input', chosen.problem);
  return chosen;
}

function codesOf(chosen: Chosen): string[] {
  return chosen.kind === 'set' ? chosen.labels.map((l) => l.code) : chosen.labels.map((l) => `${l.serial}${l.mediaId}`);
}

function titleOf(chosen: Chosen): string {
  const codes = codesOf(chosen);
  return chosen.kind === 'set' ? `Tape labels for ${chosen.date}` : `Cartridge labels ${codes[0] ?? ''} to ${codes.at(-1) ?? ''}`;
}

async function svgs(profile: SiteProfile, chosen: Chosen, stock: LabelStock): Promise<string[]> {
  const { renderCartridgeLabels, renderLabels } = await renderers();
  try {
    return chosen.kind === 'set'
      ? await renderLabels(chosen.labels, { format: 'svg', stockId: stock.id, symbology: profile.tapes.labels.symbology })
      : await renderCartridgeLabels(chosen.labels, { format: 'svg', stockId: stock.id });
  } catch (error) {
    throw asApiFailure(error);
  }
}

function asApiFailure(error: unknown): unknown {
  return error instanceof LabelRenderError ? new ApiFailure('invalid-input', error.message) : error;
}

/**
 * The codes already printed, from the audit log: a set label's code for the same date (the DAILY
 * tapes carry the same code every time), a cartridge serial at any time (each is unique).
 */
/** The codes of this selection printed before (for its date; cartridge labels have none). */
function printedBefore(store: Store, chosen: Chosen): Set<string> {
  return store.audit.recordedCodes({ actions: [PRINTED, REPRINTED], codes: codesOf(chosen), date: chosen.kind === 'set' ? chosen.date : undefined });
}

function linesOf(label: SetLabel | CartridgeLabel): string[] {
  if ('serial' in label) return [`Volume ${label.serial}, media ${label.mediaId}${label.checkCharacter ? `, check ${label.checkCharacter}` : ''}`];
  return [label.jobName, `${label.runDateText} (${label.runDate})`, label.setText, label.retention.text];
}

export async function previewLabels(deps: LabelDeps, selection: LabelSelection, stockId: string | undefined): Promise<LabelPreview> {
  const stock = stockFor(deps.store, selection, stockId);
  const chosen = choose(deps.profile(), selection);
  const base = { title: titleOf(chosen), stock: stockView(stock) };
  if (chosen.problem !== undefined) return { ...base, labels: [], problem: chosen.problem };
  const drawn = await svgs(deps.profile(), chosen, stock);
  const before = printedBefore(deps.store, chosen);
  const codes = codesOf(chosen);
  return {
    ...base,
    labels: chosen.labels.map((label, index) => ({
      code: codes[index] ?? '',
      lines: linesOf(label),
      svg: drawn[index] ?? '',
      printedBefore: before.has(codes[index] ?? ''),
    })),
  };
}

export async function labelFile(deps: LabelDeps, selection: LabelSelection, stockId: string | undefined, format: 'pdf' | 'zpl'): Promise<LabelFile> {
  const chosen = chosenOrFail(deps.profile(), selection);
  // ZPL goes to a thermal printer: the roll stock unless one was named
  const stock = format === 'zpl' && stockId === undefined ? undefined : stockFor(deps.store, selection, stockId);
  const { MIME_TYPES, renderCartridgeLabels, renderLabels } = await renderers();
  let data: Buffer | string;
  try {
    data =
      chosen.kind === 'set'
        ? await renderLabels(chosen.labels, { format, ...(stock ? { stockId: stock.id } : {}), symbology: deps.profile().tapes.labels.symbology })
        : await renderCartridgeLabels(chosen.labels, { format, ...(stock ? { stockId: stock.id } : {}) });
  } catch (error) {
    throw asApiFailure(error);
  }
  const name = chosen.kind === 'set' ? `tape-labels-${chosen.date}` : `cartridge-labels-${codesOf(chosen)[0] ?? ''}`;
  return { fileName: `${name}.${format}`, mime: MIME_TYPES[format], base64: Buffer.from(data).toString('base64') };
}

export async function printLabels(
  deps: LabelDeps,
  request: { selection: LabelSelection; stockId?: string; via: 'browser' | 'dialog' | 'printer'; printer?: string },
  who: string,
): Promise<LabelPrintResult> {
  const chosen = chosenOrFail(deps.profile(), request.selection);
  const stock = stockFor(deps.store, request.selection, request.stockId);
  const codes = codesOf(chosen);
  let printer: string;
  if (request.via === 'browser') {
    printer = "the browser's print dialog";
  } else {
    if (deps.printer === undefined) {
      throw new ApiFailure('no-printer', "This console runs in a browser, which prints through its own dialog: use the Print button's browser print.");
    }
    const page = labelsPrintPage(await svgs(deps.profile(), chosen, stock), stock, titleOf(chosen));
    try {
      await deps.printer.print(page, request.via === 'printer' ? request.printer : undefined);
    } catch (error) {
      throw new ApiFailure('print-failed', `The labels were not printed: ${(error as Error).message}`);
    }
    printer = request.via === 'printer' ? (request.printer ?? '') : 'the system print dialog';
  }
  const before = printedBefore(deps.store, chosen);
  const reprint = codes.some((code) => before.has(code));
  deps.store.audit.append({
    who,
    action: reprint ? REPRINTED : PRINTED,
    subject: codes.join(' '),
    details: {
      ...(chosen.kind === 'set' ? { date: chosen.date, set: request.selection.kind === 'set' ? request.selection.set : undefined } : {}),
      codes,
      stock: stock.id,
      printer,
      via: request.via,
    },
  });
  return { codes, printer, reprint };
}

export function labelHandlers(deps: HandlerDeps): Pick<Handlers, keyof typeof labelRequests> {
  const labels: LabelDeps = { profile: () => deps.session().site.profile, store: deps.store, ...(deps.printer ? { printer: deps.printer } : {}) };
  return {
    'labels.stocks': () => labelStocks(deps.store, labels.profile()),
    'labels.chooseStock': ({ use, stockId }, ctx) => chooseStock(deps.store, labels.profile(), use, stockId, signedIn(ctx)),
    'labels.preview': ({ selection, stockId }) => previewLabels(labels, selection, stockId),
    'labels.file': ({ selection, stockId, format }) => labelFile(labels, selection, stockId, format),
    'labels.print': (request, ctx) => printLabels(labels, request, signedIn(ctx)),
    'labels.printers': async () => (deps.printer ? deps.printer.printers() : []),
  };
}
