/**
 * Where things go on a label of any stock's size. Two layouts: a full one for labels of 35 mm and
 * more in height (the 4 x 2 in and A4 stocks), and a strip for a DLT cartridge's slot (21 mm),
 * where the set text shares the top line with the retention.
 */
import type { LabelSymbology } from '../../shared/site/schema';
import type { CartridgeLabel } from '../../shared/tapes/cartridge-serials';
import type { LabelSize } from '../../shared/tapes/label-stocks';
import type { SetLabel } from '../../shared/tapes/set-labels';
import { barcodePattern, type BarcodePattern } from './barcode';
import type { BarcodeItem, LabelDrawing, TextItem } from './label-drawing';

const FULL_LAYOUT_MIN_HEIGHT_MM = 35;
// Above this the bars only get fatter, not easier to read; the symbol is centred instead.
const MAX_MODULE_MM = 0.6;
// Average advance of a character as a share of the em, on the wide side: DejaVu Sans (the SVG's
// fallback) runs wider than Helvetica, and bold capitals widest.
const ADVANCE = { regular: 0.62, bold: 0.72 };
// From the top of a line to its baseline (capitals and parentheses reach 0.76 em in DejaVu Sans).
const ASCENT = 0.78;
// Below the baseline: descenders and the underscores of a job name such as
// CONSOLIDATED_BACKUP_TO_TAPE reach 0.24 em in DejaVu Sans; then clear paper before the next line,
// so the name never touches the date line under it (test/unit/labels/label-layout.test.ts measures it).
const DESCENT = 0.24;
const LEADING = 0.24;
const LINE_GAP = DESCENT + LEADING;

function fitted(text: string, sizeMm: number, maxWidthMm: number, bold: boolean): number {
  const estimate = text.length * sizeMm * (bold ? ADVANCE.bold : ADVANCE.regular);
  return estimate <= maxWidthMm ? sizeMm : sizeMm * (maxWidthMm / estimate);
}

/** Lines stacked from the top, each shrunk to the width when it is too long. */
class Column {
  readonly texts: TextItem[] = [];
  constructor(
    private y: number,
    private readonly x: number,
    private readonly widthMm: number,
  ) {}

  line(text: string, sizeMm: number, bold: boolean): this {
    const size = fitted(text, sizeMm, this.widthMm, bold);
    const baselineMm = this.y + size * ASCENT;
    this.texts.push({ kind: 'text', text, xMm: this.x, baselineMm, sizeMm: size, bold, align: 'start', maxWidthMm: this.widthMm });
    this.y = baselineMm + size * LINE_GAP;
    return this;
  }

  /** Text set on the last line's baseline, flush right. */
  right(text: string, sizeMm: number, bold: boolean, roomMm: number): this {
    const last = this.texts.at(-1);
    if (last === undefined) throw new Error('no line to share');
    const size = fitted(text, sizeMm, roomMm, bold);
    this.texts.push({ kind: 'text', text, xMm: this.x + this.widthMm, baselineMm: last.baselineMm, sizeMm: size, bold, align: 'end', maxWidthMm: roomMm });
    return this;
  }

  get bottom(): number {
    return this.y;
  }
}

function barcodeIn(pattern: BarcodePattern, xMm: number, yMm: number, widthMm: number, heightMm: number): BarcodeItem {
  const moduleMm = Math.min(MAX_MODULE_MM, widthMm / pattern.modules);
  const left = xMm + (widthMm - pattern.modules * moduleMm) / 2;
  return { kind: 'barcode', pattern, xMm: left, yMm, moduleMm, heightMm };
}

function padding(size: LabelSize): number {
  return Math.max(1.5, Math.min(size.widthMm, size.heightMm) * 0.06);
}

export function setLabelDrawing(label: SetLabel, size: LabelSize, symbology: LabelSymbology): LabelDrawing {
  const pad = padding(size);
  const width = size.widthMm - 2 * pad;
  const pattern = barcodePattern(label.barcodeText, symbology);
  const runs = `${label.runDateText} (${label.runDate})`;
  let column: Column;
  if (size.heightMm >= FULL_LAYOUT_MIN_HEIGHT_MM) {
    const unit = Math.min(size.heightMm, size.widthMm / 2) / 50.8;
    column = new Column(pad, pad, width)
      .line(label.code, 8 * unit, true)
      // the tape's own label beside the paper one, so that SHOW DEVICE and the label agree at a glance
      .right(`Volume ${label.volumeLabel}`, 3 * unit, true, width * 0.38)
      .line(label.jobName, 3.4 * unit, true)
      .line(`Runs ${runs}`, 3 * unit, false)
      .line(label.setText, 3 * unit, false)
      .line(label.retention.text, 3 * unit, true);
  } else {
    const unit = size.heightMm / 21;
    const aside = label.position === undefined ? label.retention.text : `tape ${label.position} · ${label.retention.text}`;
    column = new Column(pad * 0.6, pad, width)
      .line(label.code, 4.4 * unit, true)
      .right(aside, 2 * unit, false, width * 0.5)
      .line(`${label.jobName} · ${runs} · volume ${label.volumeLabel}`, 2 * unit, false);
  }
  const top = column.bottom + pad * 0.3;
  const barcode = barcodeIn(pattern, pad, top, width, size.heightMm - pad * 0.6 - top);
  return { widthMm: size.widthMm, heightMm: size.heightMm, texts: column.texts, barcode };
}

/** A cartridge label: the volume serial and media ID to read, the Code 39 barcode a library reads. */
export function cartridgeLabelDrawing(label: CartridgeLabel, size: LabelSize): LabelDrawing {
  const pad = padding(size);
  const width = size.widthMm - 2 * pad;
  const pattern = barcodePattern(label.barcodeText, 'code39');
  const column = new Column(pad * 0.6, pad, width).line(`${label.serial}${label.mediaId}`, size.heightMm * 0.22, true);
  const top = column.bottom + pad * 0.3;
  const barcode = barcodeIn(pattern, pad, top, width, size.heightMm - pad * 0.6 - top);
  const texts = column.texts.map((text): TextItem => ({ ...text, xMm: size.widthMm / 2, align: 'middle' }));
  return { widthMm: size.widthMm, heightMm: size.heightMm, texts, barcode };
}
