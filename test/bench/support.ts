/**
 * Shared pieces of the benchmarks: starting a server process and reading the URL it prints,
 * stopping it, one Chromium for all runs, medians, the resident memory and CPU time of a process,
 * and the CLI bundle built before anything is timed.
 *
 * Benchmarks print figures and ratios against a baseline measured in the same process; they
 * never assert on time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { buildCliBundle, currentCliBuild, freshCliBundle } from '../../scripts/cli-bundle.js';

export const benchDir = dirname(fileURLToPath(import.meta.url));
export const projectRoot = join(benchDir, '..', '..');

/** How long any one step may take before a run is given up (a hang is a failure, not a figure). */
const STEP_TIMEOUT_MS = 30_000;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return { context, page };
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** performance.now() just before spawn() was called. */
  spawnedAt: number;
  /** performance.now() when the URL line was read from its output. */
  urlAt: number;
  /** The CPU time (user + system) the process had used when its URL was read, from /proc (10 ms steps). */
  cpuMsAtUrl: number;
  /** Called after the process has exited. */
  cleanup: () => void;
}

/**
 * Spawns `node ARGS` in the project folder and resolves when it prints a URL matching `urlPattern`.
 * The child is the Node process itself (no shell, no npm in between), so its pid is the one whose
 * memory is read.
 */
export async function spawnServer(
  args: string[],
  urlPattern: RegExp,
  cleanup: () => void = () => {},
  { cwd = projectRoot, env = {} }: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let cpuMsAtUrl = Number.NaN;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed in ${STEP_TIMEOUT_MS / 1000} s by node ${args.join(' ')}:\n${output}`)), STEP_TIMEOUT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = urlPattern.exec(output);
        if (match) {
          clearTimeout(timer);
          cpuMsAtUrl = procCpuMs(child.pid!);
          resolve(match[0]);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`node ${args.join(' ')} exited (${code ?? signal}) before printing its URL:\n${output}`));
      });
    });
    // keep draining the pipes so a chatty server never blocks on a full pipe
    child.stdout!.resume();
    child.stderr!.resume();
    return { child, url, spawnedAt, urlAt: performance.now(), cpuMsAtUrl, cleanup };
  } catch (error) {
    await stopServer({ child, url: '', spawnedAt, urlAt: 0, cpuMsAtUrl, cleanup });
    throw error;
  }
}

export async function stopServer(server: ServerProcess): Promise<void> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  server.cleanup();
}

// ---- the two servers measured ----

export const consoleUrlPattern = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/;
export const bareUrlPattern = /http:\/\/127\.0\.0\.1:\d+\//;

/** The morning every benchmark's console starts at (`--now`), as the end-to-end tests pin it: its plan does not depend on the real date. */
export const BENCH_NOW = '2010-08-03T07:00';

/**
 * How `node bin/tapeops.js` is run: `bundle`, this tree as it runs by default (its esbuild bundle,
 * built before the spawn); `tsx`, this tree with TAPEOPS_CLI=tsx (the TypeScript sources through
 * tsx, as every start ran before the bundle); `before`, another checkout named by
 * BENCH_BEFORE_CHECKOUT (say, `git archive HEAD~1`), run as it runs itself.
 */
export type CliMode = 'bundle' | 'tsx' | 'before';

/** The checkout of the code before a change, when BENCH_BEFORE_CHECKOUT names one (its node_modules may be a link to this tree's). */
export function beforeCheckout(): string | undefined {
  const dir = process.env.BENCH_BEFORE_CHECKOUT;
  if (!dir) return undefined;
  if (!existsSync(join(dir, 'bin', 'tapeops.js'))) throw new Error(`BENCH_BEFORE_CHECKOUT=${dir} has no bin/tapeops.js`);
  return resolve(dir);
}

/** The modes this run measures: bundle and tsx always, before when BENCH_BEFORE_CHECKOUT is set. */
export function cliModes(): CliMode[] {
  return beforeCheckout() === undefined ? ['bundle', 'tsx'] : ['bundle', 'tsx', 'before'];
}

/** Where and with what environment `node bin/tapeops.js` runs in a mode. */
export function cliInvocation(mode: CliMode): { cwd: string; env: NodeJS.ProcessEnv } {
  if (mode === 'before') return { cwd: beforeCheckout() ?? projectRoot, env: {} };
  return { cwd: projectRoot, env: mode === 'tsx' ? { TAPEOPS_CLI: 'tsx' } : { TAPEOPS_CLI: 'bundle' } };
}

/**
 * Makes sure bin/tapeops.js finds its bundle fresh, building it here when a source changed, so no
 * measured start includes a build; returns the name of the build. Call it before every run: other
 * people editing the sources make the bundle stale at any moment.
 */
export async function ensureCliBundle(): Promise<string> {
  if (freshCliBundle() === undefined) await buildCliBundle();
  const current = currentCliBuild();
  if (current === undefined) throw new Error('the CLI bundle was built but dist/cli/current.json names none');
  return current.build;
}

/**
 * Runs one measurement of the bundled CLI, again (up to three times) when a source changed during
 * it and the process built a new bundle first: a figure never includes a build. Only for `bundle`.
 */
export async function withoutRebuild<T>(measure: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const before = await ensureCliBundle();
    const result = await measure();
    if (currentCliBuild()?.build === before) return result;
    if (attempt === 3) throw new Error('the sources kept changing during the benchmark: every run of the CLI rebuilt its bundle');
    console.log('  (a source changed during that run and the CLI rebuilt its bundle: run again)');
  }
}

/**
 * `node bin/tapeops.js console --port 0 --data-dir <fresh tmp> --no-build --now …`, as an operator
 * starts it. With `keptDataDir`, that folder instead, left in place (a start after an earlier one:
 * the store and the simulated hosts' keys are there already).
 */
export async function spawnConsole(mode: CliMode = 'bundle', keptDataDir?: string): Promise<ServerProcess> {
  if (mode === 'bundle') await ensureCliBundle();
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'tapeops-bench-'));
  const { cwd, env } = cliInvocation(mode);
  return spawnServer(
    ['bin/tapeops.js', 'console', '--port', '0', '--data-dir', dataDir, '--no-build', '--now', BENCH_NOW],
    consoleUrlPattern,
    () => {
      if (keptDataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
    { cwd, env },
  );
}

let bareServer: Promise<string> | undefined;

/**
 * The baseline server's one file: test/bench/bare-server-main.ts (the console's own static-file
 * serving) compiled by esbuild into an ES module, as the CLI is, so neither side pays tsx. Built
 * once per benchmark process into a temp folder removed at exit.
 */
export function bareServerFile(): Promise<string> {
  bareServer ??= (async () => {
    const { build } = await import('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'tapeops-bench-bare-server-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const outfile = join(dir, 'bare-server.mjs');
    await build({
      stdin: {
        contents: "import { main } from './bare-server-main';\nprocess.exitCode = await main(process.argv.slice(2));\n",
        resolveDir: benchDir,
        loader: 'ts',
        sourcefile: 'bare-server-entry.ts',
      },
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
    });
    return outfile;
  })();
  return bareServer;
}

/** The baseline: a built folder (the bare React page, or the console's own page) served by a bare Node HTTP server. */
export async function spawnBare(bareDist: string): Promise<ServerProcess> {
  const file = await bareServerFile();
  return spawnServer([file, '--port', '0', '--dir', bareDist], bareUrlPattern);
}

/** The console page: sign in with initials and wait until the Today screen shows the day's plan. */
export async function drawConsoleToday(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your initials').fill('BM');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('[data-testid="day-plan"]').waitFor({ state: 'visible' });
}

/** The baseline page: wait for its one element. */
export async function drawBare(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="bare-element"]').waitFor({ state: 'visible' });
}

// ---- preparing ----

/** The console is measured with its renderer built; builds it with vite when dist/renderer is missing. */
export type Subject = 'console' | 'bare';

/** Starts what is measured: the console, or the baseline serving its built folder. */
export function spawnSubject(subject: Subject, bareDist: string): Promise<ServerProcess> {
  return subject === 'console' ? spawnConsole() : spawnBare(bareDist);
}

/** Opens the subject's page and waits until it is drawn (for the console: signed in, Today shown). */
export function drawSubject(subject: Subject, page: Page, url: string): Promise<void> {
  return subject === 'console' ? drawConsoleToday(page, url) : drawBare(page, url);
}

export function ensureConsoleRendererBuilt(): void {
  if (existsSync(join(projectRoot, 'dist', 'renderer', 'index.html'))) return;
  console.log('dist/renderer/index.html is missing: running npx vite build…');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npx vite build failed (${result.status ?? result.signal})`);
}

