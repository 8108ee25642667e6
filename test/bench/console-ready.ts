/**
 * Warm start to server ready: spawning `node bin/tapeops.js console --port 0 --no-build
 * --data-dir <fresh> --now …` until it prints its URL, against a bare Node HTTP server serving the
 * same page (dist/renderer, with the console's own static-file code, compiled by esbuild as the
 * CLI is) started the same way. Goal: console ÷ bare ≤ 2.
 *
 * "Warm": the bundle is built, and every subject has run once (a warm-up, not counted) so the
 * files are in the page cache and tsx's own cache is filled. Each console run gets a fresh data
 * folder, as the command asks. The console is measured as it runs by default (its bundle), and
 * through tsx (TAPEOPS_CLI=tsx) in the same runs; with BENCH_BEFORE_CHECKOUT=DIR also as that
 * checkout runs. One more subject starts the bundle on a data folder kept from its warm-up (the
 * store and the simulated hosts' SSH keys already made, as at an operator's second start): a
 * fresh folder's start includes making six RSA host keys. Runs are interleaved so load on the
 * machine falls on every subject alike, and the CPU time to ready is given beside the wall time:
 * it moves less with that load.
 *
 *   npx tsx test/bench/console-ready.ts
 *
 * "Ready" is the server serving the page: the console prints its URL once it listens, and loads
 * the rest of main (the store, the profile, SSH, the machines) while the browser loads the page.
 * So the figure beside it is the one the operator waits on after that: spawn → the first API
 * request answered over the page's WebSocket (`app.info`), asked the moment the URL is printed.
 *
 * BENCH_READY_RUNS (default 7) changes the number of measured runs of each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import {
  BENCH_NOW,
  cliModes,
  ensureCliBundle,
  ensureConsoleRendererBuilt,
  envCount,
  isMain,
  median,
  ms,
  projectRoot,
  spawnBare,
  spawnConsole,
  stopServer,
  withoutRebuild,
  type CliMode,
  type ServerProcess,
} from './support';

export type ReadySubject = `console (${CliMode})` | 'console (bundle, kept data dir)' | 'bare';

export interface ReadyRun {
  subject: ReadySubject;
  warmUp: boolean;
  /** spawn → the URL line read from its output. */
  readyMs: number;
  /** CPU time the process had used by then. */
  cpuMs: number;
  /** spawn → the answer to the first request over the WebSocket; consoles only. */
  answeredMs?: number;
}

export interface ReadyResult {
  what: string;
  runs: ReadyRun[];
  measuredRunsEach: number;
  medianReadyMs: Partial<Record<ReadySubject, number>>;
  medianCpuMs: Partial<Record<ReadySubject, number>>;
  /** median spawn → first request answered, consoles only (no goal: the figure behind "ready"). */
  medianAnsweredMs: Partial<Record<ReadySubject, number>>;
  /** median console (bundle) ÷ median bare, wall time; the goal is ≤ 2. */
  ratio: number;
  /** The same ratio for every console subject measured. */
  ratios: Partial<Record<ReadySubject, number>>;
  goal: number;
}

const rendererDir = join(projectRoot, 'dist', 'renderer');

