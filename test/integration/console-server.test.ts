import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMain } from '../../src-main/app/start-console';
import { startConsoleServer, type ConsoleServer } from '../../src-main/console-server/server';
import { BILL_RUN_2010_08_03_SLOTS, makeStaticDir, makeTempDir, openServices, type TempDir } from '../support/api-fixtures';
import { ConsoleSocket, httpGet, isAnswer, upgradeRefusal } from '../support/console-client';

let dir: TempDir;
let services: ConsoleMain;
let staticFiles: ReturnType<typeof makeStaticDir>;
let server: ConsoleServer;
let token: string;
let origin: string;
let apiUrl: string;
const sockets: ConsoleSocket[] = [];

beforeAll(async () => {
  dir = makeTempDir('console-server');
  services = (await openServices(dir)).services;
  staticFiles = makeStaticDir(dir);
  server = await startConsoleServer({ services, staticDir: staticFiles.root });
  token = new URL(server.url).searchParams.get('token') ?? '';
  origin = `http://127.0.0.1:${server.port}`;
  apiUrl = `ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
  await services.close();
  dir.remove();
});

async function openSocket(): Promise<ConsoleSocket> {
  const socket = await ConsoleSocket.open(apiUrl, origin);
  sockets.push(socket);
  return socket;
}

/** Whether a TCP connection to host:port is accepted. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function cspDirectives(header: string | string[] | undefined): Map<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  const directives = new Map<string, string[]>();
  for (const part of String(header).split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('where the console server listens', () => {
  it('prints http://127.0.0.1:PORT/?token=... with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+$/);
    expect(new URL(server.url).port).toBe(String(server.port));
    expect(server.port).toBeGreaterThan(0);
    expect(token.length).toBeGreaterThanOrEqual(24);
  });

  it('accepts connections on 127.0.0.1 and on no other address of the machine', async () => {
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && !(a.family === 'IPv4' && a.address.startsWith('127.')))
      .map((a) => (a as { address: string }).address.split('%')[0] as string);
    // 127.0.0.2 would answer a listen on 0.0.0.0, ::1 a dual-stack listen on "::" or "localhost"
    for (const address of new Set(['127.0.0.2', '::1', ...others])) {
      expect(await canConnect(address, server.port), address).toBe(false);
    }
  });

  it('makes a new token at every start', async () => {
    const second = await startConsoleServer({ services, staticDir: staticFiles.root });
    try {
      const secondToken = new URL(second.url).searchParams.get('token');
      expect(secondToken).not.toBe(token);
      expect(second.port).not.toBe(server.port);
      // the first start's token does not open the second server
      const status = await upgradeRefusal(`ws://127.0.0.1:${second.port}/api?token=${token}`, `http://127.0.0.1:${second.port}`);
      expect(status).toBe(401);
    } finally {
      await second.close();
    }
  });
});

