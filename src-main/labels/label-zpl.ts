/**
 * Labels as ZPL for a Zebra printer, one ^XA ... ^XZ format per label, laid out from the same
 * drawing as the PDF. The printer draws the barcode itself (^BC Code 128, ^B3 Code 39) from the
 * text, at a whole number of dots per module, which thermal printers need for clean bars.
 */
import { CODE39_WIDE_RATIO } from './barcode';
import type { BarcodeItem, LabelDrawing, TextItem } from './label-drawing';
import { LabelRenderError } from './render-error';

export const DEFAULT_ZPL_DPI = 203;
// Font 0's capitals stand about this share of the character height above the baseline.
const ZPL_ASCENT = 0.8;

/**
 * The text of a ^FD field, refused when ZPL would not print it as written: ^ and ~ start commands
 * (a ^ in a job name would end the field and run the rest as a command), and anything outside
 * printable ASCII depends on the printer's code page.
 */
export function zplFieldData(text: string): string {
  for (const character of text) {
    if (character === '^' || character === '~') {
      throw new LabelRenderError('zpl-field', `"${text}" cannot be printed in ZPL: ${character} starts a ZPL command.`);
    }
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) {
      throw new LabelRenderError('zpl-field', `"${text}" cannot be printed in ZPL: only printable ASCII characters can be, not "${character}".`);
    }
  }
  return text;
}

// The labels' own separator is outside the printer's default code page; a hyphen reads the same.
function ownSeparators(text: string): string {
  return text.replaceAll(' · ', ' - ');
}

function textZpl(item: TextItem, dots: (mm: number) => number): string {
  const height = Math.max(10, dots(item.sizeMm));
  const top = dots(item.baselineMm - item.sizeMm * ZPL_ASCENT);
  const font = `^A0N,${height},${height}`;
  const data = `^FD${zplFieldData(ownSeparators(item.text))}^FS`;
  if (item.align === 'start') return `^FO${dots(item.xMm)},${top}${font}${data}`;
  // a one-line field block justifies the text against its far edge or centre
  const width = dots(item.maxWidthMm);
  const left = item.align === 'end' ? dots(item.xMm) - width : dots(item.xMm) - Math.round(width / 2);
  return `^FO${Math.max(0, left)},${top}${font}^FB${width},1,0,${item.align === 'end' ? 'R' : 'C'}${data}`;
}

function barcodeZpl(item: BarcodeItem, dots: (mm: number) => number): string {
  const { pattern } = item;
  const available = dots(pattern.modules * item.moduleMm);
  const moduleDots = Math.max(1, Math.min(10, Math.floor(available / pattern.modules)));
  // centred where the drawing put it, with the quiet zones kept at whole modules
  const symbolDots = pattern.modules * moduleDots;
  const left = dots(item.xMm) + Math.floor((available - symbolDots) / 2);
  const barsLeft = left + (pattern.bars[0]?.x ?? 0) * moduleDots;
  const height = dots(item.heightMm);
  const data = `^FD${zplFieldData(pattern.text)}^FS`;
  const symbol =
    pattern.symbology === 'code128'
      ? // mode A: the printer picks the subsets, so the data is the text as it stands
        `^BY${moduleDots},3,${height}^BCN,${height},N,N,N,A`
      : `^BY${moduleDots},${CODE39_WIDE_RATIO.toFixed(1)},${height}^B3N,N,${height},N,N`;
  return `^FO${barsLeft},${dots(item.yMm)}${symbol}${data}`;
}

export function labelZpl(drawing: LabelDrawing, dpi: number = DEFAULT_ZPL_DPI): string {
  const dots = (mm: number) => Math.round((mm * dpi) / 25.4);
  return [
    '^XA',
    `^PW${dots(drawing.widthMm)}`,
    `^LL${dots(drawing.heightMm)}`,
    '^LH0,0',
    ...drawing.texts.map((text) => textZpl(text, dots)),
    barcodeZpl(drawing.barcode, dots),
    '^XZ',
    '',
  ].join('\n');
}
