/**
 * `tapeops labels --date 2010-08-03 --format pdf --out FILE` as a whole process, spawn to exit,
 * against `node -e` writing one plain pdfkit page of the same words (the six labels' codes, jobs,
 * dates, sets and retention, in the same Helvetica) to a file. The difference is what the CLI adds
 * around pdfkit: its own code, the site profile read and checked, the barcodes and the layout.
 * Goal: labels ÷ baseline ≤ 2.
 *
 * The CLI runs as it does by default (its bundle, built before any run) and through tsx
 * (TAPEOPS_CLI=tsx) in the same runs; with BENCH_BEFORE_CHECKOUT=DIR also as that checkout runs.
 * One warm-up each, then interleaved runs. Then one more run of each with the modules it loads
 * recorded (./record-modules.mjs): `labels` should load neither ssh2 nor better-sqlite3 nor the
 * simulator.
 *
 *   npx tsx test/bench/labels-process.ts
 *
 * BENCH_LABELS_RUNS (default 9) changes the number of measured runs of each.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setLabels } from '../../shared/tapes/set-labels';
import { defaultSiteFile } from '../../src-main/app/paths';
import { loadSiteProfile } from '../../src-main/site/load-site-profile';
import { modulesLoadedBy, runCli, runNode, type HeavyModules, type ProcessRun } from './cli-process';
import { cliModes, ensureCliBundle, envCount, isMain, median, ms, projectRoot, withoutRebuild, type CliMode } from './support';

const DATE = '2010-08-03';

export type LabelsSubject = `labels (${CliMode})` | 'node -e pdfkit';

export interface LabelsRun {
  subject: LabelsSubject;
  warmUp: boolean;
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

export interface LabelsResult {
  what: string;
  runs: LabelsRun[];
  measuredRunsEach: number;
  medianWallMs: Partial<Record<LabelsSubject, number>>;
  medianCpuMs: Partial<Record<LabelsSubject, number>>;
  /** median labels (bundle) ÷ median baseline, wall time; the goal is ≤ 2. */
  ratio: number;
  ratios: Partial<Record<LabelsSubject, number>>;
  goal: number;
  /** What one run of `labels` loaded, per way of running the CLI. */
  modules: Partial<Record<CliMode, { modules: number; heavy: HeavyModules }>>;
}

/** The words of the six labels of the Bill Run day, one line each, as the baseline writes them. */
function labelWords(): { text: string; bold: boolean; size: number; gapAfter: boolean }[] {
  const loaded = loadSiteProfile(defaultSiteFile);
  if (!loaded.ok) throw new Error(`the default site profile does not load:\n${loaded.problems.join('\n')}`);
  const result = setLabels(loaded.profile, DATE, 'all');
  if (!result.ok) throw new Error(result.problem);
  return result.labels.flatMap((label) => [
    { text: label.code, bold: true, size: 22, gapAfter: false },
    { text: label.jobName, bold: true, size: 10, gapAfter: false },
    { text: `Runs ${label.runDateText} (${label.runDate})`, bold: false, size: 10, gapAfter: false },
    { text: label.setText, bold: false, size: 10, gapAfter: false },
    { text: label.retention.text, bold: true, size: 10, gapAfter: true },
  ]);
}

/** The baseline process: pdfkit, one Letter page of the lines given as JSON, written to the file named. */
const BASELINE_SCRIPT = `
import PDFDocument from 'pdfkit';
import { writeFileSync } from 'node:fs';
const [out, json] = process.argv.slice(1);
const doc = new PDFDocument({ size: 'LETTER', margin: 36 });
const chunks = [];
doc.on('data', (chunk) => chunks.push(chunk));
doc.on('end', () => writeFileSync(out, Buffer.concat(chunks)));
for (const line of JSON.parse(json)) {
  doc.font(line.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(line.size).text(line.text);
  if (line.gapAfter) doc.moveDown();
}
doc.end();
`;

