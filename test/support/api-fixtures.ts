/**
 * Real parts for the API, console-server and CLI tests: a temp folder per test file, copies of
 * the shipped site profile (good and broken), and services on a real SQLite file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { HostView } from '../../shared/api';
import { isApiError, type ApiResult } from '../../shared/errors';
import type { RequestContext } from '../../src-main/app/dispatch';
import { startConsole, type ConsoleMain, type ConsoleOptions } from '../../src-main/app/start-console';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const shippedSiteFile = join(projectRoot, 'assets', 'sites', 'microfinancial.yaml');

/** The magazine of the Bill Run on 2010-08-03 as the plan lays it out, slot 1 first. */
export const BILL_RUN_2010_08_03_SLOTS = ['100803P', '100803D', '100803E', '100803F', '100803G', 'DAILY 1', null];

export interface TempDir {
  readonly path: string;
  file(name: string): string;
  remove(): void;
}

export function makeTempDir(prefix: string): TempDir {
  const path = mkdtempSync(join(tmpdir(), `tapeops-${prefix}-`));
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** A copy of the shipped profile with a revision of its own, so a test can tell it from the original. */
export function validSiteCopy(dir: TempDir, name = 'copy.yaml', revision = 'Test copy'): string {
  const text = readFileSync(shippedSiteFile, 'utf8');
  const changed = text.replace(/^ {2}revision: .*$/m, `  revision: ${revision}`);
  if (changed === text) throw new Error('the shipped profile has no site.revision line to change');
  const file = dir.file(name);
  writeFileSync(file, changed);
  return file;
}

export interface BrokenSiteCopy {
  file: string;
  /** Index of the job whose queue was misspelt. */
  jobIndex: number;
  /** 1-based line of that job's `queue:` key in the file. */
  line: number;
  /** 1-based column of that key. */
  column: number;
}

/** A copy of the shipped profile where the first job on the TAPE_BACKUP queue names "TAPE_BACKUPP". */
export function wrongQueueSiteCopy(dir: TempDir, name = 'wrong-queue.yaml'): BrokenSiteCopy {
  const lines = readFileSync(shippedSiteFile, 'utf8').split('\n');
  const at = lines.findIndex((line) => /^ {4}queue: TAPE_BACKUP$/.test(line));
  if (at < 0) throw new Error('the shipped profile has no job on the TAPE_BACKUP queue');
  lines[at] = '    queue: TAPE_BACKUPP';
  const text = lines.join('\n');
  const file = dir.file(name);
  writeFileSync(file, text);
  const jobs = (parse(text) as { jobs: { queue: string }[] }).jobs;
  const jobIndex = jobs.findIndex((job) => job.queue === 'TAPE_BACKUPP');
  return { file, jobIndex, line: at + 1, column: 5 };
}

/** A folder standing in for dist/renderer: an index page and one asset. */
export function makeStaticDir(dir: TempDir): { root: string; indexHtml: string; assetJs: string } {
  const root = dir.file('renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  const indexHtml = '<!doctype html><html><head><title>TapeOps test page</title></head><body></body></html>\n';
  const assetJs = 'export const builtForTest = true;\n';
  writeFileSync(join(root, 'index.html'), indexHtml);
  writeFileSync(join(root, 'assets', 'app-test.js'), assetJs);
  return { root, indexHtml, assetJs };
}

/** The console as both shells start it, without links to any host, on a SQLite file in `dir`; log lines are kept for the test. */
export async function openServices(dir: TempDir, options: Partial<ConsoleOptions> = {}): Promise<{ services: ConsoleMain; logs: string[] }> {
  const logs: string[] = [];
  const services = await startConsole({
    shell: 'browser',
    version: '0.0.0-test',
    dataDir: dir.path,
    storeFile: dir.file('tapeops.db'),
    defaultSiteFile: shippedSiteFile,
    hosts: 'none',
    log: (line) => logs.push(line),
    ...options,
  });
  return { services, logs };
}

/** The value of a request that must succeed; its error code and message fail the test otherwise. */
export function okResult<T>(result: ApiResult<unknown>): T {
  if (isApiError(result)) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.ok as T;
}

/** Connects a host through the console's own requests, approving the key it offers the first time, as an operator does. */
export async function connectThroughConsole(tapeops: ConsoleMain, host: string, ctx: RequestContext): Promise<void> {
  const offered = okResult<HostView>(await tapeops.request('hosts.connect', { host }, ctx));
  if (offered.state.kind === 'awaiting-host-key-approval') {
    okResult(await tapeops.request('hosts.approveKey', { host, fingerprint: offered.state.offered.fingerprint }, ctx));
  }
}