/** Opens the page's WebSocket as the page does (its token, its Origin) and resolves when `app.info` is answered. */
function firstAnswerAt(pageUrl: string): Promise<number> {
  const page = new URL(pageUrl);
  const ws = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`, { origin: page.origin });
  return new Promise<number>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify({ id: 1, name: 'app.info', input: {} })));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { id?: number };
      if (frame.id !== 1) return; // an event
      const at = performance.now();
      ws.close();
      resolve(at);
    });
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`the console closed its socket (${code}) before answering`)));
  });
}

async function measureOnce(subject: ReadySubject, warmUp: boolean, keptDataDir: string): Promise<ReadyRun> {
  const mode = subject === 'bare' ? undefined : (/\((\w+)/.exec(subject)![1] as CliMode);
  const kept = subject === 'console (bundle, kept data dir)' ? keptDataDir : undefined;
  const measure = async (): Promise<ReadyRun> => {
    let server: ServerProcess | undefined;
    try {
      server = mode === undefined ? await spawnBare(rendererDir) : await spawnConsole(mode, kept);
      const run: ReadyRun = { subject, warmUp, readyMs: server.urlAt - server.spawnedAt, cpuMs: server.cpuMsAtUrl };
      if (mode !== undefined) run.answeredMs = (await firstAnswerAt(server.url)) - server.spawnedAt;
      return run;
    } finally {
      if (server) await stopServer(server);
    }
  };
  return mode === 'bundle' ? withoutRebuild(measure) : measure();
}

export async function benchConsoleReady(measured = envCount('BENCH_READY_RUNS', 7)): Promise<ReadyResult> {
  ensureConsoleRendererBuilt();
  await ensureCliBundle();
  const subjects: ReadySubject[] = [...cliModes().map((mode) => `console (${mode})` as const), 'console (bundle, kept data dir)', 'bare'];
  const keptDataDir = mkdtempSync(join(tmpdir(), 'tapeops-bench-kept-'));
  const runs: ReadyRun[] = [];
  const record = (run: ReadyRun, label: string) => {
    runs.push(run);
    const answered = run.answeredMs === undefined ? '' : `   first answer ${ms(run.answeredMs).padStart(8)}`;
    console.log(`  ${label.padEnd(8)} ${run.subject.padEnd(31)} ready ${ms(run.readyMs).padStart(8)}   cpu ${ms(run.cpuMs).padStart(8)}${answered}`);
  };
  try {
    for (const subject of subjects) record(await measureOnce(subject, true, keptDataDir), 'warm-up');
    for (let i = 1; i <= measured; i += 1) {
      for (const subject of subjects) record(await measureOnce(subject, false, keptDataDir), `run ${i}`);
    }
  } finally {
    rmSync(keptDataDir, { recursive: true, force: true });
  }
  const medianOf = (subject: ReadySubject, pick: (run: ReadyRun) => number) => median(runs.filter((run) => run.subject === subject && !run.warmUp).map(pick));
  const medianReadyMs = Object.fromEntries(subjects.map((s) => [s, medianOf(s, (r) => r.readyMs)])) as Record<ReadySubject, number>;
  const medianCpuMs = Object.fromEntries(subjects.map((s) => [s, medianOf(s, (r) => r.cpuMs)])) as Record<ReadySubject, number>;
  const consoles = subjects.filter((s) => s !== 'bare');
  const medianAnsweredMs = Object.fromEntries(consoles.map((s) => [s, medianOf(s, (r) => r.answeredMs ?? Number.NaN)])) as Record<ReadySubject, number>;
  const ratios = Object.fromEntries(subjects.filter((s) => s !== 'bare').map((s) => [s, medianReadyMs[s] / medianReadyMs.bare])) as Record<ReadySubject, number>;
  return {
    what: `spawn of \`node bin/tapeops.js console --port 0 --no-build --data-dir <fresh> --now ${BENCH_NOW}\` → its URL printed, vs a bare node:http server of dist/renderer (esbuild-compiled, the console's static-file code) → its URL printed`,
    runs,
    measuredRunsEach: measured,
    medianReadyMs,
    medianCpuMs,
    medianAnsweredMs,
    ratio: ratios['console (bundle)'] ?? Number.NaN,
    ratios,
    goal: 2,
  };
}

export function printConsoleReady(result: ReadyResult): void {
  for (const subject of Object.keys(result.medianReadyMs) as ReadySubject[]) {
    const ratio = result.ratios[subject];
    console.log(
      `  median   ${subject.padEnd(31)} ready ${ms(result.medianReadyMs[subject]!).padStart(8)}   cpu ${ms(result.medianCpuMs[subject]!).padStart(8)}` +
        (ratio === undefined ? '' : `   ÷ bare ${ratio.toFixed(2)}×`),
    );
  }
  for (const subject of Object.keys(result.medianAnsweredMs) as ReadySubject[]) {
    const answered = result.medianAnsweredMs[subject]!;
    console.log(
      `  median   ${subject.padEnd(31)} first request answered ${ms(answered).padStart(8)}   ÷ bare page served ${(answered / result.medianReadyMs.bare!).toFixed(2)}×`,
    );
  }
  console.log(`  ratio console (bundle) / bare: ${result.ratio.toFixed(2)}× (goal ≤ ${result.goal})`);
}

if (isMain(import.meta.url)) {
  console.log('Console ready: spawn → URL printed (warm)');
  printConsoleReady(await benchConsoleReady());
}
