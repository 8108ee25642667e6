/**
 * What the operator reads on a printed label (Figure 2 of the plan: the code, the job, the date
 * it runs; here also the set and how long it stays offsite), and that the PDF prints at the
 * stock's true size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartridgeLabels } from '../../shared/tapes/cartridge-serials';
import { LabelRenderError, renderCartridgeLabels, renderLabels } from '../../src-main/labels';
import { labelsOf, pdfPages, pdfText, requireTools, Workdir } from './labels-tools';

const POINTS_PER_INCH = 72;
const POINTS_PER_MM = 72 / 25.4;

let work: Workdir;
beforeAll(() => {
  requireTools();
  work = new Workdir();
});
afterAll(() => work?.remove());

describe('the words on a printed label', () => {
  it('has the code, the job, the run date both ways, the set and the retention', async () => {
    const [, second] = labelsOf('2010-08-03', 'billrun');
    if (second === undefined) throw new Error('no second tape');
    const text = await pdfText(work.file('100803D.pdf', await renderLabels([second], { format: 'pdf' })));
    for (const words of [
      '100803D',
      'Volume 00803D',
      'CONSOLIDATED_BACKUP_TO_TAPE #1',
      'Aug. 3, 2010 (2010-08-03)',
      'Bill Run of Aug. 3, 2010 · tape 2 of 5',
      'No return date',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('says when a set that comes back is due, and that the DAILY tape is re-used', async () => {
    const labels = [...labelsOf('2010-08-09', 'billrun').slice(0, 1), ...labelsOf('2010-08-05', 'daily')];
    const text = await pdfText(work.file('return.pdf', await renderLabels(labels, { format: 'pdf' })));
    for (const words of [
      '100809P',
      'PROD_AND_DEVEL_BACKUP',
      'Return after Feb. 9, 2011',
      'DAILY 3',
      'DAILY_BACKUP',
      'Aug. 6, 2010 (2010-08-06)',
      'Re-used between Bill Runs',
    ]) {
      expect(text).toContain(words);
    }
  });

  it('keeps every word on the small DLT label too', async () => {
    const labels = labelsOf('2010-08-03', 'billrun').slice(1, 2);
    const text = await pdfText(work.file('dlt.pdf', await renderLabels(labels, { format: 'pdf', stockId: 'dlt-cartridge' })));
    for (const words of ['100803D', 'CONSOLIDATED_BACKUP_TO_TAPE #1', 'Aug. 3, 2010 (2010-08-03)', 'volume 00803D', 'tape 2', 'No return date']) {
      expect(text).toContain(words);
    }
  });

  it('prints the serial and media ID on a cartridge label', async () => {
    const result = cartridgeLabels('MF0001', 'MF0003', { firstSerial: 'MF0001', mediaId: 'D', checkCharacter: false });
    if (!result.ok) throw new Error(result.problem);
    const text = await pdfText(work.file('cartridges.pdf', await renderCartridgeLabels(result.labels, { format: 'pdf' })));
    expect(text).toContain('MF0001D');
    expect(text).toContain('MF0003D');
  });
});

describe('pages at true size', () => {
  it('a sheet stock prints on its page, as many pages as it takes', async () => {
    const eleven = [...labelsOf('2010-08-03', 'all'), ...labelsOf('2010-08-09', 'billrun')];
    expect(await pdfPages(work.file('letter.pdf', await renderLabels(eleven, { format: 'pdf' })))).toEqual({
      pages: 2,
      widthPt: 8.5 * POINTS_PER_INCH,
      heightPt: 11 * POINTS_PER_INCH,
    });
    const a4 = await pdfPages(work.file('a4.pdf', await renderLabels(eleven, { format: 'pdf', stockId: 'avery-l7165' })));
    expect(a4.pages).toBe(2);
    expect(a4.widthPt).toBeCloseTo(210 * POINTS_PER_MM, 1);
    expect(a4.heightPt).toBeCloseTo(297 * POINTS_PER_MM, 1);
  });

  it('a single label or a roll prints one label per page the size of the label', async () => {
    const labels = labelsOf('2010-08-03', 'all');
    const dlt = await pdfPages(work.file('dlt-size.pdf', await renderLabels(labels, { format: 'pdf', stockId: 'dlt-cartridge' })));
    expect(dlt.pages).toBe(6);
    expect(dlt.widthPt).toBeCloseTo(74 * POINTS_PER_MM, 1);
    expect(dlt.heightPt).toBeCloseTo(21 * POINTS_PER_MM, 1);
    expect(await pdfPages(work.file('roll.pdf', await renderLabels(labels, { format: 'pdf', stockId: 'zebra-4x2-203' })))).toEqual({
      pages: 6,
      widthPt: 4 * POINTS_PER_INCH,
      heightPt: 2 * POINTS_PER_INCH,
    });
  });

  it('refuses an unknown stock and an empty set, saying which stocks there are', async () => {
    const labels = labelsOf('2010-08-03', 'billrun');
    await expect(renderLabels(labels, { format: 'pdf', stockId: 'avery-9999' })).rejects.toThrow(
      'There is no label stock "avery-9999"; the stocks are avery-5163, avery-l7165, zebra-4x2-203, dlt-cartridge, dlt-cartridge-letter.',
    );
    await expect(renderLabels([], { format: 'pdf' })).rejects.toBeInstanceOf(LabelRenderError);
  });
});
