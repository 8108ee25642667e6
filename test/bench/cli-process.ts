/**
 * A command of the CLI (or any node command) run as a whole process, timed from spawn to exit,
 * and the modules such a run loaded: what `tapeops labels` costs as the operator types it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchDir, cliInvocation, exitedChildrenCpuMs, type CliMode } from './support';

/** How long one process may run before it is given up (a hang is a failure, not a figure). */
const RUN_TIMEOUT_MS = 60_000;

export interface ProcessRun {
  /** spawn() → the exit event. */
  wallMs: number;
  /** The CPU time (user + system) of the process and what it waited for, in 10 ms steps. */
  cpuMs: number;
  stdout: string;
  stderr: string;
}

/** Runs `node ARGS` to its end; a non-zero exit is an error, with what it printed. Call one at a time (the CPU figure needs it). */
export async function runNode(args: string[], { cwd, env = {} }: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<ProcessRun> {
  const cpuBefore = exitedChildrenCpuMs();
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} ran past ${RUN_TIMEOUT_MS / 1000} s`));
    }, RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  const wallMs = performance.now() - spawnedAt;
  const cpuMs = exitedChildrenCpuMs() - cpuBefore;
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}${stdout}`);
  return { wallMs, cpuMs, stdout, stderr };
}

/** `node bin/tapeops.js ARGS` in one of the ways the benchmarks run the CLI. */
export function runCli(mode: CliMode, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  const { cwd, env } = cliInvocation(mode);
  return runNode(['bin/tapeops.js', ...args], { cwd, env: { ...env, ...extraEnv } });
}

/** What a run loaded that a command that needs none of them should not: each is true when loaded. */
export interface HeavyModules {
  ssh2: boolean;
  betterSqlite3: boolean;
  /** Any source file under src-main/simulator/ (in the bundle: a chunk built from one). */
  simulator: boolean;
}

export interface ModuleLoads {
  /** Every module file the run loaded: source files, chunks of the bundle, packages' files. */
  modules: number;
  heavy: HeavyModules;
}

const recorder = join(benchDir, 'record-modules.mjs');

/**
 * Runs the CLI once with ./record-modules.mjs preloaded and says what it loaded. A chunk of the
 * bundle counts as every source esbuild put into it (from the build's meta.json), so the
 * simulator is seen whether it ran from TypeScript or from the bundle.
 */
export async function modulesLoadedBy(mode: CliMode, args: string[]): Promise<ModuleLoads> {
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-bench-modules-'));
  try {
    const out = join(dir, 'modules.json');
    const { cwd, env } = cliInvocation(mode);
    await runNode(['--import', recorder, 'bin/tapeops.js', ...args], { cwd, env: { ...env, TAPEOPS_MODULES_OUT: out } });
    const loaded = JSON.parse(readFileSync(out, 'utf8')) as { esm: string[]; cjs: string[] };
    const files = new Set<string>(loaded.cjs);
    for (const url of loaded.esm) {
      if (!url.startsWith('file:')) continue;
      const file = fileURLToPath(url);
      files.add(file);
      for (const input of bundleInputs(file)) files.add(input);
    }
    const paths = [...files].map((file) => file.split(sep).join('/'));
    const has = (part: string) => paths.some((path) => path.includes(part));
    return {
      modules: files.size,
      heavy: { ssh2: has('/node_modules/ssh2/'), betterSqlite3: has('/node_modules/better-sqlite3/'), simulator: has('/src-main/simulator/') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const metaCache = new Map<string, { root: string; outputs: Record<string, { inputs: Record<string, unknown> }> } | null>();

/** The source files esbuild bundled into this output file, when it is a file of a CLI build (dist/cli/<build>/). */
function bundleInputs(file: string): string[] {
  const buildDir = dirname(file);
  if (!buildDir.split(sep).includes('cli') || !/\.mjs$/.test(file)) return [];
  if (!metaCache.has(buildDir)) {
    try {
      const meta = JSON.parse(readFileSync(join(buildDir, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
      // meta.json names files relative to the project, three levels above the build: dist/cli/<build>/
      metaCache.set(buildDir, { root: join(buildDir, '..', '..', '..'), outputs: meta.outputs });
    } catch {
      metaCache.set(buildDir, null);
    }
  }
  const meta = metaCache.get(buildDir);
  if (!meta) return [];
  const output = meta.outputs[relative(meta.root, file).split(sep).join('/')];
  return output ? Object.keys(output.inputs).map((input) => join(meta.root, input)) : [];
}
