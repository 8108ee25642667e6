/**
 * The audit log at a million records, two figures each against a baseline run here and now:
 *
 * - A request's audit work (the Audit screen's latest 20, the label preview's "printed before?"
 *   for a day's codes, one record appended with a listener subscribed) on a log of 1,000,000
 *   records ÷ the same on an empty log: whether a request's time depends on the log's size.
 * - The CSV export of those records to a file (`writeAuditCsv`) ÷ `sqlite3 -csv` of the same
 *   table to a file, and the peak resident memory (VmHWM) of a child process that does only the
 *   export, beside the same child that only opens the store.
 *
 *   npx tsx test/bench/audit-log.ts
 *
 * BENCH_AUDIT_RECORDS (default 1000000), BENCH_AUDIT_REQUESTS (default 1000 on each log,
 * alternating, after 50 not counted), BENCH_AUDIT_EXPORT_RUNS (default 2 of each, after one of
 * each not counted) change the run. Needs the `sqlite3` command
 * (Debian package sqlite3).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { writeAuditCsv } from '../../src-main/reports/audit-csv';
import { openStore, type Store } from '../../src-main/store';
import { envCount, isMain, mb, median, projectRoot } from './support';

const LABEL_ACTIONS = ['labels.printed', 'labels.reprinted'];
/** The codes a day's label preview asks about (the set labels of one date). */
const PREVIEW_CODES = ['DAILY0', 'DAILY1', 'DAILY2', 'BR00', 'BR01', 'BR02'];
const WARM_UP = 50;

export interface AuditLogBench {
  what: { request: string; export: string };
  records: number;
  request: {
    runs: number;
    /** Median of one request's audit work, in ms. */
    medianMs: { full: number; empty: number };
    /** The parts' medians, in ms. */
    partsMedianMs: { full: RequestParts; empty: RequestParts };
    /** median full / median empty (goal ≤ 1.2). */
    ratio: number;
    /**
     * For comparison, the label preview's lookup as label-handlers writes it today (the latest 500
     * prints and 500 reprints, parsed and searched): what it costs until the caller switches to
     * `recordedCodes`.
     */
    listLookupMedianMs: { full: number; empty: number };
  };
  export: {
    runs: number;
    rows: number;
    bytes: { console: number; sqlite3: number };
    medianMs: { console: number; sqlite3: number };
    /** median console / median sqlite3 (goal ≤ 3). */
    ratio: number;
    /** CPU time (user + system), which a busy machine disturbs less than the wall clock. */
    medianCpuMs: { console: number; sqlite3: number };
    cpuRatio: number;
    /** VmHWM of a child that exports (goal under 200 MB), and of the same child that only opens the store. */
    peakMb: { export: number; openOnly: number };
    childExportMs: number;
  };
  fillMs: number;
}

interface RequestParts {
  list: number;
  lookup: number;
  append: number;
}

/**
 * A million records as the console writes them: sign-ins, procedure steps with a reason, and a
 * label print every twentieth, a record a minute from 2010 on. Generated in SQL in one
 * transaction, through the real triggers (so the codes index is filled as the console fills it).
 */
