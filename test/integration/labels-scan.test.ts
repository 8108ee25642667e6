/**
 * Labels printed, then read back the way the operator's scanner would: each output rendered with
 * real tools (pdftoppm at 300 dpi, resvg, a ZPL renderer) and decoded with zbarimg. What the
 * scanner reads must be the plan's code exactly, "DAILY 3" with its space.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cartridgeLabels, type CartridgeLabel } from '../../shared/tapes/cartridge-serials';
import { renderCartridgeLabels, renderLabels } from '../../src-main/labels';
import { labelsOf, requireTools, scan, scanPdf, svgPng, Workdir, zplPngs } from './labels-tools';

let work: Workdir;
beforeAll(() => {
  requireTools();
  work = new Workdir();
});
afterAll(() => work?.remove());

function cartridges(checkCharacter: boolean): CartridgeLabel[] {
  const result = cartridgeLabels('MF0001', 'MF0003', { firstSerial: 'MF0001', mediaId: 'D', checkCharacter });
  if (!result.ok) throw new Error(result.problem);
  return result.labels;
}

// The Bill Run day of the plan's example, and the days after it: DAILY 1 to DAILY 5.
const billRunDay = () => labelsOf('2010-08-03', 'all');
const dailies = () => ['2010-08-03', '2010-08-04', '2010-08-05', '2010-08-06', '2010-08-07'].flatMap((date) => labelsOf(date, 'daily'));

describe('set labels printed to PDF scan as their codes', () => {
  const codes = ['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1', 'DAILY 2', 'DAILY 3', 'DAILY 4', 'DAILY 5'];

  it('each label of 2010-08-03 and each of DAILY 1 to DAILY 5, printed alone on the default sheet', async () => {
    const labels = [...billRunDay().filter((label) => label.kind === 'billrun'), ...dailies()];
    expect(labels.map((label) => label.code)).toEqual(codes);
    for (const label of labels) {
      const pdf = work.file(`${label.code.replace(' ', '-')}.pdf`, await renderLabels([label], { format: 'pdf' }));
      expect(await scanPdf(pdf), label.code).toEqual([[label.code]]);
    }
  }, 60_000);

  it.each(['avery-5163', 'avery-l7165', 'dlt-cartridge', 'zebra-4x2-203'])(
    'the whole Bill Run day on %s',
    async (stockId) => {
      const labels = billRunDay();
      const pdf = work.file(`${stockId}.pdf`, await renderLabels(labels, { format: 'pdf', stockId }));
      const pages = await scanPdf(pdf);
      // a sheet holds them all on one page, a single label or a roll has a page each
      const read = pages.flat();
      expect(read.sort()).toEqual(['100803D', '100803E', '100803F', '100803G', '100803P', 'DAILY 1']);
      if (stockId.startsWith('avery')) expect(pages).toHaveLength(1);
      else expect(pages.map((page) => page.length)).toEqual([1, 1, 1, 1, 1, 1]);
    },
    60_000,
  );

  it('in Code 39 when the profile asks for it, the space of DAILY 3 included', async () => {
    const labels = [...labelsOf('2010-08-09', 'billrun').slice(0, 1), ...labelsOf('2010-08-05', 'daily')];
    const pdf = work.file('code39.pdf', await renderLabels(labels, { format: 'pdf', stockId: 'dlt-cartridge', symbology: 'code39' }));
    expect(await scanPdf(pdf)).toEqual([['100809P'], ['DAILY 3']]);
  }, 30_000);
});

describe('cartridge labels scan as serial and media ID', () => {
  it('MF0001 to MF0003 on the cutting sheet', async () => {
    const pdf = work.file('cartridges.pdf', await renderCartridgeLabels(cartridges(false), { format: 'pdf' }));
    const [page, ...more] = await scanPdf(pdf);
    expect(more).toEqual([]);
    expect(page?.sort()).toEqual(['MF0001D', 'MF0002D', 'MF0003D']);
  }, 30_000);

  it('with the Mod 43 check character when the site turns it on', async () => {
    const pdf = work.file('cartridges-check.pdf', await renderCartridgeLabels(cartridges(true), { format: 'pdf', stockId: 'dlt-cartridge' }));
    // M=22 F=15 1 D=13: 51 mod 43 = 8; then 9 and A (10) for MF0002D and MF0003D
    expect(await scanPdf(pdf)).toEqual([['MF0001D8'], ['MF0002D9'], ['MF0003DA']]);
  }, 30_000);
});

describe('PNG, SVG and ZPL outputs scan too', () => {
  it('PNG, one per label, straight from the renderer', async () => {
    const labels = [...billRunDay(), ...dailies().slice(1)];
    const pngs = await renderLabels(labels, { format: 'png' });
    const read = await Promise.all(pngs.map((png, index) => scan(work.file(`label-${index}.png`, png))));
    expect(read).toEqual(labels.map((label) => [label.code]));
    const cartridgePngs = await renderCartridgeLabels(cartridges(true), { format: 'png', stockId: 'dlt-cartridge' });
    expect(await Promise.all(cartridgePngs.map((png, index) => scan(work.file(`cartridge-${index}.png`, png))))).toEqual([['MF0001D8'], ['MF0002D9'], ['MF0003DA']]);
  }, 60_000);

  it('SVG, rasterised by resvg', async () => {
    const labels = billRunDay();
    const svgs = await renderLabels(labels, { format: 'svg', stockId: 'dlt-cartridge' });
    const read = await Promise.all(svgs.map((svg, index) => scan(work.file(`svg-${index}.png`, svgPng(svg)))));
    expect(read).toEqual(labels.map((label) => [label.code]));
    const [cartridge] = await renderCartridgeLabels(cartridges(false), { format: 'svg', stockId: 'dlt-cartridge' });
    expect(await scan(work.file('cartridge-svg.png', svgPng(cartridge ?? '')))).toEqual(['MF0001D']);
  }, 60_000);

  it('ZPL, rendered as a 203 dpi Zebra would print it', async () => {
    const labels = [...billRunDay(), ...dailies().slice(1)];
    const zpl = await renderLabels(labels, { format: 'zpl' });
    const pngs = await zplPngs(zpl, 101.6, 50.8);
    const read = await Promise.all(pngs.map((png, index) => scan(work.file(`zpl-${index}.png`, png))));
    expect(read).toEqual(labels.map((label) => [label.code]));
  }, 60_000);

  it('ZPL in Code 39, and cartridge labels on a DLT-sized label', async () => {
    const daily = labelsOf('2010-08-05', 'daily');
    const code39 = await renderLabels(daily, { format: 'zpl', symbology: 'code39' });
    expect(await Promise.all((await zplPngs(code39, 101.6, 50.8)).map((png) => scan(work.file('zpl39.png', png))))).toEqual([['DAILY 3']]);
    const zpl = await renderCartridgeLabels(cartridges(true), { format: 'zpl', stockId: 'dlt-cartridge' });
    const pngs = await zplPngs(zpl, 74, 21);
    expect(await Promise.all(pngs.map((png, index) => scan(work.file(`zpl-cartridge-${index}.png`, png))))).toEqual([['MF0001D8'], ['MF0002D9'], ['MF0003DA']]);
  }, 60_000);
});
