/** One label as an SVG at its true size: the viewBox is in millimetres, so 1 unit prints as 1 mm. */
import type { BarcodeItem, LabelDrawing, TextItem } from './label-drawing';

const FONT_FAMILY = "Helvetica, Arial, 'DejaVu Sans', sans-serif";
const ANCHOR = { start: 'start', middle: 'middle', end: 'end' } as const;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Four decimals of a millimetre is far below any printer's dot.
function n(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

function textSvg(item: TextItem): string {
  const weight = item.bold ? ' font-weight="bold"' : '';
  return `<text x="${n(item.xMm)}" y="${n(item.baselineMm)}" font-size="${n(item.sizeMm)}"${weight} text-anchor="${ANCHOR[item.align]}">${escapeXml(item.text)}</text>`;
}

function barcodeSvg(item: BarcodeItem): string {
  const { pattern, moduleMm, xMm, yMm, heightMm } = item;
  // The white ground is drawn, not assumed: on a transparent background a scanner sees no quiet zone.
  const ground = `<rect x="${n(xMm)}" y="${n(yMm)}" width="${n(pattern.modules * moduleMm)}" height="${n(heightMm)}" fill="#fff"/>`;
  const bars = pattern.bars.map((bar) => `M${n(xMm + bar.x * moduleMm)} ${n(yMm)}h${n(bar.width * moduleMm)}v${n(heightMm)}h${n(-bar.width * moduleMm)}z`).join('');
  return `<g shape-rendering="crispEdges">${ground}<path d="${bars}" fill="#000"/></g>`;
}

export function labelSvg(drawing: LabelDrawing, title: string): string {
  const { widthMm: w, heightMm: h } = drawing;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}mm" height="${n(h)}mm" viewBox="0 0 ${n(w)} ${n(h)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${n(w)}" height="${n(h)}" fill="#fff"/>`,
    `<g font-family="${FONT_FAMILY}" fill="#000">`,
    ...drawing.texts.map(textSvg),
    '</g>',
    barcodeSvg(drawing.barcode),
    '</svg>',
    '',
  ].join('\n');
}
