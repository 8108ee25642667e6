/**
 * Barcodes as bars in module units, from bwip-js's encoder, so that the SVG, the PDF and the size
 * checks all draw the very same symbol. Every pattern carries its quiet zones: ten modules of white
 * either side is the least a hand scanner needs to find where the symbol starts.
 */
import bwipjs from 'bwip-js/node';
import type { LabelSymbology } from '../../shared/site/schema';
import { CODE39_CHARACTERS } from '../../shared/tapes/cartridge-serials';
import { LabelRenderError } from './render-error';

export const QUIET_ZONE_MODULES = 10;
/** Code 39's wide elements as a multiple of the narrow; 3 is the widest the standard allows and reads best. */
export const CODE39_WIDE_RATIO = 3;

export interface Bar {
  /** From the left edge of the left quiet zone, in modules. */
  x: number;
  width: number;
}

export interface BarcodePattern {
  symbology: LabelSymbology;
  text: string;
  /** Width of the whole symbol, both quiet zones included, in modules. */
  modules: number;
  bars: Bar[];
}

// Printable ASCII: a label's text never needs Code 128's control characters.
const CODE128_TEXT = /^[\x20-\x7e]+$/;

function checkText(text: string, symbology: LabelSymbology): void {
  if (symbology === 'code128' && !CODE128_TEXT.test(text)) {
    throw new LabelRenderError('barcode-text', `"${text}" cannot go in the barcode: Code 128 labels take printable ASCII characters only.`);
  }
  if (symbology === 'code39') {
    const outside = [...text].filter((c) => !CODE39_CHARACTERS.includes(c));
    if (text.length === 0 || outside.length > 0) {
      throw new LabelRenderError(
        'barcode-text',
        `"${text}" cannot go in a Code 39 barcode: it takes A-Z, 0-9, space and - . $ / + % only${outside.length > 0 ? `, not ${[...new Set(outside)].map((c) => `"${c}"`).join(', ')}` : ''}.`,
      );
    }
  }
}

export function barcodePattern(text: string, symbology: LabelSymbology): BarcodePattern {
  checkText(text, symbology);
  const [symbol] = bwipjs.raw({ bcid: symbology, text });
  if (symbol === undefined || !('sbs' in symbol)) throw new Error(`bwip-js gave no linear symbol for ${symbology} "${text}"`);
  // sbs: the widths of bar, space, bar, space ... in modules
  const bars: Bar[] = [];
  let x = QUIET_ZONE_MODULES;
  symbol.sbs.forEach((width, index) => {
    if (index % 2 === 0) bars.push({ x, width });
    x += width;
  });
  // bwip-js ends Code 39 with the gap that would follow another character; the quiet zone starts at the last bar
  const last = bars.at(-1);
  const end = last === undefined ? x : last.x + last.width;
  return { symbology, text, modules: end + QUIET_ZONE_MODULES, bars };
}