describe('the WebSocket API', () => {
  it('refuses a missing token, a wrong token and a token of the wrong length', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    expect(await upgradeRefusal(base, origin)).toBe(401);
    expect(await upgradeRefusal(`${base}?token=`, origin)).toBe(401);
    const wrong = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await upgradeRefusal(`${base}?token=${wrong}`, origin)).toBe(401);
    expect(await upgradeRefusal(`${base}?token=${token}x`, origin)).toBe(401);
  });

  it('refuses the right token from a foreign Origin or from no Origin', async () => {
    expect(await upgradeRefusal(apiUrl, 'http://evil.example')).toBe(403);
    expect(await upgradeRefusal(apiUrl, `http://evil.example:${server.port}`)).toBe(403);
    expect(await upgradeRefusal(apiUrl, `http://127.0.0.1:${server.port + 1}`)).toBe(403);
    expect(await upgradeRefusal(apiUrl, 'null')).toBe(403);
    expect(await upgradeRefusal(apiUrl)).toBe(403);
  });

  it('answers a request frame {id, name, input} with {id, result}', async () => {
    const socket = await openSocket();
    const answer = await socket.request('day.plan', { date: '2010-08-03' });
    expect(answer.id).toBe(1);
    const plan = answer.result.ok as { kind: string; slots: unknown[] };
    expect(plan.kind).toBe('billrun');
    expect(plan.slots).toEqual(BILL_RUN_2010_08_03_SLOTS);

    const refused = await socket.request('day.plan', { date: '2010-02-30' });
    expect(refused).toMatchObject({ id: 2, result: { error: { code: 'invalid-input' } } });
  });

  it('answers a malformed frame with bad-frame and keeps the socket usable', async () => {
    const socket = await openSocket();
    for (const raw of ['not json', '[]', 'null', '{"id":"1","name":"app.info","input":{}}', '{"id":1.5,"name":"app.info"}', '{"id":3}']) {
      socket.sendRaw(raw);
      const answer = await socket.waitFor(isAnswer);
      expect(answer, raw).toMatchObject({ id: null, result: { error: { code: 'bad-frame' } } });
    }
    const info = await socket.request('app.info', {});
    expect(info.result.ok).toMatchObject({ shell: 'browser', site: { name: 'Microfinancial' } });
  });

  it('keeps one operator per connection and sends audit.appended to the other consoles', async () => {
    const first = await openSocket();
    const second = await openSocket();
    const signIn = await first.request('session.signIn', { initials: 'ab' });
    expect(signIn.result.ok).toEqual({ initials: 'AB', name: null });

    const event = await second.event('audit.appended');
    expect(event.payload).toMatchObject({ who: 'AB', action: 'operator.sign-in', subject: 'AB' });

    // the second console has not signed in: signing in on one tab does not sign in the others
    const choose = await second.request('site.choose', { file: 'whatever.yaml' });
    expect(choose.result.error?.code).toBe('not-signed-in');
  });
});

describe('HTTP', () => {
  it('serves the console page at the printed URL and its assets, each with a strict CSP', async () => {
    const page = await httpGet(server.port, `/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toBe(staticFiles.indexHtml);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const asset = await httpGet(server.port, '/assets/app-test.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe(staticFiles.assetJs);
    expect(asset.headers['content-type']).toMatch(/javascript/);

    for (const answer of [page, asset, await httpGet(server.port, '/missing.js')]) {
      const csp = cspDirectives(answer.headers['content-security-policy']);
      expect(String(answer.headers['content-security-policy'])).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toContain(`ws://127.0.0.1:${server.port}`);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('lets a page opened as localhost:PORT reach its own WebSocket under the CSP', async () => {
    // the server serves Host localhost:PORT and accepts Origin http://localhost:PORT, and the
    // page connects to ws://<its own host>/api: the CSP must allow that address too
    const page = await httpGet(server.port, `/?token=${token}`, { host: `localhost:${server.port}` });
    expect(page.status).toBe(200);
    const connectSrc = cspDirectives(page.headers['content-security-policy']).get('connect-src') ?? [];
    expect(connectSrc.some((source) => source === `ws://localhost:${server.port}` || source === "'self'")).toBe(true);
  });

  it('answers a foreign Host header with 421', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`]) {
      const answer = await httpGet(server.port, '/', { host });
      expect(answer.status, host).toBe(421);
      expect(answer.body).not.toContain('TapeOps test page');
    }
  });

  it('answers path traversal with 404 and never serves a file outside the console folder', async () => {
    // package.json of the project and a file beside the renderer folder
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/..%2ftapeops.db',
      '/%2e%2e%2ftapeops.db',
      '/assets/..%2f..%2ftapeops.db',
      '/..%5ctapeops.db',
      '/index.html%00.js',
    ]) {
      const answer = await httpGet(server.port, path);
      expect(answer.status, path).toBe(404);
    }
  });

  it('answers a request with broken percent-encoding and stays up', async () => {
    for (const path of ['/%zz', '/%E0%A4%A', '/assets/%']) {
      const answer = await httpGet(server.port, path, { timeoutMs: 1500 });
      expect([400, 404], path).toContain(answer.status);
    }
    expect((await httpGet(server.port, '/')).status).toBe(200);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/', method: 'POST', headers: { Host: `127.0.0.1:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('x');
    });
    expect(answer).toBe(405);
  });
});

