/**
 * The label requests' inputs and outputs (part of the contract in ./api.ts): which labels (a
 * day's set, or new cartridge serials), on which stock, previewed, saved as a file or printed.
 */
import { z } from 'zod';
import type { LabelStock } from './tapes/label-stocks';

/** A local date YYYY-MM-DD; ./api.ts checks the calendar, this only the shape it is given. */
export function labelSelectionSchema(isoDate: z.ZodType<string>) {
  return z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('set'),
        date: isoDate,
        set: z.enum(['billrun', 'daily', 'all']),
        /** Only these codes of the set (a reprint of one label); the whole set when absent. */
        codes: z.array(z.string().max(20)).min(1).max(20).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal('cartridges'),
        first: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/, 'a cartridge serial is 6 letters and digits, such as MF0001'),
        last: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{6}$/, 'a cartridge serial is 6 letters and digits, such as MF0010'),
      })
      .strict(),
  ]);
}

export type LabelSelection =
  | { kind: 'set'; date: string; set: 'billrun' | 'daily' | 'all'; codes?: string[] }
  | { kind: 'cartridges'; first: string; last: string };

export const stockIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be the id of a label stock');

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