export function fillAuditLog(file: string, records: number): number {
  openStore(file).close();
  const db = new Database(file);
  try {
    const start = performance.now();
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @records)
       INSERT INTO audit_log (at, who, action, subject, details)
       SELECT strftime('%Y-%m-%dT%H:%M:%f', 1262332800 + i * 60, 'unixepoch') || '-05:00',
              CASE i % 4 WHEN 0 THEN 'JS' WHEN 1 THEN 'MAB' WHEN 2 THEN 'system' ELSE 'BM' END,
              CASE WHEN i % 20 = 0 THEN 'labels.printed' WHEN i % 5 = 1 THEN 'operator.sign-in' ELSE 'procedure.step' END,
              CASE WHEN i % 20 = 0 THEN 'DAILY' || (i % 3) || ' BR0' || (i % 3)
                   WHEN i % 5 = 1 THEN 'MAB'
                   ELSE 'bill-run ' || date(1262332800 + i * 60, 'unixepoch') || ' step ' || (i % 12) || ' install-tapes' END,
              CASE WHEN i % 20 = 0 THEN json_object('date', date(1262332800 + i * 60, 'unixepoch'), 'set', 'daily',
                                          'codes', json_array('DAILY' || (i % 3), 'BR0' || (i % 3)),
                                          'stock', 'avery-5163', 'printer', 'ZEBRA_ZT230', 'via', 'printer')
                   WHEN i % 5 = 1 THEN json_object('name', 'Mary Ann Baker', 'firstSignIn', json('false'))
                   ELSE json_object('runId', 'bill-run-' || (i / 12), 'step', 'install-tapes',
                                    'reason', 'tape "E", cracked case; replaced from the spare stock', 'slots', json_array(i % 7, i % 11)) END
         FROM n`,
    ).run({ records });
    return performance.now() - start;
  } finally {
    db.close();
  }
}

/** The label preview's lookup before `recordedCodes`: the latest prints, read and searched. */
function listLookup(store: Store, date: string): Set<string> {
  const printed = new Set<string>();
  for (const action of LABEL_ACTIONS) {
    for (const record of store.audit.list({ action, limit: 500 })) {
      const details = record.details as { date?: unknown; codes?: unknown } | null;
      if (details !== null && details.date === date && Array.isArray(details.codes)) for (const code of details.codes) printed.add(String(code));
    }
  }
  return printed;
}

function timedMedian(runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** One request's audit work, timed part by part. */
function request(store: Store, date: string, step: number): RequestParts {
  const t0 = performance.now();
  store.audit.list({ limit: 20 });
  const t1 = performance.now();
  store.audit.recordedCodes({ actions: LABEL_ACTIONS, codes: PREVIEW_CODES, date });
  const t2 = performance.now();
  store.audit.append({ who: 'JS', action: 'procedure.step', subject: `bill-run step ${step}`, details: { runId: 'bench', step } });
  const t3 = performance.now();
  return { list: t1 - t0, lookup: t2 - t1, append: t3 - t2 };
}

function benchRequests(full: Store, empty: Store, runs: number): AuditLogBench['request'] {
  const samples = { full: [] as RequestParts[], empty: [] as RequestParts[] };
  // a date the full log has prints for, so the lookup finds some
  const date = '2010-06-01';
  for (const store of [full, empty]) {
    store.audit.onAppended(() => {});
    for (let i = 0; i < WARM_UP; i += 1) request(store, date, i);
  }
  // Alternating request by request: each append waits for an fsync, whose time drifts with
  // whatever else the disk is doing, and both logs should see the same drift.
  for (let i = 0; i < runs; i += 1) {
    samples.full.push(request(full, date, i));
    samples.empty.push(request(empty, date, i));
  }
  const total = (p: RequestParts) => p.list + p.lookup + p.append;
  const parts = (list: RequestParts[]): RequestParts => ({
    list: median(list.map((p) => p.list)),
    lookup: median(list.map((p) => p.lookup)),
    append: median(list.map((p) => p.append)),
  });
  const medianMs = { full: median(samples.full.map(total)), empty: median(samples.empty.map(total)) };
  const listRuns = Math.max(10, Math.round(runs / 10));
  return {
    runs,
    medianMs,
    partsMedianMs: { full: parts(samples.full), empty: parts(samples.empty) },
    ratio: medianMs.full / medianMs.empty,
    listLookupMedianMs: { full: timedMedian(listRuns, () => listLookup(full, date)), empty: timedMedian(listRuns, () => listLookup(empty, date)) },
  };
}

interface Timed {
  ms: number;
  cpuMs: number;
}

async function exportOnce(store: Store, out: string): Promise<Timed & { rows: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { rows } = await writeAuditCsv(store, createWriteStream(out));
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, rows };
}

/**
 * `sqlite3 -csv -header FILE 'SELECT * FROM audit_log ORDER BY id' > OUT`, run by a shell that
 * then prints its own /proc stat: its children's CPU time there is sqlite3's alone.
 */
async function sqlite3Once(file: string, out: string): Promise<Timed> {
  const script = `sqlite3 -csv -header -readonly "$1" 'SELECT * FROM audit_log ORDER BY id' > "$2" && cat /proc/$$/stat && getconf CLK_TCK`;
  const start = performance.now();
  const child = spawn('/bin/sh', ['-c', script, 'sh', file, out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`sqlite3 failed (${code}); is it installed (apt-get install -y --no-install-recommends sqlite3)? ${errors}`);
  const [stat = '', ticks = '100'] = text.trim().split('\n');
  // fields 16 and 17 of /proc/PID/stat (cutime, cstime), counted after the command name's ')'
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpuTicks = Number(fields[13]) + Number(fields[14]);
  return { ms, cpuMs: (cpuTicks * 1000) / Number(ticks) };
}

/** The code a child runs: open the store, export if told to, and print what it measured. */
const CHILD = `
const { readFileSync, createWriteStream } = await import('node:fs');
const { openStore } = await import('./src-main/store/open-store.ts');
const { writeAuditCsv } = await import('./src-main/reports/audit-csv.ts');
const [file, out] = process.argv.slice(1);
const store = openStore(file);
const start = performance.now();
const rows = out === '-' ? 0 : (await writeAuditCsv(store, createWriteStream(out))).rows;
const ms = performance.now() - start;
store.close();
const hwm = Number(/^VmHWM:\\s+(\\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
console.log(JSON.stringify({ rows, ms, hwm }));
`;

async function childRun(file: string, out: string): Promise<{ rows: number; ms: number; hwm: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, file, out], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the export child exited with ${code}: ${text}`);
  return JSON.parse(text.trim().split('\n').at(-1) ?? '') as { rows: number; ms: number; hwm: number };
}

async function benchExport(store: Store, file: string, dir: string, runs: number): Promise<AuditLogBench['export']> {
  const ours = join(dir, 'export.csv');
  const theirs = join(dir, 'sqlite3.csv');
  const times = { console: [] as Timed[], sqlite3: [] as Timed[] };
  let rows = 0;
  // one of each first, not counted: the first read of the file after filling it is slower
  await sqlite3Once(file, theirs);
  await exportOnce(store, ours);
  for (let i = 0; i < runs; i += 1) {
    times.sqlite3.push(await sqlite3Once(file, theirs));
    const run = await exportOnce(store, ours);
    times.console.push(run);
    rows = run.rows;
  }
  const bytes = { console: statSync(ours).size, sqlite3: statSync(theirs).size };
  rmSync(ours, { force: true });
  rmSync(theirs, { force: true });
  const openOnly = await childRun(file, '-');
  const exported = await childRun(file, ours);
  rmSync(ours, { force: true });
  if (exported.rows !== rows) throw new Error(`the child exported ${exported.rows} records, not ${rows}`);
  const medianMs = { console: median(times.console.map((t) => t.ms)), sqlite3: median(times.sqlite3.map((t) => t.ms)) };
  const medianCpuMs = { console: median(times.console.map((t) => t.cpuMs)), sqlite3: median(times.sqlite3.map((t) => t.cpuMs)) };
  return {
    runs,
    rows,
    bytes,
    medianMs,
    ratio: medianMs.console / medianMs.sqlite3,
    medianCpuMs,
    cpuRatio: medianCpuMs.console / medianCpuMs.sqlite3,
    peakMb: { export: exported.hwm, openOnly: openOnly.hwm },
    childExportMs: exported.ms,
  };
}

export async function benchAuditLog(
  records = envCount('BENCH_AUDIT_RECORDS', 1_000_000),
  requests = envCount('BENCH_AUDIT_REQUESTS', 1000),
  exportRuns = envCount('BENCH_AUDIT_EXPORT_RUNS', 2),
): Promise<AuditLogBench> {
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-bench-audit-'));
  try {
    const fullFile = join(dir, 'full.db');
    const fillMs = fillAuditLog(fullFile, records);
    // the export is measured on the log as filled, before the requests add to it
    const full = openStore(fullFile);
    const empty = openStore(join(dir, 'empty.db'));
    try {
      const exported = await benchExport(full, fullFile, dir, Math.max(1, exportRuns));
      const request = benchRequests(full, empty, Math.max(1, requests));
      return {
        what: {
          request: `one request's audit work (latest 20, the label preview's printed-before lookup for ${PREVIEW_CODES.length} codes, one append) on ${records} records vs an empty log`,
          export: `CSV export of ${records} records to a file (writeAuditCsv) vs sqlite3 -csv -header of the same table to a file`,
        },
        records,
        request,
        export: exported,
        fillMs,
      };
    } finally {
      full.close();
      empty.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printAuditLog(result: AuditLogBench): void {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const parts = (p: RequestParts) => `list ${ms(p.list)}, lookup ${ms(p.lookup)}, append ${ms(p.append)}`;
  const { request, export: exported } = result;
  console.log(`  ${result.records} records filled in ${s(result.fillMs)}`);
  console.log(`  ${result.what.request}`);
  console.log(`  full log     median ${ms(request.medianMs.full).padStart(10)}   (${parts(request.partsMedianMs.full)})   n=${request.runs}`);
  console.log(`  empty log    median ${ms(request.medianMs.empty).padStart(10)}   (${parts(request.partsMedianMs.empty)})`);
  console.log(`  ratio full / empty: ${request.ratio.toFixed(2)}×   (goal ≤ 1.2)`);
  console.log(
    `  for comparison, the preview's lookup as label-handlers still writes it (latest 500 prints + 500 reprints): full ${ms(request.listLookupMedianMs.full)}, empty ${ms(request.listLookupMedianMs.empty)}`,
  );
  console.log(`  ${result.what.export}`);
  console.log(
    `  writeAuditCsv  median ${s(exported.medianMs.console).padStart(8)}, CPU ${s(exported.medianCpuMs.console).padStart(8)}   ${exported.bytes.console} bytes, ${exported.rows} rows   (n=${exported.runs})`,
  );
  console.log(
    `  sqlite3 -csv   median ${s(exported.medianMs.sqlite3).padStart(8)}, CPU ${s(exported.medianCpuMs.sqlite3).padStart(8)}   ${exported.bytes.sqlite3} bytes`,
  );
  console.log(`  ratio export / sqlite3: ${exported.ratio.toFixed(2)}× wall clock (goal ≤ 3), ${exported.cpuRatio.toFixed(2)}× CPU time`);
  console.log(
    `  export child peak VmHWM ${mb(exported.peakMb.export)} (export ${s(exported.childExportMs)}); the same child only opening the store ${mb(exported.peakMb.openOnly)}   (goal under 200 MB)`,
  );
}

if (isMain(import.meta.url)) {
  console.log('Audit log: a request and the CSV export at a million records');
  printAuditLog(await benchAuditLog());
}
