import { test as base, chromium, _electron, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath } from '../support/chromium';

export interface RunningConsole {
  url: string;
  process: ChildProcess;
  dataDir: string;
}

/**
 * The console's clock in every end-to-end test (no test may depend on the real date): the morning
 * of the plan's own Bill Run day, before the simulated Bill Run starts at 07:30.
 */
export const PINNED_NOW = '2010-08-03T07:00';

/** Starts `tapeops console` as the operator would and reads the URL it prints. */
export async function startConsoleProcess(extraArgs: string[] = [], now = PINNED_NOW): Promise<RunningConsole> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tapeops-e2e-'));
  const args = ['bin/tapeops.js', 'console', '--port', '0', '--data-dir', dataDir, '--no-build', '--now', now, ...extraArgs];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the console did not print its URL in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`the console exited with ${code}:\n${output}`)));
  });
  return { url, process: child, dataDir };
}

export async function stopConsoleProcess(running: RunningConsole): Promise<void> {
  if (running.process.exitCode === null) {
    const exited = new Promise((resolve) => running.process.once('exit', resolve));
    running.process.kill('SIGTERM');
    await exited;
  }
  rmSync(running.dataDir, { recursive: true, force: true });
}

/**
 * The console's page, whichever shell carries it: Chromium against the browser shell here, or
 * the Electron window through Playwright's _electron where an Electron binary exists
 * (TAPEOPS_E2E_SHELL=electron).
 */
export const test = base.extend<{ consolePage: Page; consoleNow: string }>({
  /** The console's starting time for a test: `test.use({ consoleNow: '…' })` picks another. */
  consoleNow: [PINNED_NOW, { option: true }],
  consolePage: async ({ consoleNow }, use) => {
    if (process.env.TAPEOPS_E2E_SHELL === 'electron') {
      const dataDir = mkdtempSync(join(tmpdir(), 'tapeops-e2e-'));
      const app = await _electron.launch({ args: ['.', '--now', consoleNow], env: { ...process.env, TAPEOPS_DATA_DIR: dataDir } });
      await use(await app.firstWindow());
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }
    const running = await startConsoleProcess([], consoleNow);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(running.url);
    await use(page);
    await browser.close();
    await stopConsoleProcess(running);
  },
});

export { expect } from '@playwright/test';
