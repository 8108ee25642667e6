import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { WebSocket, WebSocketServer } from 'ws';
import { serveStatic } from './static-files';
import { defaultSocketLimits, handleSocket, type ApiEndpoint, type SocketLimits, type StreamedDownload } from './socket-api';

export interface ConsoleServer {
  /** The URL to open, with the per-start token. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ConsoleServerOptions {
  /**
   * What answers the API. It may still be starting: the page is served at once, and a socket
   * opened before the services are ready is taken up when they are (refused, 503, if they fail).
   */
  services: ApiEndpoint | Promise<ApiEndpoint>;
  staticDir: string;
  port?: number;
  /** Known only for tests; a fresh random token is made at every start otherwise. */
  token?: string;
  /** What one connection may hold; `defaultSocketLimits` otherwise. */
  limits?: Partial<SocketLimits>;
  /** Where the server says it closed a connection or failed a file; standard error otherwise. */
  log?: (line: string) => void;
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function sameSecret(given: string | null, token: string): boolean {
  if (given === null || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function refuse(socket: Socket, status: number, reason: string): void {
  // The upgrade's socket has no error listener of Node's any more: a reset would end the process.
  socket.on('error', () => socket.destroy());
  // A client that never closes its side would otherwise hold the connection open.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** A file offered by a request, written straight into the response (a long audit log is never held whole). */
function streamDownload(download: StreamedDownload, res: ServerResponse, headers: Record<string, string>, log: (line: string) => void): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': download.mime,
    'Content-Disposition': `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
  });
  download.write(res).catch((error: unknown) => {
    log(`the download ${download.fileName} stopped: ${(error as Error).message}`);
    res.destroy();
  });
}

/** The browser shell: the built console and the API over a WebSocket, on 127.0.0.1 only. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log ?? ((line: string) => console.error(line));
  const limits: SocketLimits = { ...defaultSocketLimits, ...options.limits };
  let services: ApiEndpoint | undefined;
  const servicesReady = Promise.resolve(options.services).then((ready) => (services = ready));
  // failing services are the caller's to report (its own await); here they only refuse sockets
  servicesReady.catch(() => undefined);
  // ws is loaded with the first socket, not before the page can be served
  let socketServer: Promise<WebSocketServer> | undefined;
  const webSockets = () =>
    (socketServer ??= import('ws').then(
      ({ WebSocketServer }) =>
        new WebSocketServer({
          noServer: true,
          maxPayload: 1 << 20,
          perMessageDeflate: false,
          // One message per turn of the event loop: a burst of requests is answered as it is read, so
          // the answers of quick requests do not pile up behind it and other tabs get their turn.
          allowSynchronousEvents: false,
        }),
    ));
  const sockets = new Set<WebSocket>();
  let port = 0;
  let closing = false;
  const ownHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;

  const server = createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    // A page of another site could reach 127.0.0.1 through DNS rebinding; only our own Host is served.
    if (!ownHost(req.headers.host)) {
      res.writeHead(421, headers).end('misdirected request');
      return;
    }
    // the endpoint knows which paths it offered; any other is a page or an asset
    const download = req.method === 'GET' && req.url !== undefined ? services?.takeDownload?.(req.url) : undefined;
    if (download !== undefined) {
      streamDownload(download, res, headers, log);
      return;
    }
    // no request may take the console down; the operator's other tabs keep working
    serveStatic(options.staticDir, req, res, headers).catch((error: unknown) => {
      log(`could not serve ${req.url ?? '/'}: ${(error as Error).message}`);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, headers).end('internal error');
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const allowedOrigins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    // The same DNS-rebinding guard as the pages': a foreign page must not reach the socket either.
    if (!ownHost(req.headers.host)) return refuse(socket, 421, 'Misdirected Request');
    let url: URL;
    try {
      // Node passes on a request target such as `http://[` as it came
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (url.pathname !== '/api') return refuse(socket, 404, 'Not Found');
    if (!sameSecret(url.searchParams.get('token'), token)) return refuse(socket, 401, 'Unauthorized');
    if (!allowedOrigins.includes(req.headers.origin ?? '')) return refuse(socket, 403, 'Forbidden');
    // until the upgrade is answered the client sends nothing; a reset meanwhile must not end the process
    const dropped = () => socket.destroy();
    socket.on('error', dropped);
    Promise.all([webSockets(), servicesReady]).then(
      ([wss, endpoint]) => {
        socket.off('error', dropped);
        if (closing) return refuse(socket, 503, 'Service Unavailable');
        wss.handleUpgrade(req, socket, head, (ws) => {
          sockets.add(ws);
          ws.on('close', () => sockets.delete(ws));
          handleSocket(ws, endpoint, { limits, log });
        });
      },
      () => {
        socket.off('error', dropped);
        refuse(socket, 503, 'Service Unavailable');
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: async () => {
      closing = true;
      for (const ws of sockets) ws.terminate();
      const wss = await socketServer?.catch(() => undefined);
      if (wss) await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // an idle keep-alive connection would otherwise hold close() until its timeout
      server.closeAllConnections();
      await closed;
    },
  };
}