/** Builds test/bench/bare-react with vite's build() API into a fresh temp folder; returns that folder. */
export async function buildBareApp(): Promise<{ dir: string; remove: () => void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'tapeops-bench-bare-'));
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  await build({
    configFile: false,
    root: join(benchDir, 'bare-react'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, assetsInlineLimit: 0 },
  });
  return { dir: outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

// ---- figures ----

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A field of /proc/PID/status in kB (VmRSS, VmHWM, …), in MB (1 MB = 1024 kB). */
export function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

export function mb(value: number): string {
  return `${value.toFixed(1)} MB`;
}

/** The CPU time (user + system) a live process has used so far, from /proc/PID/stat, in ms (10 ms steps on Linux). */
export function procCpuMs(pid: number): number {
  const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * The CPU time (user + system) of this process's children that have exited and been waited for,
 * in ms: read before and after one child's run, the difference is that child's (with its own
 * children), when no other child exits meanwhile.
 */
export function exitedChildrenCpuMs(): number {
  const fields = statFields(readFileSync('/proc/self/stat', 'utf8'));
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Linux's USER_HZ is 100 on every architecture node runs on here. */
const TICK_MS = 10;

/** The fields of /proc/PID/stat after the command name (which may hold spaces), from field 3 (state) on, at index 0. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Whether this module is the script node/tsx was asked to run. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === resolve(process.argv[1]);
}

/** A whole number from the environment, for shortening or lengthening a run. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}
