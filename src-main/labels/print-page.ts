/**
 * The labels as one HTML document laid out on the stock's pages at true size, for Electron to
 * print or turn into PDF (../electron/label-printing). Each label is its own SVG drawn as an
 * image, so no label text is ever markup of the page.
 */
import { labelPlace, pageSize, type LabelStock } from '../../shared/tapes/label-stocks';
import type { PrintPage } from './label-printer';

export function labelsPrintPage(svgs: readonly string[], stock: LabelStock, title: string): PrintPage {
  const page = pageSize(stock);
  const pages: string[][] = [];
  svgs.forEach((svg, index) => {
    const place = labelPlace(stock, index);
    const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
    (pages[place.page] ??= []).push(
      `<img src="${src}" alt="" style="left:${place.xMm}mm;top:${place.yMm}mm;width:${stock.label.widthMm}mm;height:${stock.label.heightMm}mm">`,
    );
  });
  const html = [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</title>`,
    `<style>@page{size:${page.widthMm}mm ${page.heightMm}mm;margin:0}`,
    'html,body{margin:0;padding:0;background:#fff}',
    `.page{position:relative;width:${page.widthMm}mm;height:${page.heightMm}mm;overflow:hidden;break-after:page}`,
    '.page:last-child{break-after:auto}img{position:absolute;display:block}</style></head><body>',
    ...pages.map((labels) => `<div class="page">${labels.join('')}</div>`),
    '</body></html>',
  ].join('');
  return { html, pageMm: { width: page.widthMm, height: page.heightMm } };
}
