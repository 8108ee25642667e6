/**
 * The CLI's bundle: `src-main/cli/main.ts` and everything it reaches (the console server, the
 * simulator, the labels), bundled by esbuild into one ES module per command, so a start runs
 * JavaScript already compiled and `tapeops labels` loads the labels' code and nothing else.
 *
 * Each build goes into a folder of its own, `dist/cli/<build>/`, and `dist/cli/current.json` names
 * the newest: the pointer is written to a temp file and renamed into place, so processes building
 * at the same moment (the test runner starts many at once on a fresh checkout) never see half a
 * bundle, and a process already running keeps the folder its later chunks load from.
 *
 * Processes that start together while the bundle is stale build it once: the first takes
 * `dist/cli/build.lock` and the others wait for its bundle.
 *
 * This module is imported on every start of the CLI: it needs only node's fs and path here;
 * esbuild is imported when a build is needed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliBundleDir = join(projectRoot, 'dist', 'cli');
const pointerFile = join(cliBundleDir, 'current.json');
const lockFile = join(cliBundleDir, 'build.lock');

/** What the bundle is built from: a change anywhere in these makes it stale (the site profile is read at run time). */
const SOURCES = ['src-main', 'shared', 'package.json', 'package-lock.json'];

/**
 * Packages left to node's own loader: native addons (better-sqlite3, resvg, ssh2's optional
 * crypto binding, ws's optional helpers), pdfkit (it reads its font files beside its own module),
 * Electron, and vite, which the console imports only to build the renderer.
 */
export const EXTERNAL_PACKAGES = ['better-sqlite3', 'ssh2', 'bufferutil', 'utf-8-validate', '@resvg/resvg-js', 'pdfkit', 'electron', 'vite'];

/** The newest modification time under the sources, directories included (a file deleted or renamed changes its folder's). */
export function newestSourceMtime(root = projectRoot) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // package-lock.json may be absent
    }
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const source of SOURCES) visit(join(root, source));
  return newest;
}

/** The build `dist/cli/current.json` names, with the newest source time it was built from; undefined when there is none. */
export function currentCliBuild() {
  try {
    const pointer = JSON.parse(readFileSync(pointerFile, 'utf8'));
    if (typeof pointer?.build === 'string' && typeof pointer.sourcesMtime === 'number') return pointer;
  } catch {
    // no build yet, or a pointer from an older layout: build again
  }
  return undefined;
}

/** The entry module of the current bundle when it was built from sources no newer than now; otherwise undefined. */
export function freshCliBundle() {
  const pointer = currentCliBuild();
  if (pointer === undefined || newestSourceMtime() > pointer.sourcesMtime) return undefined;
  return join(cliBundleDir, pointer.build, 'tapeops.mjs');
}

/**
 * Replaces `import.meta.url` in the project's own sources with the URL the source file itself
 * has, computed from the output file's location at run time, so `src-main/app/paths.ts` finds the
 * project two levels above itself wherever it moves and however deep the output folder is.
 */
export function sourceUrlPlugin(outdir, format) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      // only the project's own sources: a filter that matches node_modules too costs a round trip to esbuild per file
      const ownSources = new RegExp(`^${escapeRegExp(projectRoot + sep)}(src-main|shared)${escapeRegExp(sep)}.*\\.[cm]?[jt]sx?$`);
      build.onLoad({ filter: ownSources }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const fromOutput = relative(outdir, args.path).split(sep).join('/');
        const url =
          format === 'esm'
            ? `new URL(${JSON.stringify(fromOutput)}, import.meta.url).href`
            : `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(fromOutput)})).href`;
        const loader = /\.[cm]?tsx?$/.test(args.path) ? (args.path.endsWith('x') ? 'tsx' : 'ts') : args.path.endsWith('x') ? 'jsx' : 'js';
        return { contents: text.replaceAll('import.meta.url', `(${url})`), loader };
      });
    },
  };
}

/**
 * Builds the CLI bundle into a new folder and makes it the current one; returns its entry module.
 * `logLevel` is esbuild's: 'silent' for a build on the way to running a command (tsx reports what is wrong).
 */
