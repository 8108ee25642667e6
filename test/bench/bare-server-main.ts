/**
 * A tiny static HTTP server for the benchmark baseline: serves one built folder on 127.0.0.1,
 * prints its URL, and runs until SIGINT or SIGTERM.
 *
 *   node test/bench/bare-server.js --port 0 --dir DIR
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export async function main(args: string[]): Promise<number> {
  const dir = option(args, '--dir');
  if (!dir) {
    console.error('usage: bare-server.js --port N --dir DIR');
    return 2;
  }
  const root = resolve(dir);
  const port = Number(option(args, '--port') ?? '0');

  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream', 'Content-Length': size });
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  const { port: bound } = server.address() as AddressInfo;
  console.log(`Bare baseline serving on:\nhttp://127.0.0.1:${bound}/`);

  await new Promise<void>((stopped) => {
    const stop = () => {
      server.closeAllConnections();
      server.close(() => stopped());
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
