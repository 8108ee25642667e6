/**
 * Start-up benchmark: the time from spawning the console process to its Today screen drawn in
 * Chromium, against a bare Vite + React page served by a tiny Node server started the same way.
 * The console runs as `node bin/tapeops.js console … --now 2010-08-03T07:00` does by default,
 * from its esbuild bundle (built before the spawn, never inside a figure); the bare server is
 * compiled by esbuild too, so neither pays tsx (./support: spawnConsole, spawnBare).
 *
 * What one run measures: spawn `node …` → URL printed → page.goto → (console: sign in with
 * initials) → the element visible. Chromium is launched once for all runs and every run gets a
 * fresh browser context made before the spawn, so neither browser start-up nor context creation
 * is in the figure. Runs are interleaved (console, bare, console, bare, …) after one warm-up each.
 *
 *   npx tsx test/bench/console-startup.ts
 */
import type { Browser } from 'playwright-core';
import { performance } from 'node:perf_hooks';
import {
  buildBareApp,
  drawSubject,
  ensureConsoleRendererBuilt,
  envCount,
  freshPage,
  isMain,
  launchChromium,
  median,
  ms,
  spawnSubject,
  type Subject,
  stopServer,
  type ServerProcess,
} from './support';

export interface StartupRun {
  subject: Subject;
  warmUp: boolean;
  /** spawn → the URL line read from the server's output. */
  serverReadyMs: number;
  /** spawn → the element visible in Chromium (the figure). */
  totalMs: number;
}

export interface StartupResult {
  runs: StartupRun[];
  medianMs: Record<Subject, number>;
  medianServerReadyMs: Record<Subject, number>;
  /** median console / median bare. */
  ratio: number;
  measuredRunsEach: number;
}

async function measureOnce(browser: Browser, subject: Subject, bareDist: string, warmUp: boolean): Promise<StartupRun> {
  const { context, page } = await freshPage(browser);
  let server: ServerProcess | undefined;
  try {
    server = await spawnSubject(subject, bareDist);
    await drawSubject(subject, page, server.url);
    const drawnAt = performance.now();
    return { subject, warmUp, serverReadyMs: server.urlAt - server.spawnedAt, totalMs: drawnAt - server.spawnedAt };
  } finally {
    await context.close();
    if (server) await stopServer(server);
  }
}

export async function benchStartup(browser: Browser, bareDist: string, measured = envCount('BENCH_STARTUP_RUNS', 5)): Promise<StartupResult> {
  const runs: StartupRun[] = [];
  const record = (run: StartupRun, index: string) => {
    runs.push(run);
    console.log(`  ${index.padEnd(8)} ${run.subject.padEnd(8)} server ready ${ms(run.serverReadyMs).padStart(8)}   drawn ${ms(run.totalMs).padStart(8)}`);
  };
  record(await measureOnce(browser, 'console', bareDist, true), 'warm-up');
  record(await measureOnce(browser, 'bare', bareDist, true), 'warm-up');
  for (let i = 1; i <= measured; i++) {
    record(await measureOnce(browser, 'console', bareDist, false), `run ${i}`);
    record(await measureOnce(browser, 'bare', bareDist, false), `run ${i}`);
  }
  const of = (subject: Subject, pick: (run: StartupRun) => number) => median(runs.filter((run) => run.subject === subject && !run.warmUp).map(pick));
  const medianMs = { console: of('console', (r) => r.totalMs), bare: of('bare', (r) => r.totalMs) };
  const medianServerReadyMs = { console: of('console', (r) => r.serverReadyMs), bare: of('bare', (r) => r.serverReadyMs) };
  return { runs, medianMs, medianServerReadyMs, ratio: medianMs.console / medianMs.bare, measuredRunsEach: measured };
}

export function printStartup(result: StartupResult): void {
  console.log(`  median   console  server ready ${ms(result.medianServerReadyMs.console).padStart(8)}   drawn ${ms(result.medianMs.console).padStart(8)}`);
  console.log(`  median   bare     server ready ${ms(result.medianServerReadyMs.bare).padStart(8)}   drawn ${ms(result.medianMs.bare).padStart(8)}`);
  console.log(`  ratio console/bare (drawn): ${result.ratio.toFixed(2)}×`);
}

if (isMain(import.meta.url)) {
  ensureConsoleRendererBuilt();
  const bare = await buildBareApp();
  const browser = await launchChromium();
  try {
    console.log('Start-up: spawn → screen drawn (one Chromium for all runs, not in the figure)');
    printStartup(await benchStartup(browser, bare.dir));
  } finally {
    await browser.close();
    bare.remove();
  }
}
