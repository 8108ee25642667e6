/** A label as positioned text and one barcode, in millimetres from its top left: what every output format draws. */
import type { BarcodePattern } from './barcode';

export interface TextItem {
  kind: 'text';
  text: string;
  xMm: number;
  baselineMm: number;
  /** The em size. */
  sizeMm: number;
  bold: boolean;
  /** Which end of the text xMm marks. */
  align: 'start' | 'middle' | 'end';
  /** The room the text has; a renderer that can measure shrinks the text into it. */
  maxWidthMm: number;
}

export interface BarcodeItem {
  kind: 'barcode';
  pattern: BarcodePattern;
  /** The left edge of the left quiet zone. */
  xMm: number;
  yMm: number;
  moduleMm: number;
  heightMm: number;
}

export interface LabelDrawing {
  widthMm: number;
  heightMm: number;
  texts: TextItem[];
  barcode: BarcodeItem;
}
