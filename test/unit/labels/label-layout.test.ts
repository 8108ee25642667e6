/**
 * Label text never runs into the next line: each line of a label is drawn as it prints (the SVG
 * rasterised by resvg with the system's DejaVu Sans, as the PNG and the browser's print use it) and
 * its rows of ink measured, so that the underscores of CONSOLIDATED_BACKUP_TO_TAPE are seen to stop
 * short of the date line's parentheses.
 */
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { LABEL_STOCKS } from '../../../shared/tapes/label-stocks';
import { setLabelDrawing } from '../../../src-main/labels/label-layout';
import type { LabelDrawing } from '../../../src-main/labels/label-drawing';
import { labelSvg } from '../../../src-main/labels/label-svg';
import { labelsOf } from '../../integration/labels-tools';

const DPI = 300;
const MM_PER_PX = 25.4 / DPI;
// clear paper a reader sees at arm's length between two lines of 3 mm text (0.4 mm looks touching)
const MIN_GAP_MM = 0.7;

/** Which rows of the label, rasterised as it prints, hold ink: one flag per row of DPI pixels. */
function inkRows(svg: string): boolean[] {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: DPI / 96 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  }).render();
  const { width, height, pixels } = image;
  return Array.from({ length: height }, (_, y) => {
    for (let x = 0; x < width; x++) if ((pixels[(y * width + x) * 4] ?? 255) < 160) return true;
    return false;
  });
}

/** The first and last rows with ink above a height (mm), in mm; undefined when none. */
function inkBox(rows: boolean[], aboveMm: number): { top: number; bottom: number } | undefined {
  let top: number | undefined;
  let bottom: number | undefined;
  for (let y = 0; y < Math.min(rows.length, Math.floor(aboveMm / MM_PER_PX)); y++) {
    if (!rows[y]) continue;
    top ??= y * MM_PER_PX;
    bottom = (y + 1) * MM_PER_PX;
  }
  return top === undefined || bottom === undefined ? undefined : { top, bottom };
}

/**
 * The clear space between each line and the next, each line rasterised alone so that its ink
 * (descenders, underscores, parentheses) is its own: from the lowest ink of a line to the highest
 * ink of the next.
 */
function gapsBetweenLines(drawing: LabelDrawing): number[] {
  const baselines = [...new Set(drawing.texts.map((text) => text.baselineMm))].sort((a, b) => a - b);
  const boxes = baselines.map((baseline) => {
    const alone = { ...drawing, texts: drawing.texts.filter((text) => text.baselineMm === baseline) };
    const box = inkBox(inkRows(labelSvg(alone, 'one line')), drawing.barcode.yMm);
    if (box === undefined) throw new Error(`no ink for the line at ${baseline} mm`);
    return box;
  });
  return boxes.slice(1).map((box, i) => box.top - (boxes[i]?.bottom ?? 0));
}

const labels = [...labelsOf('2010-08-03', 'billrun'), ...labelsOf('2010-08-04', 'daily')];

describe('the lines of a printed label', () => {
  for (const stock of LABEL_STOCKS) {
    it(`stand apart on ${stock.id}: ${MIN_GAP_MM} mm or more of clear paper between one line's ink and the next's`, () => {
      const measured = labels.map((label) => {
        const gaps = gapsBetweenLines(setLabelDrawing(label, stock.label, 'code128'));
        return { label: `${label.code} ${label.jobName}`, gaps: gaps.map((gap) => Math.round(gap * 100) / 100), least: Math.min(...gaps) };
      });
      const worst = measured.reduce((a, b) => (b.least < a.least ? b : a));
      expect(worst.least, `${worst.label}: ${worst.gaps.join(', ')} mm between its lines`).toBeGreaterThanOrEqual(MIN_GAP_MM);
    });
  }
});
