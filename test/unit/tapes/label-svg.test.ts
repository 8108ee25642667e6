/** One label as SVG: true size in millimetres, escaped text, a barcode on white with its quiet zones. */
import { describe, expect, it } from 'vitest';
import { setLabels, type SetLabel } from '../../../shared/tapes/set-labels';
import { QUIET_ZONE_MODULES, barcodePattern } from '../../../src-main/labels/barcode';
import { renderLabels } from '../../../src-main/labels';
import { escapeXml } from '../../../src-main/labels/label-svg';
import { microfinancial } from '../calendar/site-profile';

function first(): SetLabel {
  const result = setLabels(microfinancial(), '2010-08-03', 'billrun');
  if (!result.ok || result.labels[0] === undefined) throw new Error('no labels');
  return result.labels[0];
}

describe('label SVG', () => {
  it("is drawn at the stock's true size, one SVG unit to the millimetre", async () => {
    const [svg] = await renderLabels([first()], { format: 'svg' });
    expect(svg).toContain('width="101.6mm" height="50.8mm" viewBox="0 0 101.6 50.8"');
    const [dlt] = await renderLabels([first()], { format: 'svg', stockId: 'dlt-cartridge' });
    expect(dlt).toContain('width="74mm" height="21mm" viewBox="0 0 74 21"');
  });

  it('escapes the text it prints', async () => {
    expect(escapeXml(`A&B <C> "D" 'E'`)).toBe('A&#38;B &#60;C&#62; &#34;D&#34; &#39;E&#39;');
    const [svg] = await renderLabels([{ ...first(), jobName: 'R&D <TEST>' }], { format: 'svg' });
    expect(svg).toContain('>R&#38;D &#60;TEST&#62;</text>');
    expect(svg).not.toContain('<TEST>');
  });

  it('puts the barcode on a white ground, never on transparency', async () => {
    const [svg] = await renderLabels([first()], { format: 'svg' });
    expect(svg).toMatch(/<g shape-rendering="crispEdges"><rect [^>]*fill="#fff"\/><path d="M[^"]+" fill="#000"\/><\/g>/);
  });
});

describe('barcodePattern', () => {
  it('keeps ten modules of quiet zone either side', () => {
    for (const [text, symbology] of [
      ['100803P', 'code128'],
      ['DAILY 3', 'code128'],
      ['MF0001D', 'code39'],
    ] as const) {
      const pattern = barcodePattern(text, symbology);
      const firstBar = pattern.bars[0];
      const lastBar = pattern.bars.at(-1);
      expect(firstBar?.x).toBe(QUIET_ZONE_MODULES);
      expect(lastBar && pattern.modules - (lastBar.x + lastBar.width)).toBe(QUIET_ZONE_MODULES);
    }
  });

  it('has the widths Code 128 gives: 11 modules a character, 13 for the stop', () => {
    // start B + 7 characters + check + stop = 9 x 11 + 13 = 112, plus the quiet zones
    expect(barcodePattern('DAILY 3', 'code128').modules).toBe(112 + 2 * QUIET_ZONE_MODULES);
    // 100803 packs into three pairs of digits in subset C: start C, 3 pairs, code B, P, check, stop = 7 x 11 + 13
    expect(barcodePattern('100803P', 'code128').modules).toBe(90 + 2 * QUIET_ZONE_MODULES);
  });

  it('refuses text its symbology cannot carry', () => {
    expect(() => barcodePattern('daily 3', 'code39')).toThrow(
      '"daily 3" cannot go in a Code 39 barcode: it takes A-Z, 0-9, space and - . $ / + % only, not "d", "a", "i", "l", "y".',
    );
    expect(() => barcodePattern('MF*001', 'code39')).toThrow('not "*"');
    expect(() => barcodePattern('Sauvegarde é', 'code128')).toThrow('Code 128 labels take printable ASCII characters only');
  });
});
