/**
 * Labels as a PDF at true size, in pdfkit's built-in Helvetica (no font files to ship): one label
 * per page the label's size for single labels and rolls, or laid out in a sheet stock's grid.
 */
import PDFDocument from 'pdfkit';
import { labelPlace, pageSize, type LabelStock } from '../../shared/tapes/label-stocks';
import type { BarcodeItem, LabelDrawing, TextItem } from './label-drawing';

const POINTS_PER_MM = 72 / 25.4;
const pt = (mm: number) => mm * POINTS_PER_MM;

function drawText(doc: PDFKit.PDFDocument, item: TextItem, x0: number, y0: number): void {
  doc.font(item.bold ? 'Helvetica-Bold' : 'Helvetica');
  let size = pt(item.sizeMm);
  doc.fontSize(size);
  // Helvetica's real widths, so a long job name is shrunk rather than run off the label
  const room = pt(item.maxWidthMm);
  const measured = doc.widthOfString(item.text);
  if (measured > room) {
    size *= room / measured;
    doc.fontSize(size);
  }
  const width = doc.widthOfString(item.text);
  const shift = item.align === 'end' ? width : item.align === 'middle' ? width / 2 : 0;
  doc.text(item.text, x0 + pt(item.xMm) - shift, y0 + pt(item.baselineMm), { lineBreak: false, baseline: 'alphabetic' });
}

function drawBarcode(doc: PDFKit.PDFDocument, item: BarcodeItem, x0: number, y0: number): void {
  const left = x0 + pt(item.xMm);
  const top = y0 + pt(item.yMm);
  const module = pt(item.moduleMm);
  const height = pt(item.heightMm);
  // a white ground under the whole symbol and its quiet zones, whatever the paper or page behind
  doc.rect(left, top, item.pattern.modules * module, height).fill('#ffffff');
  for (const bar of item.pattern.bars) doc.rect(left + bar.x * module, top, bar.width * module, height);
  doc.fill('#000000');
}

function drawCutLines(doc: PDFKit.PDFDocument, x0: number, y0: number, drawing: LabelDrawing): void {
  doc.save().lineWidth(0.25).strokeColor('#b0b0b0').rect(x0, y0, pt(drawing.widthMm), pt(drawing.heightMm)).stroke().restore();
}

export function labelsPdf(drawings: readonly LabelDrawing[], stock: LabelStock, title: string): Promise<Buffer> {
  const page = pageSize(stock);
  const size: [number, number] = [pt(page.widthMm), pt(page.heightMm)];
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'TapeOps Console' } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let currentPage = -1;
  drawings.forEach((drawing, index) => {
    const place = labelPlace(stock, index);
    if (place.page !== currentPage) {
      doc.addPage({ size, margin: 0 });
      currentPage = place.page;
    }
    const x0 = pt(place.xMm);
    const y0 = pt(place.yMm);
    if (stock.kind === 'sheet' && stock.sheet.cutLines) drawCutLines(doc, x0, y0, drawing);
    for (const text of drawing.texts) drawText(doc, text, x0, y0);
    drawBarcode(doc, drawing.barcode, x0, y0);
  });
  doc.end();
  return done;
}