export async function benchLabelsProcess(measured = envCount('BENCH_LABELS_RUNS', 9)): Promise<LabelsResult> {
  await ensureCliBundle();
  const words = JSON.stringify(labelWords());
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-bench-labels-'));
  const modes = cliModes();
  const subjects: LabelsSubject[] = [...modes.map((mode) => `labels (${mode})` as const), 'node -e pdfkit'];
  const runs: LabelsRun[] = [];
  try {
    const measureOnce = async (subject: LabelsSubject, warmUp: boolean): Promise<LabelsRun> => {
      const out = join(dir, `${subject.replace(/\W+/g, '-')}.pdf`);
      rmSync(out, { force: true });
      let run: ProcessRun;
      if (subject === 'node -e pdfkit') {
        run = await runNode(['--input-type=module', '-e', BASELINE_SCRIPT, out, words], { cwd: projectRoot });
      } else {
        const mode = /\((\w+)\)/.exec(subject)![1] as CliMode;
        const args = ['labels', '--date', DATE, '--format', 'pdf', '--out', out];
        run = mode === 'bundle' ? await withoutRebuild(() => runCli(mode, args)) : await runCli(mode, args);
      }
      return { subject, warmUp, wallMs: run.wallMs, cpuMs: run.cpuMs, bytes: statSync(out).size };
    };
    const record = (run: LabelsRun, label: string) => {
      runs.push(run);
      console.log(`  ${label.padEnd(8)} ${run.subject.padEnd(16)} ${ms(run.wallMs).padStart(8)}   cpu ${ms(run.cpuMs).padStart(8)}   ${run.bytes} bytes`);
    };
    for (const subject of subjects) record(await measureOnce(subject, true), 'warm-up');
    for (let i = 1; i <= measured; i += 1) {
      for (const subject of subjects) record(await measureOnce(subject, false), `run ${i}`);
    }

    const modules: LabelsResult['modules'] = {};
    for (const mode of modes) {
      const out = join(dir, `modules-${mode}.pdf`);
      const args = ['labels', '--date', DATE, '--format', 'pdf', '--out', out];
      modules[mode] = mode === 'bundle' ? await withoutRebuild(() => modulesLoadedBy(mode, args)) : await modulesLoadedBy(mode, args);
    }

    const medianOf = (subject: LabelsSubject, pick: (run: LabelsRun) => number) => median(runs.filter((run) => run.subject === subject && !run.warmUp).map(pick));
    const medianWallMs = Object.fromEntries(subjects.map((s) => [s, medianOf(s, (r) => r.wallMs)])) as Record<LabelsSubject, number>;
    const medianCpuMs = Object.fromEntries(subjects.map((s) => [s, medianOf(s, (r) => r.cpuMs)])) as Record<LabelsSubject, number>;
    const baseline = medianWallMs['node -e pdfkit'];
    const ratios = Object.fromEntries(subjects.filter((s) => s !== 'node -e pdfkit').map((s) => [s, medianWallMs[s] / baseline])) as Record<LabelsSubject, number>;
    return {
      what: `\`node bin/tapeops.js labels --date ${DATE} --format pdf --out FILE\` spawn → exit, vs \`node -e\` writing the same words on one plain pdfkit page to a file`,
      runs,
      measuredRunsEach: measured,
      medianWallMs,
      medianCpuMs,
      ratio: ratios['labels (bundle)'] ?? Number.NaN,
      ratios,
      goal: 2,
      modules,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** "ssh2, better-sqlite3, the simulator" loaded, or "none of ssh2, better-sqlite3, the simulator". */
export function heavyText(heavy: HeavyModules): string {
  const names: [keyof HeavyModules, string][] = [
    ['ssh2', 'ssh2'],
    ['betterSqlite3', 'better-sqlite3'],
    ['simulator', 'the simulator'],
  ];
  const loaded = names.filter(([key]) => heavy[key]).map(([, name]) => name);
  return loaded.length === 0 ? 'none of ssh2, better-sqlite3, the simulator' : loaded.join(', ');
}

export function printLabelsProcess(result: LabelsResult): void {
  for (const subject of Object.keys(result.medianWallMs) as LabelsSubject[]) {
    const ratio = result.ratios[subject];
    console.log(
      `  median   ${subject.padEnd(16)} ${ms(result.medianWallMs[subject]!).padStart(8)}   cpu ${ms(result.medianCpuMs[subject]!).padStart(8)}` +
        (ratio === undefined ? '' : `   ÷ baseline ${ratio.toFixed(2)}×`),
    );
  }
  console.log(`  ratio labels (bundle) / node -e pdfkit: ${result.ratio.toFixed(2)}× (goal ≤ ${result.goal})`);
  for (const [mode, loads] of Object.entries(result.modules)) {
    console.log(`  labels (${mode}) loaded ${loads.modules} module files: ${heavyText(loads.heavy)}`);
  }
}

if (isMain(import.meta.url)) {
  console.log('Labels: `tapeops labels … --format pdf` as a whole process');
  printLabelsProcess(await benchLabelsProcess());
}