export async function buildCliBundle({ logLevel = 'warning' } = {}) {
  const { build } = await import('esbuild');
  // stamped with the sources as they were before reading them: an edit during the build is newer
  const sourcesMtime = newestSourceMtime();
  const name = `build-${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const outdir = join(cliBundleDir, name);
  mkdirSync(outdir, { recursive: true });
  try {
    const result = await build({
      absWorkingDir: projectRoot,
      entryPoints: { tapeops: 'src-main/cli/main.ts' },
      outdir,
      bundle: true,
      // each `await import('./x-command')` becomes a chunk loaded only when that command runs
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      sourcemap: 'linked',
      metafile: true,
      logLevel,
      external: EXTERNAL_PACKAGES,
      // CommonJS packages bundled into an ES module still call require() for node's built-ins
      banner: { js: "import { createRequire as __tapeopsCreateRequire } from 'node:module'; const require = __tapeopsCreateRequire(import.meta.url);" },
      plugins: [sourceUrlPlugin(outdir, 'esm')],
    });
    writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  } catch (error) {
    rmSync(outdir, { recursive: true, force: true });
    throw error;
  }
  const previous = currentCliBuild()?.build;
  const temp = `${pointerFile}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ build: name, sourcesMtime })}\n`);
  renameSync(temp, pointerFile);
  pruneOldBuilds([name, previous]);
  return join(outdir, 'tapeops.mjs');
}

/**
 * The entry module of a fresh bundle, building it when it is stale; undefined when the build
 * failed (the caller runs the sources through tsx, which names what is wrong). While another
 * process holds the build lock, waits for that build instead of making the same one.
 */
export async function freshOrBuiltCliBundle() {
  const fresh = freshCliBundle();
  if (fresh) return fresh;
  mkdirSync(cliBundleDir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (takeBuildLock()) {
      try {
        return await buildCliBundle({ logLevel: 'silent' });
      } catch {
        return undefined;
      } finally {
        releaseBuildLock();
      }
    }
    const ended = await buildLockReleased();
    const built = freshCliBundle();
    if (built) return built;
    // released with no fresh bundle: that build failed, and this one would too; or it hangs
    if (ended !== 'died') return undefined;
  }
  return undefined;
}

function takeBuildLock() {
  if (createLockFile()) return true;
  if (lockHolderAlive()) return false;
  // the builder was killed mid-build (Ctrl-C on a first start): its lock is stale
  rmSync(lockFile, { force: true });
  return createLockFile();
}

function createLockFile() {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

function releaseBuildLock() {
  try {
    if (readFileSync(lockFile, 'utf8') === String(process.pid)) unlinkSync(lockFile);
  } catch {
    // already gone
  }
}

/** Whether the process named in the lock file still runs; false when there is no lock. */
function lockHolderAlive() {
  let text;
  let stat;
  try {
    text = readFileSync(lockFile, 'utf8');
    stat = statSync(lockFile);
  } catch {
    return false;
  }
  const pid = Number(text);
  // no pid yet: the holder is writing it, unless the file was left empty long ago
  if (!Number.isInteger(pid) || pid <= 0) return Date.now() - stat.mtimeMs < 10_000;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Waits while another process builds: 'released' when it let go of the lock, 'died' when it ended holding it. */
async function buildLockReleased() {
  // a build takes a second or two; two minutes covers a machine under heavy load
  for (let waited = 0; waited < 120_000; waited += 50) {
    if (!existsSync(lockFile)) return 'released';
    if (!lockHolderAlive()) return existsSync(lockFile) ? 'died' : 'released';
    await delay(50);
  }
  return 'timed-out';
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Old builds go once nothing can still be starting from them: an hour after they were made, and
 * never the one just replaced (a process may have read the pointer to it a moment ago). A process
 * loads every chunk it runs as it starts, so a console running longer keeps working.
 */
function pruneOldBuilds(keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(cliBundleDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || keep.includes(entry.name) || !entry.name.startsWith('build-')) continue;
    const path = join(cliBundleDir, entry.name);
    try {
      if (statSync(path).mtimeMs < hourAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}
