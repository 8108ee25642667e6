/**
 * The browser's own print of the labels: a sheet outside the React tree, laid out on the stock's
 * pages at true size (the same placement main uses for Electron and the PDF), shown only to the
 * printer (styles.css), with the page size set for this one print.
 */
import type { LabelPreview } from '../../shared/api/labels';
import { labelPlace, labelStock, pageSize } from '../../shared/tapes/label-stocks';

const SHEET_ID = 'print-sheet';
/** On the body while the labels print: styles.css then prints the sheet instead of the page. */
const PRINTING = 'printing-labels';

export async function printInBrowser(preview: LabelPreview): Promise<void> {
  const stock = labelStock(preview.stock.id);
  if (stock === undefined) throw new Error(`The label stock ${preview.stock.id} is not known to this console.`);
  const page = pageSize(stock);
  document.getElementById(SHEET_ID)?.remove();
  const sheet = document.createElement('div');
  sheet.id = SHEET_ID;
  const pages: HTMLDivElement[] = [];
  const images = preview.labels.map((label, index) => {
    const place = labelPlace(stock, index);
    let pageDiv = pages[place.page];
    if (pageDiv === undefined) {
      pageDiv = document.createElement('div');
      pageDiv.className = 'print-page';
      // CSSOM, not style attributes: the console's CSP allows no inline style
      pageDiv.style.width = `${page.widthMm}mm`;
      pageDiv.style.height = `${page.heightMm}mm`;
      pages[place.page] = pageDiv;
      sheet.append(pageDiv);
    }
    const img = document.createElement('img');
    img.alt = `Label ${label.code}`;
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(label.svg)}`;
    img.style.left = `${place.xMm}mm`;
    img.style.top = `${place.yMm}mm`;
    img.style.width = `${stock.label.widthMm}mm`;
    img.style.height = `${stock.label.heightMm}mm`;
    pageDiv.append(img);
    return img;
  });
  document.body.append(sheet);
  const pageRule = new CSSStyleSheet();
  pageRule.replaceSync(`@page { size: ${page.widthMm}mm ${page.heightMm}mm; margin: 0; }`);
  const before = document.adoptedStyleSheets;
  document.adoptedStyleSheets = [...before, pageRule];
  try {
    await Promise.all(images.map((img) => img.decode()));
    document.body.classList.add(PRINTING);
    window.print();
  } finally {
    document.body.classList.remove(PRINTING);
    document.adoptedStyleSheets = before;
    // kept until the next print, so that a test (or a slow print preview) can still see the sheet
    sheet.dataset.printed = 'true';
  }
}
