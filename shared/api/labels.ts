/**
 * The label requests: which labels (a day's set, or new cartridge serials), on which stock,
 * previewed, saved as a file or printed.
 */
import { z } from 'zod';
import type { LabelStock } from '../tapes/label-stocks';
import { isoDateSchema, request } from './common';

export const stockIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be the id of a label stock');

/** Which labels: a day's set (or some codes of it), or a range of new cartridge serials. */
export const labelSelectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('set'),
      date: isoDateSchema,
      set: z.enum(['billrun', 'daily', 'all']),
      /** Only these codes of the set (a reprint of one label); the whole set when absent. */
      codes: z.array(z.string().max(20)).min(1).max(20).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('cartridges'),
      first: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{6}$/, 'a cartridge serial is 6 letters and digits, such as MF0001'),
      last: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{6}$/, 'a cartridge serial is 6 letters and digits, such as MF0010'),
    })
    .strict(),
]);

export type LabelSelection = z.output<typeof labelSelectionSchema>;

export type StockUse = LabelStock['use'];

export interface StockView {
  id: string;
  name: string;
  kind: LabelStock['kind'];
  use: StockUse;
  widthMm: number;
  heightMm: number;
}

export interface LabelStocksView {
  stocks: StockView[];
  /** The stock chosen in Settings for each use. */
  chosen: Record<StockUse, string>;
  /** The plan's words on what a label carries. */
  instruction?: string;
  /** The profile's cartridge label settings: the first serial of the site's stock, the media ID. */
  cartridge: { firstSerial: string; mediaId: string; checkCharacter: boolean };
}

export interface PreviewLabel {
  code: string;
  /** The words under the code, as printed: job, date, set, retention. */
  lines: string[];
  /** One label at true size (mm units), white background, barcode with its quiet zones. */
  svg: string;
  /** Printed before for this date (a print now is a reprint). */
  printedBefore: boolean;
}

export interface LabelPreview {
  title: string;
  stock: StockView;
  labels: PreviewLabel[];
  /** Why there are no labels, in the plan's words (not a Bill Run day, no daily tape that day). */
  problem?: string;
}

export interface LabelFile {
  fileName: string;
  mime: string;
  base64: string;
}

export interface LabelPrintResult {
  codes: string[];
  printer: string;
  reprint: boolean;
}

export interface PrinterView {
  name: string;
  displayName: string;
  isDefault: boolean;
}

export const labelRequests = {
  'labels.stocks': request<LabelStocksView>()(z.object({}).strict()),
  'labels.chooseStock': request<LabelStocksView>()(z.object({ use: z.enum(['set', 'cartridge']), stockId: stockIdSchema }).strict()),
  'labels.preview': request<LabelPreview>()(z.object({ selection: labelSelectionSchema, stockId: stockIdSchema.optional() }).strict()),
  'labels.file': request<LabelFile>()(z.object({ selection: labelSelectionSchema, stockId: stockIdSchema.optional(), format: z.enum(['pdf', 'zpl']) }).strict()),
  'labels.print': request<LabelPrintResult>()(
    z
      .object({
        selection: labelSelectionSchema,
        stockId: stockIdSchema.optional(),
        /** browser: the renderer printed with the browser's own print and asks only for the record. */
        via: z.enum(['browser', 'dialog', 'printer']),
        printer: z.string().min(1).max(200).optional(),
      })
      .strict()
      .refine((input) => input.via !== 'printer' || input.printer !== undefined, { message: 'name the printer', path: ['printer'] }),
  ),
  'labels.printers': request<PrinterView[]>()(z.object({}).strict()),
} as const;
