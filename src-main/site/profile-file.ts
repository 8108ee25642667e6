/**
 * Reading a site profile file whose path an operator typed: only a regular file, only up to a
 * size cap, and never blocking on what is not a file (a FIFO would wait for a writer forever,
 * /dev/zero would never end, a tape device would rewind on open).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';

/**
 * The largest profile read: the shipped one is 38 KiB, a site with several times its jobs fits.
 * The YAML is parsed on the main thread, which a hostile file of this size holds for about a
 * second (256 KiB of keys, list items or errors: 0.9 to 1.2 s of CPU here, against 0.09 s for
 * the shipped profile), every client waiting meanwhile.
 */
export const DEFAULT_MAX_PROFILE_BYTES = 256 * 1024;

export interface ProfileFileOptions {
  /** Refuse a file larger than this many bytes (default DEFAULT_MAX_PROFILE_BYTES). */
  maxBytes?: number;
}

/** The text of the file, or the one-line reason it was refused, naming the file. */
export type ProfileFileText = { ok: true; text: string } | { ok: false; problem: string };

// O_NONBLOCK: should the path be swapped for a FIFO after the stat, open returns at once
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;

export async function readProfileFile(file: string, options: ProfileFileOptions = {}): Promise<ProfileFileText> {
  const maxBytes = maxBytesOf(options);
  try {
    // refused before opening, so that opening has no effect on a device
    const refusal = refusalOf(file, await stat(file), maxBytes);
    if (refusal) return refusal;
    const handle = await open(file, OPEN_FLAGS);
    try {
      const opened = refusalOf(file, await handle.stat(), maxBytes);
      if (opened) return opened;
      const chunks: Buffer[] = [];
      let total = 0;
      // a /proc file says size 0 and a file may grow while read: read one byte past the cap at most
      while (total <= maxBytes) {
        const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
      return textOf(file, Buffer.concat(chunks, total), maxBytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, problem: errorProblem(file, error) };
  }
}

/** The same checks as readProfileFile, for start-up before anything else runs. */
export function readProfileFileSync(file: string, options: ProfileFileOptions = {}): ProfileFileText {
  const maxBytes = maxBytesOf(options);
  try {
    const refusal = refusalOf(file, statSync(file), maxBytes);
    if (refusal) return refusal;
    const fd = openSync(file, OPEN_FLAGS);
    try {
      const opened = refusalOf(file, fstatSync(fd), maxBytes);
      if (opened) return opened;
      const chunks: Buffer[] = [];
      let total = 0;
      while (total <= maxBytes) {
        const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
        const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
      return textOf(file, Buffer.concat(chunks, total), maxBytes);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { ok: false, problem: errorProblem(file, error) };
  }
}

function maxBytesOf(options: ProfileFileOptions): number {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_PROFILE_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a positive whole number, not ${maxBytes}`);
  return maxBytes;
}

function refusalOf(file: string, stats: Stats, maxBytes: number): ProfileFileText | undefined {
  if (stats.isDirectory()) return { ok: false, problem: `${file} is a folder, not a profile file` };
  if (!stats.isFile()) return { ok: false, problem: `${file} is ${kindOf(stats)}, not a regular file` };
  if (stats.size > maxBytes) return { ok: false, problem: tooLarge(file, formatBytes(stats.size), maxBytes) };
  return undefined;
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function textOf(file: string, bytes: Buffer, maxBytes: number): ProfileFileText {
  if (bytes.length > maxBytes) return { ok: false, problem: tooLarge(file, `more than ${formatBytes(maxBytes)}`, maxBytes) };
  // a YAML profile never holds a NUL; /proc/self/environ and binary files do
  if (bytes.includes(0)) return { ok: false, problem: `${file} is not a text file (it holds NUL bytes)` };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: `${file} is not a text file (it is not valid UTF-8)` };
  }
}

function tooLarge(file: string, size: string, maxBytes: number): string {
  return `${file} is too large for a site profile: ${size}, the limit is ${formatBytes(maxBytes)}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

function errorProblem(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file: ${file}`;
    case 'EISDIR':
      return `${file} is a folder, not a profile file`;
    case 'EACCES':
    case 'EPERM':
      return `not allowed to read ${file}`;
    default:
      return `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
