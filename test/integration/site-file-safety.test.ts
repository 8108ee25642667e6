/**
 * A profile path typed in Settings may name anything: a FIFO, a device, a folder, a huge file,
 * /proc/self/environ, a private key, an alias bomb. Each gives the one problem a technician
 * reads, promptly, and quotes nothing of the file beyond a short excerpt.
 */
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteProfile, readSiteProfile, type SiteProfileLoad } from '../../src-main/site/load-site-profile';

const projectRoot = join(import.meta.dirname, '..', '..');
const shippedFile = join(projectRoot, 'assets', 'sites', 'microfinancial.yaml');
const loaderModule = join(projectRoot, 'src-main', 'site', 'load-site-profile.ts');
// a wrong loader would block on the FIFO: the test fails on its timeout and afterAll frees the reader
const PROMPT = { timeout: 10_000 };

const dir = mkdtempSync(join(tmpdir(), 'tapeops-site-safety-'));
const fifo = join(dir, 'profile.fifo');
const socketPath = join(dir, 'profile.sock');
let socketServer: Server;
let child: ChildProcess | undefined;
const childSecret = `tapeops-probe-${randomBytes(16).toString('hex')}`;

beforeAll(async () => {
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(socketPath, resolve));
});

afterAll(async () => {
  releaseFifoReaders();
  child?.kill();
  await new Promise<void>((resolve) => socketServer.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Opening the writing end lets a reader stuck in open() go on; with no reader it fails at once. */
function releaseFifoReaders(): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is waiting to read, as it should be
  }
}

function problemsOf(result: SiteProfileLoad): string[] {
  return result.ok ? [] : result.problems;
}

/** loadSiteProfile (the synchronous start-up loader) in a process of its own, killed if it hangs. */
function loadInChild(file: string, env: NodeJS.ProcessEnv = process.env): Promise<SiteProfileLoad> {
  const script = `const { loadSiteProfile } = await import(process.argv[1]);
process.stdout.write(JSON.stringify(loadSiteProfile(process.argv[2])));`;
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, loaderModule, file],
      { cwd: projectRoot, env, timeout: 8_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout) as SiteProfileLoad)),
    );
  });
}

describe('readSiteProfile refuses what is not a regular file, without blocking', () => {
  it('a FIFO', PROMPT, async () => {
    expect(problemsOf(await readSiteProfile(fifo))).toEqual([`${fifo} is a FIFO (named pipe), not a regular file`]);
  });

  it('a link to a FIFO, named by the path given', PROMPT, async () => {
    const link = join(dir, 'link-to-fifo.yaml');
    symlinkSync(fifo, link);
    expect(problemsOf(await readSiteProfile(link))).toEqual([`${link} is a FIFO (named pipe), not a regular file`]);
  });

  it('/dev/zero', PROMPT, async () => {
    expect(problemsOf(await readSiteProfile('/dev/zero'))).toEqual(['/dev/zero is a character device, not a regular file']);
  });

  it('a folder', PROMPT, async () => {
    expect(problemsOf(await readSiteProfile(dir))).toEqual([`${dir} is a folder, not a profile file`]);
  });

  it('a socket', PROMPT, async () => {
    expect(problemsOf(await readSiteProfile(socketPath))).toEqual([`${socketPath} is a socket, not a regular file`]);
  });

  it('a file that is not there, by its full path', PROMPT, async () => {
    const missing = join(dir, 'nowhere.yaml');
    expect(problemsOf(await readSiteProfile(relative(process.cwd(), missing)))).toEqual([`no such file: ${missing}`]);
  });
});

describe('readSiteProfile refuses a file over the size cap', () => {
  it('by its size, before reading it', PROMPT, async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, '#'.repeat(300 * 1024));
    expect(problemsOf(await readSiteProfile(big))).toEqual([`${big} is too large for a site profile: 300 KiB, the limit is 256 KiB`]);
  });

  it('by what it reads, from a file whose size says 0 (/proc)', PROMPT, async () => {
    expect(problemsOf(await readSiteProfile('/proc/self/status', { maxBytes: 64 }))).toEqual([
      '/proc/self/status is too large for a site profile: more than 64 bytes, the limit is 64 bytes',
    ]);
  });
});

