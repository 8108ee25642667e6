/**
 * Printing tape labels: a day's set labels (Figure 2 of the plan) and cartridge serial labels, as
 * PDF, PNG, SVG or ZPL, on one of the label stocks.
 *
 *   renderLabels(labels, { format: 'pdf' })                    → Buffer, Avery 5163 sheets
 *   renderLabels(labels, { format: 'zpl' })                    → string, one format per label
 *   renderLabels(labels, { format: 'png', stockId: 'dlt-cartridge' }) → one PNG per label
 *   renderCartridgeLabels(cartridgeLabels, { format: 'pdf' })  → Buffer, 24 to a Letter sheet
 */
import type { LabelSymbology } from '../../shared/site/schema';
import type { CartridgeLabel } from '../../shared/tapes/cartridge-serials';
import { DEFAULT_CARTRIDGE_STOCK_ID, DEFAULT_STOCK_ID, DEFAULT_ZPL_STOCK_ID, LABEL_STOCKS, labelStock, type LabelStock } from '../../shared/tapes/label-stocks';
import type { SetLabel } from '../../shared/tapes/set-labels';
import type { LabelDrawing } from './label-drawing';
import { cartridgeLabelDrawing, setLabelDrawing } from './label-layout';
import { labelsPdf } from './label-pdf';
import { DEFAULT_PNG_DPI, svgToPng } from './label-png';
import { labelSvg } from './label-svg';
import { DEFAULT_ZPL_DPI, labelZpl } from './label-zpl';
import { LabelRenderError } from './render-error';

export { LabelRenderError, type LabelRenderProblem } from './render-error';
export { zplFieldData } from './label-zpl';

export type LabelFormat = 'pdf' | 'png' | 'svg' | 'zpl';

/** What each format renders to: one document for PDF and ZPL, one file per label for PNG and SVG. */
export interface RenderedLabels {
  pdf: Buffer;
  zpl: string;
  png: Buffer[];
  svg: string[];
}

export interface CartridgeRenderOptions<F extends LabelFormat> {
  format: F;
  /** A stock from LABEL_STOCKS; by default a sheet of the stock meant for it (a Zebra roll for ZPL). */
  stockId?: string;
  /** PNG resolution, 300 by default. */
  dpi?: number;
}

export interface LabelRenderOptions<F extends LabelFormat> extends CartridgeRenderOptions<F> {
  /** The profile's tapes.labels.symbology; Code 128 by default. */
  symbology?: LabelSymbology;
}

export const MIME_TYPES: Record<LabelFormat, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  zpl: 'application/vnd.zebra-zpl',
};

function stockFor(format: LabelFormat, stockId: string | undefined, fallback: string): LabelStock {
  const id = stockId ?? (format === 'zpl' ? DEFAULT_ZPL_STOCK_ID : fallback);
  const stock = labelStock(id);
  if (stock === undefined) {
    throw new LabelRenderError('unknown-stock', `There is no label stock "${id}"; the stocks are ${LABEL_STOCKS.map((s) => s.id).join(', ')}.`);
  }
  return stock;
}

async function render<F extends LabelFormat>(
  drawings: LabelDrawing[],
  titles: string[],
  stock: LabelStock,
  options: CartridgeRenderOptions<F>,
  documentTitle: string,
): Promise<RenderedLabels[F]> {
  if (drawings.length === 0) throw new LabelRenderError('no-labels', 'There are no labels to print.');
  const format: LabelFormat = options.format;
  const dpi = stock.kind === 'roll' ? stock.dpi : DEFAULT_ZPL_DPI;
  const output: { [K in LabelFormat]: () => Promise<RenderedLabels[K]> } = {
    pdf: () => labelsPdf(drawings, stock, documentTitle),
    zpl: async () => drawings.map((drawing) => labelZpl(drawing, dpi)).join(''),
    svg: async () => drawings.map((drawing, index) => labelSvg(drawing, titles[index] ?? '')),
    png: async () => drawings.map((drawing, index) => svgToPng(labelSvg(drawing, titles[index] ?? ''), options.dpi ?? DEFAULT_PNG_DPI)),
  };
  return (await output[format]()) as RenderedLabels[F];
}

/** The set labels of a day (from setLabels) on a stock, in the order given. */
export async function renderLabels<F extends LabelFormat>(labels: readonly SetLabel[], options: LabelRenderOptions<F>): Promise<RenderedLabels[F]> {
  const stock = stockFor(options.format, options.stockId, DEFAULT_STOCK_ID);
  const symbology = options.symbology ?? 'code128';
  const drawings = labels.map((label) => setLabelDrawing(label, stock.label, symbology));
  const titles = labels.map((label) => `${label.code} ${label.jobName}`);
  const first = labels[0];
  const title = first === undefined ? 'Tape labels' : `Tape labels ${first.code}${labels.length > 1 ? ` and ${labels.length - 1} more` : ''}`;
  return render(drawings, titles, stock, options, title);
}

/** Code 39 cartridge serial labels (from cartridgeLabels) on a stock. */
export async function renderCartridgeLabels<F extends LabelFormat>(labels: readonly CartridgeLabel[], options: CartridgeRenderOptions<F>): Promise<RenderedLabels[F]> {
  const stock = stockFor(options.format, options.stockId, DEFAULT_CARTRIDGE_STOCK_ID);
  const drawings = labels.map((label) => cartridgeLabelDrawing(label, stock.label));
  const titles = labels.map((label) => `${label.serial}${label.mediaId}`);
  const first = labels[0];
  const last = labels.at(-1);
  const title = first === undefined || last === undefined ? 'Cartridge labels' : `Cartridge labels ${first.serial} to ${last.serial}`;
  return render(drawings, titles, stock, options, title);
}