describe('the audit log export', () => {
  it("streams the CSV from a one-time path the signed-in request is given, on the console's own origin", async () => {
    const socket = await openSocket();
    const before = await socket.request('audit.csv', {});
    expect(JSON.stringify(before.result)).toContain('not-signed-in');
    await socket.request('session.signIn', { initials: 'JS' });
    await socket.request('labels.chooseStock', { use: 'set', stockId: 'avery-l7165' });
    const answer = (await socket.request('audit.csv', {})).result as { ok: { fileName: string; download: string } };
    expect(answer.ok.fileName).toMatch(/^tapeops-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(answer.ok.download).toMatch(/^\/downloads\/[\w-]{20,}$/);

    const file = await httpGet(server.port, answer.ok.download);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${answer.ok.fileName}"`);
    const lines = file.body.split('\r\n');
    expect(lines[0]).toBe('id,at,who,action,subject,details');
    expect(file.body).toContain(',JS,settings.change,labels.stock.set,');
    // the path serves once, and a guessed one serves nothing
    expect((await httpGet(server.port, answer.ok.download)).status).toBe(404);
    expect((await httpGet(server.port, '/downloads/guessed')).status).toBe(404);
  });
});

describe('while the console behind the page is still starting', () => {
  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    return { promise, resolve, reject };
  }

  async function serverOn(starting: Promise<ConsoleMain>) {
    const started = await startConsoleServer({ services: starting, staticDir: staticFiles.root, log: () => {} });
    const ownToken = new URL(started.url).searchParams.get('token') ?? '';
    return { started, url: `ws://127.0.0.1:${started.port}/api?token=${ownToken}`, origin: `http://127.0.0.1:${started.port}` };
  }

  it('serves the page at once and answers a socket opened meanwhile when the console has started', async () => {
    const starting = deferred<ConsoleMain>();
    const { started, url, origin: own } = await serverOn(starting.promise);
    try {
      expect((await httpGet(started.port, '/')).status).toBe(200);
      let opened = false;
      const opening = ConsoleSocket.open(url, own).then((socket) => {
        opened = true;
        return socket;
      });
      // the server has had a whole round trip to take the upgrade up, and waits
      expect((await httpGet(started.port, '/')).status).toBe(200);
      expect(opened).toBe(false);
      starting.resolve(services);
      const socket = await opening;
      const answer = await socket.request('day.plan', { date: '2010-08-03' });
      expect((answer.result.ok as { kind: string }).kind).toBe('billrun');
      socket.close();
    } finally {
      await started.close();
    }
  });

  it('refuses sockets with 503 when the console could not start, and keeps serving the page', async () => {
    const starting = deferred<ConsoleMain>();
    const { started, url, origin: own } = await serverOn(starting.promise);
    try {
      const refusal = upgradeRefusal(url, own);
      starting.reject(new Error('the store is held by another console'));
      expect(await refusal).toBe(503);
      expect(await upgradeRefusal(url, own)).toBe(503);
      expect((await httpGet(started.port, '/')).status).toBe(200);
    } finally {
      await started.close();
    }
  });
});

describe('closing', () => {
  it('close() ends open WebSockets and keep-alive connections, and stops listening', async () => {
    const ownDir = makeTempDir('console-close');
    const own = (await openServices(ownDir)).services;
    const files = makeStaticDir(ownDir);
    const started = await startConsoleServer({ services: own, staticDir: files.root });
    try {
      const ownToken = new URL(started.url).searchParams.get('token') ?? '';
      const socket = await ConsoleSocket.open(`ws://127.0.0.1:${started.port}/api?token=${ownToken}`, `http://127.0.0.1:${started.port}`);
      const agent = new Agent({ keepAlive: true });
      expect((await httpGet(started.port, '/', { agent })).status).toBe(200);
      // a browser keeps the connection open, idle, after the page has loaded (the answer has ended)

      const closing = started.close();
      const outcome = await Promise.race([
        Promise.all([closing, socket.closed]).then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open after 3 s'), 3000)),
      ]);
      agent.destroy();
      expect(outcome).toBe('closed');
      expect(await canConnect('127.0.0.1', started.port)).toBe(false);
    } finally {
      await own.close();
      ownDir.remove();
    }
  });
});
