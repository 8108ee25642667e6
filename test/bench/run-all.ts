/**
 * `npm run bench`: the console's start-up time and idle memory, each against a bare Vite + React
 * baseline measured in the same process, printed as a table and written to .reports/bench.json.
 * Figures and ratios only: nothing here passes or fails on time.
 *
 *   npx tsx test/bench/run-all.ts
 *
 * BENCH_STARTUP_RUNS (default 5), BENCH_MEMORY_RUNS (default 3), BENCH_IDLE_MS (default 3000)
 * change the number of runs and the idle wait.
 * Then host-link round trips against OpenSSH's ssh with a ControlMaster (./host-link-round-trips;
 * BENCH_LINK_ROUND_TRIPS, BENCH_LINK_WARMUP, BENCH_LINK_BUDGET_S).
 * Then the Bill Run label sheet to PDF against a plain pdfkit page (./label-pdf; BENCH_LABEL_RUNS).
 * Then the CLI as whole processes: the console's warm start to server ready against a bare Node
 * HTTP server (./console-ready; BENCH_READY_RUNS), and `tapeops labels --format pdf` against a
 * `node -e` pdfkit page with the same words, with the modules it loads (./labels-process;
 * BENCH_LABELS_RUNS). BENCH_BEFORE_CHECKOUT=DIR adds, to both, the CLI of another checkout (the
 * code before a change) beside this tree's bundle and this tree through tsx.
 * Last the audit log: a request's audit work with 1,000,000 records against none, and the CSV
 * export against `sqlite3 -csv` of the same table with its peak memory (./audit-log;
 * BENCH_AUDIT_RECORDS, BENCH_AUDIT_REQUESTS, BENCH_AUDIT_EXPORT_RUNS).
 * Then the batch log parser on a large log against splitting it into lines and one message regex
 * per line (./log-parse; BENCH_LOG_MESSAGES, BENCH_LOG_RUNS).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchMemory, printMemory } from './console-memory';
import { benchStartup, printStartup } from './console-startup';
import { rtMs, runHostLinkRoundTrips } from './host-link-round-trips';
import { benchLabelPdf, printLabelPdf } from './label-pdf';
import { benchConsoleReady, printConsoleReady, type ReadySubject } from './console-ready';
import { benchLabelsProcess, heavyText, printLabelsProcess, type LabelsSubject } from './labels-process';
import { benchAuditLog, printAuditLog } from './audit-log';
import { benchLogParse, printLogParse } from './log-parse';
import { buildBareApp, ensureConsoleRendererBuilt, launchChromium, mb, ms, projectRoot } from './support';
import { chromiumPath } from '../support/chromium';

const began = performance.now();
const loadBefore = loadavg();

ensureConsoleRendererBuilt();
console.log('Building the bare React baseline with vite…');
const bare = await buildBareApp();
const browser = await launchChromium();

try {
  console.log('\nStart-up: spawn → screen drawn in Chromium');
  console.log('  (one Chromium launched for all runs, so browser start-up is not in the figures;');
  console.log('   each run has a fresh browser context, made before the spawn)');
  const startup = await benchStartup(browser, bare.dir);
  printStartup(startup);

  console.log('\nIdle memory: VmRSS of the server process after serving one page, then idle');
  const memory = await benchMemory(browser, bare.dir);
  printMemory(memory);

  const hostLink = await runHostLinkRoundTrips();

  console.log('\nLabel PDF: the Bill Run sheet, warm renders');
  const labelPdf = await benchLabelPdf();
  printLabelPdf(labelPdf);

  console.log('\nConsole ready: spawn → URL printed, warm (bundle built, one warm-up each)');
  const consoleReady = await benchConsoleReady();
  printConsoleReady(consoleReady);

  console.log('\nLabels: `tapeops labels --date 2010-08-03 --format pdf` as a whole process');
  const labelsProcess = await benchLabelsProcess();
  printLabelsProcess(labelsProcess);

  console.log('\nAudit log: a request with 1,000,000 records ÷ with none; the CSV export ÷ sqlite3 -csv');
  const auditLog = await benchAuditLog();
  printAuditLog(auditLog);

  console.log('\nBatch log parser: parseBatchLog on a 100,000-message log ÷ splitting it and matching each line against the message form');
  const logParse = benchLogParse();
  printLogParse(logParse);

  const rows: [string, string, string, string][] = [
    ['start-up, spawn → drawn (median)', ms(startup.medianMs.console), ms(startup.medianMs.bare), `${startup.ratio.toFixed(2)}×`],
    [
      '  of which server ready (median)',
      ms(startup.medianServerReadyMs.console),
      ms(startup.medianServerReadyMs.bare),
      `${(startup.medianServerReadyMs.console / startup.medianServerReadyMs.bare).toFixed(2)}×`,
    ],
    [`idle VmRSS after ${memory.idleMs / 1000} s`, mb(memory.medianRssMb.console), mb(memory.medianRssMb.bare), `${memory.ratio.toFixed(2)}×`],
    [
      '  peak VmHWM',
      mb(memory.medianPeakRssMb.console),
      mb(memory.medianPeakRssMb.bare),
      `${(memory.medianPeakRssMb.console / memory.medianPeakRssMb.bare).toFixed(2)}×`,
    ],
    // console = the host link's one session; baseline = ssh through a ControlMaster (1/N: ssh is N× slower)
    [
      `SHOW QUEUE/FULL round trip, host link | ssh ControlMaster (median, n=${hostLink.hostLink.count}|${hostLink.sshControlMaster.count})`,
      rtMs(hostLink.hostLink.medianMs),
      rtMs(hostLink.sshControlMaster.medianMs),
      `1/${hostLink.ratioSshToHostLink.toFixed(1)}×`,
    ],
    ['  p90', rtMs(hostLink.hostLink.p90Ms), rtMs(hostLink.sshControlMaster.p90Ms), `1/${(hostLink.sshControlMaster.p90Ms / hostLink.hostLink.p90Ms).toFixed(1)}×`],
    ['  ssh ControlMaster, /bin/true without ForceCommand (median)', '', rtMs(hostLink.sshTransportOnly.medianMs), ''],
    // console = the labels sheet; baseline = the same words on a plain pdfkit page
    [
      `Bill Run label sheet → PDF | plain pdfkit page (median, n=${labelPdf.runs})`,
      `${labelPdf.medianMs.labels.toFixed(2)} ms`,
      `${labelPdf.medianMs.baseline.toFixed(2)} ms`,
      `${labelPdf.ratio.toFixed(2)}×`,
    ],
    // console = the CLI from its bundle; baseline = a bare node:http server of the same page, also esbuild-compiled
    [
      `console start → server ready | bare node:http server (median, n=${consoleReady.measuredRunsEach}; goal ≤ ${consoleReady.goal})`,
      ms(consoleReady.medianReadyMs['console (bundle)']!),
      ms(consoleReady.medianReadyMs.bare!),
      `${consoleReady.ratio.toFixed(2)}×`,
    ],
    ...otherModes(consoleReady.medianReadyMs, consoleReady.ratios, 'console'),
    [
      '  bundle, on a data dir kept from an earlier start (no host keys to make)',
      ms(consoleReady.medianReadyMs['console (bundle, kept data dir)']!),
      '',
      `${consoleReady.ratios['console (bundle, kept data dir)']!.toFixed(2)}×`,
    ],
    [
      '  CPU time to ready',
      ms(consoleReady.medianCpuMs['console (bundle)']!),
      ms(consoleReady.medianCpuMs.bare!),
      `${(consoleReady.medianCpuMs['console (bundle)']! / consoleReady.medianCpuMs.bare!).toFixed(2)}×`,
    ],
    // console = `tapeops labels` from its bundle; baseline = node -e writing the same words with pdfkit
    [
      `tapeops labels → PDF, whole process | node -e pdfkit page (median, n=${labelsProcess.measuredRunsEach}; goal ≤ ${labelsProcess.goal})`,
      ms(labelsProcess.medianWallMs['labels (bundle)']!),
      ms(labelsProcess.medianWallMs['node -e pdfkit']!),
      `${labelsProcess.ratio.toFixed(2)}×`,
    ],
    ...otherModes(labelsProcess.medianWallMs, labelsProcess.ratios, 'labels'),
    [
      '  CPU time',
      ms(labelsProcess.medianCpuMs['labels (bundle)']!),
      ms(labelsProcess.medianCpuMs['node -e pdfkit']!),
      `${(labelsProcess.medianCpuMs['labels (bundle)']! / labelsProcess.medianCpuMs['node -e pdfkit']!).toFixed(2)}×`,
    ],
    ...Object.entries(labelsProcess.modules).map(([mode, loads]): [string, string, string, string] => [`  labels (${mode}) loads ${heavyText(loads.heavy)}`, '', '', '']),
    // console = the same request's audit work with 1,000,000 records; baseline = with none
    [
      `a request's audit work, 1,000,000 records | none (median, n=${auditLog.request.runs}; goal ≤ 1.2)`,
      `${auditLog.request.medianMs.full.toFixed(3)} ms`,
      `${auditLog.request.medianMs.empty.toFixed(3)} ms`,
      `${auditLog.request.ratio.toFixed(2)}×`,
    ],
    // console = parseBatchLog; baseline = splitLines + one message regex per line, same text
    [
      `batch log parse, ${logParse.messages} messages | split + message regex (median, n=${logParse.runs})`,
      ms(logParse.medianMs.parser),
      ms(logParse.medianMs.baseline),
      `${logParse.ratio.toFixed(2)}×`,
    ],
    // console = writeAuditCsv to a file; baseline = sqlite3 -csv of the same table to a file
    [
      `audit CSV export, 1,000,000 records | sqlite3 -csv (median, n=${auditLog.export.runs}; goal ≤ 3)`,
      ms(auditLog.export.medianMs.console),
      ms(auditLog.export.medianMs.sqlite3),
      `${auditLog.export.ratio.toFixed(2)}×`,
    ],
    ['  peak VmHWM of the exporting process (goal under 200 MB)', mb(auditLog.export.peakMb.export), '', ''],
  ];
  const header: [string, string, string, string] = ['', 'console', 'bare baseline', 'console/bare'];
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);

  const elapsedS = (performance.now() - began) / 1000;
  const report = {
    generatedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg(), chromium: chromiumPath },
    notes: [
      'Chromium is launched once for all runs; browser start-up is not in the start-up figures.',
      'Each start-up run gets a fresh browser context, made before the server is spawned.',
      'The console runs from its esbuild bundle (dist/cli/, built before any run, never inside a figure); the bare baseline server is compiled by esbuild the same way, so neither pays tsx. The "tsx" rows run the same tree with TAPEOPS_CLI=tsx; "before" rows, when present, run the checkout named by BENCH_BEFORE_CHECKOUT.',
      'CPU times are read from /proc (user + system, 10 ms steps) and move less than wall times with the load of the machine.',
      'The renderer and the bare page are built before any measurement.',
      'Host-link rows: the console column is the host link (one shell session), the baseline is OpenSSH ssh through a ControlMaster socket, which starts a simulator process per command (see hostLinkRoundTrips.notes).',
    ],
    startup: {
      what: 'spawn of the server process → URL printed (serverReadyMs) → element visible in Chromium (totalMs)',
      measuredRunsEach: startup.measuredRunsEach,
      runs: startup.runs.map((run) => ({ ...run, serverReadyMs: round(run.serverReadyMs), totalMs: round(run.totalMs) })),
      medianMs: mapValues(startup.medianMs, round),
      medianServerReadyMs: mapValues(startup.medianServerReadyMs, round),
      ratioConsoleToBare: round(startup.ratio, 2),
    },
    memory: {
      what: 'VmRSS of the server process after serving one page and idling, from /proc/PID/status (MB = 1024 kB)',
      idleMs: memory.idleMs,
      samples: memory.samples.map((s) => ({ ...s, rssMb: round(s.rssMb, 1), peakRssMb: round(s.peakRssMb, 1) })),
      medianRssMb: mapValues(memory.medianRssMb, (v) => round(v, 1)),
      medianPeakRssMb: mapValues(memory.medianPeakRssMb, (v) => round(v, 1)),
      ratioConsoleToBare: round(memory.ratio, 2),
    },
    hostLinkRoundTrips: hostLink,
    labelPdf: { ...labelPdf, medianMs: mapValues(labelPdf.medianMs, (v) => round(v, 2)), ratio: round(labelPdf.ratio, 2) },
    consoleReady: {
      ...consoleReady,
      runs: consoleReady.runs.map((run) => ({ ...run, readyMs: round(run.readyMs) })),
      medianReadyMs: mapValues(consoleReady.medianReadyMs as Record<ReadySubject, number>, round),
      medianCpuMs: mapValues(consoleReady.medianCpuMs as Record<ReadySubject, number>, round),
      ratio: round(consoleReady.ratio, 2),
      ratios: mapValues(consoleReady.ratios as Record<ReadySubject, number>, (v) => round(v, 2)),
    },
    labelsProcess: {
      ...labelsProcess,
      runs: labelsProcess.runs.map((run) => ({ ...run, wallMs: round(run.wallMs) })),
      medianWallMs: mapValues(labelsProcess.medianWallMs as Record<LabelsSubject, number>, round),
      medianCpuMs: mapValues(labelsProcess.medianCpuMs as Record<LabelsSubject, number>, round),
      ratio: round(labelsProcess.ratio, 2),
      ratios: mapValues(labelsProcess.ratios as Record<LabelsSubject, number>, (v) => round(v, 2)),
    },
    auditLog,
    logParse: { ...logParse, medianMs: mapValues(logParse.medianMs, (v) => round(v, 1)), ratio: round(logParse.ratio, 2) },
    elapsedSeconds: round(elapsedS, 1),
  };
  const reportDir = join(projectRoot, '.reports');
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(join(reportDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote .reports/bench.json (${elapsedS.toFixed(1)} s in all)`);
} finally {
  await browser.close();
  bare.remove();
}

/** The rows of the ways of running the CLI other than its bundle (tsx; before, when measured), with their ratio to the baseline. */
function otherModes(medians: Partial<Record<string, number>>, ratios: Partial<Record<string, number>>, what: string): [string, string, string, string][] {
  return (['tsx', 'before'] as const)
    .filter((mode) => medians[`${what} (${mode})`] !== undefined)
    .map((mode) => [
      mode === 'tsx' ? '  the same tree through tsx (TAPEOPS_CLI=tsx)' : '  before: BENCH_BEFORE_CHECKOUT',
      ms(medians[`${what} (${mode})`]!),
      '',
      `${ratios[`${what} (${mode})`]!.toFixed(2)}×`,
    ]);
}

function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function mapValues<K extends string>(record: Record<K, number>, fn: (value: number) => number): Record<K, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value as number)])) as Record<K, number>;
}
