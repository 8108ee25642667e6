/**
 * Printing the Bill Run sheet: the labels of 2010-08-03 (five Bill Run tapes and the DAILY tape)
 * rendered to one Avery 5163 PDF, against a baseline in the same process: a plain one-page
 * pdfkit PDF of the same text in the same fonts, with no barcodes and no layout. The difference
 * is what the labels add (bwip-js encoding, layout, the bars as vector rectangles).
 * Warm renders only: the first ones, which load fonts and compile code, are not counted.
 *
 *   npx tsx test/bench/label-pdf.ts
 *
 * BENCH_LABEL_RUNS (default 20) and BENCH_LABEL_WARMUP (default 3) change the run.
 */
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { setLabels, type SetLabel } from '../../shared/tapes/set-labels';
import { defaultSiteFile } from '../../src-main/app/paths';
import { renderLabels } from '../../src-main/labels';
import { loadSiteProfile } from '../../src-main/site/load-site-profile';
import { envCount, isMain, median } from './support';

const DATE = '2010-08-03';

export interface LabelPdfBench {
  what: string;
  runs: number;
  warmUp: number;
  labels: number;
  medianMs: { labels: number; baseline: number };
  bytes: { labels: number; baseline: number };
  /** median labels / median baseline. */
  ratio: number;
}

function billRunSheet(): SetLabel[] {
  const loaded = loadSiteProfile(defaultSiteFile);
  if (!loaded.ok) throw new Error(`the default site profile does not load:\n${loaded.problems.join('\n')}`);
  const result = setLabels(loaded.profile, DATE, 'all');
  if (!result.ok) throw new Error(result.problem);
  return result.labels;
}

/** The labels' words, one line each, on a Letter page: what a PDF without the labels costs. */
function plainPdf(labels: readonly SetLabel[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 36 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const label of labels) {
    doc.font('Helvetica-Bold').fontSize(22).text(label.code);
    doc.fontSize(10).text(label.jobName);
    doc.font('Helvetica').text(`Runs ${label.runDateText} (${label.runDate})`).text(label.setText);
    doc.font('Helvetica-Bold').text(label.retention.text).moveDown();
  }
  doc.end();
  return done;
}

async function timed(render: () => Promise<Buffer>, runs: number, warmUp: number): Promise<{ samples: number[]; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < warmUp; i += 1) bytes = (await render()).length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    bytes = (await render()).length;
    samples.push(performance.now() - start);
  }
  return { samples, bytes };
}

export async function benchLabelPdf(runs = envCount('BENCH_LABEL_RUNS', 20), warmUp = envCount('BENCH_LABEL_WARMUP', 3)): Promise<LabelPdfBench> {
  const labels = billRunSheet();
  const sheet = await timed(() => renderLabels(labels, { format: 'pdf' }), runs, warmUp);
  const baseline = await timed(() => plainPdf(labels), runs, warmUp);
  const medianMs = { labels: median(sheet.samples), baseline: median(baseline.samples) };
  return {
    what: `the ${labels.length} labels of ${DATE} on one Avery 5163 sheet → PDF (pdfkit), vs the same words in a plain one-page pdfkit PDF`,
    runs,
    warmUp,
    labels: labels.length,
    medianMs,
    bytes: { labels: sheet.bytes, baseline: baseline.bytes },
    ratio: medianMs.labels / medianMs.baseline,
  };
}

export function printLabelPdf(result: LabelPdfBench): void {
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(`  ${result.what}`);
  console.log(`  Bill Run sheet PDF   median ${ms(result.medianMs.labels).padStart(9)}   ${result.bytes.labels} bytes   (n=${result.runs}, ${result.warmUp} warm-up)`);
  console.log(`  plain pdfkit page    median ${ms(result.medianMs.baseline).padStart(9)}   ${result.bytes.baseline} bytes`);
  console.log(`  ratio sheet / plain: ${result.ratio.toFixed(2)}×`);
}

if (isMain(import.meta.url)) {
  console.log('Label PDF: the Bill Run sheet');
  printLabelPdf(await benchLabelPdf());
}
