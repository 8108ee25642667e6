/**
 * A tiny static HTTP server for the benchmark baseline: serves one built folder on 127.0.0.1,
 * prints its URL, and runs until SIGINT or SIGTERM.
 *
 *   node test/bench/bare-server.js --port 0 --dir DIR
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
// the same file serving as the console's, so the baseline differs from the console only in the app
import { serveStatic } from '../../src-main/console-server/static-files';

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

  const server = createServer((req, res) => serveStatic(root, req, res, {}));

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
