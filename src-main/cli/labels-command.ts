/**
 * `tapeops labels`: a day's set labels or a range of cartridge serial labels, rendered to PDF, ZPL
 * or PNG files. Everything is rendered in memory first and each file is written beside its final
 * name and renamed into place, so a refused or failed run leaves no half-written label file.
 */
import { counted } from '../../shared/plural';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cartridgeLabels } from '../../shared/tapes/cartridge-serials';
import { DEFAULT_CARTRIDGE_STOCK_ID, DEFAULT_STOCK_ID, DEFAULT_ZPL_STOCK_ID, LABEL_STOCKS, labelStock, type LabelStock } from '../../shared/tapes/label-stocks';
import { setLabels, type LabelSetChoice } from '../../shared/tapes/set-labels';
import { renderCartridgeLabels, renderLabels } from '../labels';
import { loadCliSite } from './cli-site';
import { UsageError } from './usage';

export const LABEL_FORMATS = ['pdf', 'png', 'zpl'] as const;
export type CliLabelFormat = (typeof LABEL_FORMATS)[number];
const SETS: readonly LabelSetChoice[] = ['billrun', 'daily', 'all'];

/** The options as parseArgs gives them; `date` already checked as a calendar date. */
export interface LabelsOptions {
  date?: string;
  set?: string;
  stock?: string;
  format?: string;
  out?: string;
  cartridges?: string;
  site?: string;
}

/** What was rendered, with the codes of its labels in order (a PNG file is named by its label's code). */
interface Rendered {
  /** The labels' codes in order, one per label. */
  codes: string[];
  stock: LabelStock;
  output: Buffer | string | Buffer[];
}

interface FileToWrite {
  path: string;
  data: Buffer | string;
  labels: number;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${what} ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** `MF0001..MF0010`: two serials and the two dots between them; the serials themselves are checked by cartridgeLabels. */
function cartridgeRange(text: string): { first: string; last: string } {
  const match = /^([^.]+)\.\.([^.]+)$/.exec(text);
  if (match === null) throw new UsageError(`--cartridges takes a range FROM..TO, such as MF0001..MF0010, not ${JSON.stringify(text)}`);
  return { first: match[1] as string, last: match[2] as string };
}

function stockFor(stockId: string | undefined, format: CliLabelFormat, cartridges: boolean): LabelStock {
  // the renderer's own defaults, resolved here so that the line printed names the stock rendered
  const id = stockId ?? (format === 'zpl' ? DEFAULT_ZPL_STOCK_ID : cartridges ? DEFAULT_CARTRIDGE_STOCK_ID : DEFAULT_STOCK_ID);
  const stock = labelStock(id);
  if (stock === undefined) throw new UsageError(`unknown --stock ${JSON.stringify(id)}; the stocks are ${LABEL_STOCKS.map((s) => s.id).join(', ')}`);
  return stock;
}

async function render(options: LabelsOptions, format: CliLabelFormat): Promise<Rendered> {
  const { profile } = loadCliSite(options.site);
  if (options.cartridges !== undefined) {
    if (options.date !== undefined || options.set !== undefined) throw new UsageError('--cartridges prints serial labels: leave out --date and --set');
    const { first, last } = cartridgeRange(options.cartridges);
    const stock = stockFor(options.stock, format, true);
    const range = cartridgeLabels(first, last, profile.tapes.labels.cartridge);
    if (!range.ok) throw new UsageError(range.problem);
    const output = await renderCartridgeLabels(range.labels, { format, stockId: stock.id });
    return { codes: range.labels.map((label) => `${label.serial}${label.mediaId}`), stock, output };
  }
  if (options.date === undefined) throw new UsageError('labels needs --date YYYY-MM-DD, or --cartridges FROM..TO for serial labels');
  const set = oneOf(options.set ?? 'all', SETS, '--set');
  const stock = stockFor(options.stock, format, false);
  const chosen = setLabels(profile, options.date, set);
  if (!chosen.ok) throw new UsageError(chosen.problem);
  const output = await renderLabels(chosen.labels, { format, stockId: stock.id, symbology: profile.tapes.labels.symbology });
  return { codes: chosen.labels.map((label) => label.code), stock, output };
}

/** `labels.png` and code "DAILY 3" → `labels-DAILY_3.png`; anything but letters, digits, dot and dash becomes _. */
export function pngFileFor(out: string, code: string): string {
  return `${out.replace(/\.png$/i, '')}-${code.replace(/[^A-Za-z0-9.-]/g, '_')}.png`;
}

function filesOf(rendered: Rendered, out: string): FileToWrite[] {
  const { output, codes } = rendered;
  if (!Array.isArray(output)) return [{ path: out, data: output, labels: codes.length }];
  if (output.length === 1) return [{ path: out, data: output[0] as Buffer, labels: 1 }];
  const files = output.map((data, index) => ({ path: pngFileFor(out, codes[index] ?? String(index + 1)), data, labels: 1 }));
  const paths = new Set(files.map((file) => file.path));
  if (paths.size !== files.length) throw new Error(`two labels would be written to one file name under ${out}; print them one set at a time`);
  return files;
}

/** Each file to FILE.tmp, then every one renamed into place; on a failure the .tmp files go. */
function writeAll(files: FileToWrite[]): void {
  const written: string[] = [];
  try {
    for (const file of files) {
      const tmp = `${file.path}.tmp`;
      written.push(tmp);
      writeFileSync(tmp, file.data);
    }
    for (const file of files) renameSync(`${file.path}.tmp`, file.path);
  } catch (error) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw error;
  }
}

/** Renders the labels the options ask for and writes them; bad input throws UsageError before anything is written. */
export async function runLabels(options: LabelsOptions, out: NodeJS.WritableStream): Promise<number> {
  if (options.format === undefined) throw new UsageError(`labels needs --format ${LABEL_FORMATS.join('|')}`);
  const format = oneOf(options.format, LABEL_FORMATS, '--format');
  if (options.out === undefined || options.out === '') throw new UsageError('labels needs --out FILE, the file to write');
  const folder = dirname(resolve(options.out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--out ${JSON.stringify(options.out)}: there is no folder ${folder}`);
  const rendered = await render(options, format);
  const files = filesOf(rendered, options.out);
  writeAll(files);
  for (const file of files) out.write(`wrote ${file.path} (${counted(file.labels, 'label')}, ${rendered.stock.name})\n`);
  return 0;
}
