/**
 * The label stocks the console prints on, at their true sizes in millimetres, so that a printed
 * label lands on the die-cut label and a barcode keeps the module width it was drawn with.
 *
 * Sizes: the Avery sheets and the 4 x 2 in roll are the makers' published sizes. The DLT
 * cartridge label's is an assumption: the label slides into the slot on the cartridge's face and
 * the drive guides say where, not how big; 74 x 21 mm (about 2.9 x 0.83 in) is taken as the
 * slot's size. Check it against the site's own labels before printing a batch.
 */

export interface LabelSize {
  widthMm: number;
  heightMm: number;
}

/** Where the labels sit on a sheet: margins from the page's top left, the grid, and the gaps between labels. */
export interface SheetLayout {
  page: LabelSize & { name: string };
  marginTopMm: number;
  marginLeftMm: number;
  columns: number;
  rows: number;
  /** Between two labels of a row. */
  gapXMm: number;
  /** Between two rows. */
  gapYMm: number;
  /** Plain paper to cut by hand: draw the cut lines. */
  cutLines: boolean;
}

interface StockBase {
  id: string;
  name: string;
  label: LabelSize;
  /** What the stock is meant for; every stock can print either. */
  use: 'set' | 'cartridge';
}

export type LabelStock = (StockBase & { kind: 'single' }) | (StockBase & { kind: 'sheet'; sheet: SheetLayout }) | (StockBase & { kind: 'roll'; dpi: number });

const INCH = 25.4;
const LETTER = { name: 'US Letter', widthMm: 8.5 * INCH, heightMm: 11 * INCH };
const A4 = { name: 'A4', widthMm: 210, heightMm: 297 };
const DLT_LABEL: LabelSize = { widthMm: 74, heightMm: 21 };

export const LABEL_STOCKS: readonly LabelStock[] = [
  {
    id: 'avery-5163',
    name: 'Avery 5163 shipping labels, 4 × 2 in, 10 per US Letter sheet',
    kind: 'sheet',
    use: 'set',
    label: { widthMm: 4 * INCH, heightMm: 2 * INCH },
    sheet: {
      page: LETTER,
      marginTopMm: 0.5 * INCH,
      marginLeftMm: (5 / 32) * INCH,
      columns: 2,
      rows: 5,
      gapXMm: (3 / 16) * INCH,
      gapYMm: 0,
      cutLines: false,
    },
  },
  {
    id: 'avery-l7165',
    name: 'Avery L7165 parcel labels, 99.1 × 67.7 mm, 8 per A4 sheet',
    kind: 'sheet',
    use: 'set',
    label: { widthMm: 99.1, heightMm: 67.7 },
    sheet: { page: A4, marginTopMm: 13.1, marginLeftMm: 4.65, columns: 2, rows: 4, gapXMm: 2.5, gapYMm: 0, cutLines: false },
  },
  {
    id: 'zebra-4x2-203',
    name: 'Thermal roll, 4 × 2 in, for a 203 dpi Zebra printer',
    kind: 'roll',
    use: 'set',
    label: { widthMm: 4 * INCH, heightMm: 2 * INCH },
    dpi: 203,
  },
  {
    id: 'dlt-cartridge',
    name: 'DLT cartridge label, 74 × 21 mm, one per page',
    kind: 'single',
    use: 'cartridge',
    label: DLT_LABEL,
  },
  {
    id: 'dlt-cartridge-letter',
    name: 'DLT cartridge labels, 74 × 21 mm, 24 per US Letter sheet, to cut',
    kind: 'sheet',
    use: 'cartridge',
    label: DLT_LABEL,
    // centred on the page with 10 mm between the columns, for scissors or a guillotine
    sheet: {
      page: LETTER,
      marginTopMm: (LETTER.heightMm - 12 * DLT_LABEL.heightMm) / 2,
      marginLeftMm: (LETTER.widthMm - 2 * DLT_LABEL.widthMm - 10) / 2,
      columns: 2,
      rows: 12,
      gapXMm: 10,
      gapYMm: 0,
      cutLines: true,
    },
  },
];

/** US Letter: the plan's site is in Massachusetts. */
export const DEFAULT_STOCK_ID = 'avery-5163';
export const DEFAULT_CARTRIDGE_STOCK_ID = 'dlt-cartridge-letter';
export const DEFAULT_ZPL_STOCK_ID = 'zebra-4x2-203';

export function labelStock(id: string): LabelStock | undefined {
  return LABEL_STOCKS.find((stock) => stock.id === id);
}

export interface LabelPlace {
  /** 0 for the first page. */
  page: number;
  xMm: number;
  yMm: number;
}

export function labelsPerPage(stock: LabelStock): number {
  return stock.kind === 'sheet' ? stock.sheet.columns * stock.sheet.rows : 1;
}

/** Where the n-th label (from 0) goes: across each row, then down, then onto the next page. */
export function labelPlace(stock: LabelStock, index: number): LabelPlace {
  if (stock.kind !== 'sheet') return { page: index, xMm: 0, yMm: 0 };
  const { sheet, label } = stock;
  const perPage = labelsPerPage(stock);
  const onPage = index % perPage;
  const column = onPage % sheet.columns;
  const row = Math.floor(onPage / sheet.columns);
  return {
    page: Math.floor(index / perPage),
    xMm: sheet.marginLeftMm + column * (label.widthMm + sheet.gapXMm),
    yMm: sheet.marginTopMm + row * (label.heightMm + sheet.gapYMm),
  };
}

/** The page a stock prints on: the sheet, or the label itself for singles and rolls. */
export function pageSize(stock: LabelStock): LabelSize {
  return stock.kind === 'sheet' ? { widthMm: stock.sheet.page.widthMm, heightMm: stock.sheet.page.heightMm } : stock.label;
}

/** Why a sheet's grid does not fit its page, if it does not: for stocks a site adds. */
export function sheetProblems(stock: LabelStock): string[] {
  if (stock.kind !== 'sheet') return [];
  const { sheet, label } = stock;
  const right = sheet.marginLeftMm + sheet.columns * label.widthMm + (sheet.columns - 1) * sheet.gapXMm;
  const bottom = sheet.marginTopMm + sheet.rows * label.heightMm + (sheet.rows - 1) * sheet.gapYMm;
  const problems: string[] = [];
  // a tenth of a millimetre: the makers round their published sizes
  if (right > sheet.page.widthMm + 0.1) problems.push(`${stock.id}: the labels reach ${right.toFixed(1)} mm across a page ${sheet.page.widthMm.toFixed(1)} mm wide`);
  if (bottom > sheet.page.heightMm + 0.1) problems.push(`${stock.id}: the labels reach ${bottom.toFixed(1)} mm down a page ${sheet.page.heightMm.toFixed(1)} mm high`);
  return problems;
}
