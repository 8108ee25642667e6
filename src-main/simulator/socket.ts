/**
 * One simulated site behind many OpenSSH sessions: the site serves DCL sessions of one host on a
 * Unix socket, and each session's ForceCommand (`tapeops simulate --stdio --attach SOCKET`) only
 * joins its terminal to that socket. Every session then sees the same queues and the same drive,
 * as every login to a real host does; a ForceCommand that started its own site per session could
 * not show that a SUBMIT sent before a dropped link is still in the queue after a new login.
 */
import { rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import type { SimulatedSite } from './index';
import { serveStdio } from './stdio';

export interface SessionSocket {
  readonly path: string;
  close(): Promise<void>;
}

export async function serveSessionsOnSocket(site: SimulatedSite, hostName: string, path: string): Promise<SessionSocket> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // a session cut from the far side is the same as a dropped link: nothing to report
    socket.on('error', () => socket.destroy());
    void serveStdio(site, hostName, socket, socket).then(() => socket.end());
  });
  // a socket file left by a site that was killed would refuse the listen
  rmSync(path, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Joins standard input and output to a site's session socket until either side ends; the exit
 * code is 0, or 1 with one line on `err` when the socket cannot be reached.
 */
export function attachToSessionSocket(path: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  return new Promise<number>((resolve) => {
    const socket = connect(path);
    let connected = false;
    socket.once('connect', () => {
      connected = true;
      input.pipe(socket);
      socket.pipe(output);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected) err.write(`tapeops simulate: no simulated site answers on ${path} (${error.code ?? error.message})\n`);
      resolve(connected ? 0 : 1);
    });
    socket.once('close', () => resolve(0));
    input.once('end', () => socket.end());
  });
}
