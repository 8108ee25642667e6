/**
 * Shared pieces of the benchmarks: starting a server process and reading the URL it prints,
 * stopping it, one Chromium for all runs, medians, and the resident memory of a process.
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
  /** Called after the process has exited. */
  cleanup: () => void;
}

/**
 * Spawns `node ARGS` in the project folder and resolves when it prints a URL matching `urlPattern`.
 * The child is the Node process itself (no shell, no npm in between), so its pid is the one whose
 * memory is read.
 */
export async function spawnServer(args: string[], urlPattern: RegExp, cleanup: () => void = () => {}): Promise<ServerProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed in ${STEP_TIMEOUT_MS / 1000} s by node ${args.join(' ')}:\n${output}`)), STEP_TIMEOUT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = urlPattern.exec(output);
        if (match) {
          clearTimeout(timer);
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
    return { child, url, spawnedAt, urlAt: performance.now(), cleanup };
  } catch (error) {
    await stopServer({ child, url: '', spawnedAt, urlAt: 0, cleanup });
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

/** `node bin/tapeops.js console --port 0 --data-dir <fresh tmp> --no-build`, as an operator starts it. */
export async function spawnConsole(): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tapeops-bench-'));
  return spawnServer(['bin/tapeops.js', 'console', '--port', '0', '--data-dir', dataDir, '--no-build'], consoleUrlPattern, () =>
    rmSync(dataDir, { recursive: true, force: true }),
  );
}

/** The baseline: the built bare React page, served by a tiny static server through the same tsx loader. */
export async function spawnBare(bareDist: string): Promise<ServerProcess> {
  return spawnServer([join(benchDir, 'bare-server.js'), '--port', '0', '--dir', bareDist], bareUrlPattern);
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

/** Whether this module is the script node/tsx was asked to run. */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && fileURLToPath(moduleUrl) === resolve(process.argv[1]);
}

/** A whole number from the environment, for shortening or lengthening a run. */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}