describe('a profile problem quotes no more than an excerpt of the file', () => {
  it('/proc/self/environ is refused as not text, and no environment value is shown', PROMPT, async () => {
    // /proc/self/environ is the environment a process started with: give a child one with a secret
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { env: { TAPEOPS_PROBE_SECRET: childSecret }, stdio: 'ignore' });
    await new Promise((resolve) => child?.once('spawn', resolve));
    const environ = `/proc/${child.pid}/environ`;
    const result = await readSiteProfile(environ);
    expect(problemsOf(result)).toEqual([`${environ} is not a text file (it holds NUL bytes)`]);
    expect(JSON.stringify(result)).not.toContain(childSecret);
    expect(problemsOf(await readSiteProfile('/proc/self/environ'))).toEqual(['/proc/self/environ is not a text file (it holds NUL bytes)']);
  });

  it('a file of secrets, read whole as one YAML text, shows 40 characters of it', PROMPT, async () => {
    const secrets = Array.from({ length: 60 }, (_, i) => `SECRET_${i}=${randomBytes(32).toString('hex')}`);
    const file = join(dir, 'secrets.env');
    writeFileSync(file, `${secrets.join('\n')}\n`);
    const text = secrets.join(' ');
    const result = await readSiteProfile(file);
    expect(problemsOf(result)).toEqual([`(profile): expected a mapping, got "${text.slice(0, 40)}…" (${text.length} characters)`]);
    const shown = JSON.stringify(result);
    for (const secret of secrets) expect(shown).not.toContain(secret.split('=')[1]);
  });

  it('a private key shows only its first line and a few characters', PROMPT, async () => {
    const body = Array.from({ length: 20 }, () => randomBytes(52).toString('base64'));
    const file = join(dir, 'id_rsa');
    writeFileSync(file, `-----BEGIN OPENSSH PRIVATE KEY-----\n${body.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`);
    const problems = problemsOf(await readSiteProfile(file));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(profile\): expected a mapping, got "-----BEGIN OPENSSH PRIVATE KEY----- .{4}…" \(\d+ characters\)$/);
    for (const line of body) expect(problems[0]).not.toContain(line.slice(0, 8));
  });

  it('a file that is not UTF-8 text is refused as such', PROMPT, async () => {
    const file = join(dir, 'binary.yaml');
    writeFileSync(file, Buffer.from([0x73, 0x69, 0x74, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    expect(problemsOf(await readSiteProfile(file))).toEqual([`${file} is not a text file (it is not valid UTF-8)`]);
  });
});

describe('readSiteProfile on YAML', () => {
  it('lists an alias bomb as a profile problem', PROMPT, async () => {
    const file = join(dir, 'bomb.yaml');
    const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 9; level++) {
      const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await readSiteProfile(file);
    expect(problemsOf(result)).toEqual(["the profile's YAML aliases (*name) stand for more than 1000 values once expanded; write the values out instead"]);
  });

  it('loads a copy of the shipped profile, named by its full path', PROMPT, async () => {
    const copy = join(dir, 'copy.yaml');
    copyFileSync(shippedFile, copy);
    const result = await readSiteProfile(relative(process.cwd(), copy));
    expect(result).toMatchObject({ ok: true, file: copy });
    const startUp = loadSiteProfile(shippedFile);
    expect(result.ok && startUp.ok && result.profile).toEqual(startUp.ok && startUp.profile);
  });
});

describe('loadSiteProfile (start-up) makes the same checks', () => {
  it('refuses a FIFO and /dev/zero without blocking', { timeout: 20_000 }, async () => {
    const [onFifo, onZero] = await Promise.all([loadInChild(fifo), loadInChild('/dev/zero')]);
    expect(problemsOf(onFifo)).toEqual([`${fifo} is a FIFO (named pipe), not a regular file`]);
    expect(problemsOf(onZero)).toEqual(['/dev/zero is a character device, not a regular file']);
  });

  it('refuses its own /proc/self/environ without showing the environment', { timeout: 20_000 }, async () => {
    const result = await loadInChild('/proc/self/environ', { ...process.env, TAPEOPS_PROBE_SECRET: childSecret });
    expect(problemsOf(result)).toEqual(['/proc/self/environ is not a text file (it holds NUL bytes)']);
    expect(JSON.stringify(result)).not.toContain(childSecret);
  });

  it('refuses a file over the cap', () => {
    const big = join(dir, 'big-sync.yaml');
    writeFileSync(big, '#'.repeat(2048));
    expect(problemsOf(loadSiteProfile(big, { maxBytes: 1024 }))).toEqual([`${big} is too large for a site profile: 2 KiB, the limit is 1 KiB`]);
  });
});
