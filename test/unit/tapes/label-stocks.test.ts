/** The label stocks: true sizes, grids that fit their pages, and where each label lands. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CARTRIDGE_STOCK_ID,
  DEFAULT_STOCK_ID,
  DEFAULT_ZPL_STOCK_ID,
  LABEL_STOCKS,
  labelPlace,
  labelStock,
  labelsPerPage,
  pageSize,
  sheetProblems,
} from '../../../shared/tapes/label-stocks';

const INCH = 25.4;

describe('label stocks', () => {
  it('has one stock per id, and the defaults exist with the kind their use needs', () => {
    expect(new Set(LABEL_STOCKS.map((stock) => stock.id)).size).toBe(LABEL_STOCKS.length);
    expect(labelStock(DEFAULT_STOCK_ID)?.kind).toBe('sheet');
    expect(labelStock(DEFAULT_CARTRIDGE_STOCK_ID)?.use).toBe('cartridge');
    expect(labelStock(DEFAULT_ZPL_STOCK_ID)).toMatchObject({ kind: 'roll', dpi: 203 });
    expect(labelStock('no-such-stock')).toBeUndefined();
  });

  it('fits every sheet grid on its page', () => {
    expect(LABEL_STOCKS.flatMap(sheetProblems)).toEqual([]);
  });

  it('catches a grid that does not fit', () => {
    const avery = labelStock('avery-5163');
    if (avery?.kind !== 'sheet') throw new Error('avery-5163 is a sheet');
    expect(sheetProblems({ ...avery, sheet: { ...avery.sheet, rows: 6 } })).toEqual(['avery-5163: the labels reach 317.5 mm down a page 279.4 mm high']);
  });

  it('lays Avery 5163 out as the template does: 4 x 2 in labels, two across, five down, on US Letter', () => {
    const stock = labelStock('avery-5163');
    if (stock?.kind !== 'sheet') throw new Error('avery-5163 is a sheet');
    expect(stock.label).toEqual({ widthMm: 4 * INCH, heightMm: 2 * INCH });
    expect(pageSize(stock)).toEqual({ widthMm: 8.5 * INCH, heightMm: 11 * INCH });
    expect(labelsPerPage(stock)).toBe(10);
    // first label half an inch down and 5/32 in from the left; second column 4 3/16 in further
    expect(labelPlace(stock, 0)).toEqual({ page: 0, xMm: (5 / 32) * INCH, yMm: 0.5 * INCH });
    expect(labelPlace(stock, 1).xMm).toBeCloseTo((5 / 32 + 4 + 3 / 16) * INCH, 6);
    expect(labelPlace(stock, 9)).toMatchObject({ page: 0, yMm: 8.5 * INCH });
    expect(labelPlace(stock, 10)).toEqual({ page: 1, xMm: (5 / 32) * INCH, yMm: 0.5 * INCH });
    // the right margin equals the left one
    const right = labelPlace(stock, 1).xMm + stock.label.widthMm;
    expect(8.5 * INCH - right).toBeCloseTo((5 / 32) * INCH, 6);
  });

  it('lays Avery L7165 out on A4: 99.1 x 67.7 mm, eight to a sheet', () => {
    const stock = labelStock('avery-l7165');
    if (stock?.kind !== 'sheet') throw new Error('avery-l7165 is a sheet');
    expect(stock.label).toEqual({ widthMm: 99.1, heightMm: 67.7 });
    expect(pageSize(stock)).toEqual({ widthMm: 210, heightMm: 297 });
    expect(labelsPerPage(stock)).toBe(8);
    expect(labelPlace(stock, 7).yMm + stock.label.heightMm).toBeCloseTo(297 - 13.1, 6);
  });

  it('prints single labels and rolls one label per page, the page the size of the label', () => {
    const dlt = labelStock('dlt-cartridge');
    const roll = labelStock('zebra-4x2-203');
    if (dlt === undefined || roll === undefined) throw new Error('missing stock');
    expect(pageSize(dlt)).toEqual({ widthMm: 74, heightMm: 21 });
    expect(pageSize(roll)).toEqual({ widthMm: 4 * INCH, heightMm: 2 * INCH });
    expect(labelPlace(dlt, 3)).toEqual({ page: 3, xMm: 0, yMm: 0 });
    expect(labelsPerPage(roll)).toBe(1);
  });
});
