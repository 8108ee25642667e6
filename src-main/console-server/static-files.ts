import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Opens a file for reading; null if it is not there or not a regular file. Opening before looking
 * at it means the file read is the file looked at; O_NONBLOCK keeps a FIFO from holding the open.
 */
async function openRegularFile(file: string): Promise<{ handle: FileHandle; size: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const stat = await handle.stat();
    if (stat.isFile()) return { handle, size: stat.size };
  } catch {
    // an unreadable entry is as good as none
  }
  await handle.close();
  return null;
}

/**
 * Serves the built renderer; anything outside its folder, or unknown, is a 404. Rejects when the
 * file cannot be read: before anything is sent the caller answers 500; once sending, the response
 * is already destroyed, so a browser never takes a short file for a whole one.
 */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, headers).end('bad request');
    return;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
  const file = normalize(join(root, relative));
  if (!file.startsWith(root + sep) || relative.includes('\0')) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  const opened = await openRegularFile(file);
  if (!opened) {
    res.writeHead(404, headers).end('not found');
    return;
  }
  const head = {
    ...headers,
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(opened.size),
    'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (req.method === 'HEAD') {
    await opened.handle.close();
    res.writeHead(200, head).end();
    return;
  }
  // the stream closes the handle however it ends
  const stream = opened.handle.createReadStream();
  // A file that cannot be read at all fails here, while a 500 can still be sent.
  await once(stream, 'readable');
  res.writeHead(200, head);
  try {
    await pipeline(stream, res);
  } catch (error) {
    // the browser going away mid-file is no failure of ours
    if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
  }
}
