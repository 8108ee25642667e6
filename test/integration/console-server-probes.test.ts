/**
 * The browser shell against hostile and broken clients: each probe here once ended the whole
 * server process. The server runs in a process of its own so that "still alive" means it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ConsoleSocket, httpGet } from '../support/console-client';
import { startServerProcess, type ServerProcess } from '../support/console-server-process';
import { encodeFrame, rawUpgrade, type RawConnection } from '../support/raw-websocket';

const TOKEN = 'probe-token-0123456789abcdefghijkl';
const MiB = 1024 * 1024;

let dir: string;
let server: ServerProcess;
let origin: string;
let apiUrl: string;
let bystander: ConsoleSocket;

/** A file the kernel lists as a regular file of 4096 bytes and refuses to read (EINVAL). */
const UNREADABLE = '/sys/class/net/lo/speed';
function reallyUnreadable(): boolean {
  if (!existsSync(UNREADABLE)) return false;
  try {
    readFileSync(UNREADABLE);
    return false;
  } catch {
    return true;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tapeops-console-probes-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>TapeOps probe page</title>\n');
  writeFileSync(join(dir, 'assets', 'big.js'), 'x'.repeat(5 * MiB));
  if (reallyUnreadable()) symlinkSync(UNREADABLE, join(dir, 'assets', 'unreadable.js'));
  execFileSync('mkfifo', [join(dir, 'assets', 'fifo.js')]);
  await startServer();
});

async function startServer(): Promise<void> {
  server = await startServerProcess(dir, TOKEN);
  origin = `http://127.0.0.1:${server.port}`;
  apiUrl = `ws://127.0.0.1:${server.port}/api?token=${TOKEN}`;
  bystander = await ConsoleSocket.open(apiUrl, origin);
}

// a probe that ended the process fails its own test; the next one starts from a running server
beforeEach(async () => {
  if (!server.alive()) await startServer();
});

afterAll(async () => {
  bystander?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The other tab, open all along, still gets its answers, and the process is still there. */
async function othersUnharmed(): Promise<void> {
  expect(server.alive(), 'the server process is running').toBe(true);
  const info = await bystander.request('app.info', {});
  expect(info.result).toEqual({ ok: { shell: 'browser' } });
  expect((await httpGet(server.port, '/')).status).toBe(200);
}

function upgrade(host = `127.0.0.1:${server.port}`): Promise<RawConnection> {
  return rawUpgrade(server.port, { path: `/api?token=${TOKEN}`, host, origin });
}

async function maxRss(): Promise<number> {
  const answer = await bystander.request('test.memory', {});
  return (answer.result.ok as { maxRss: number }).maxRss;
}

describe('a frame ws cannot accept closes that one connection', () => {
  it('the raw client speaks WebSocket: a well-formed request is answered', async () => {
    const connection = await upgrade();
    expect(connection.status).toBe(101);
    connection.send({ opcode: 0x1, payload: JSON.stringify({ id: 1, name: 'app.info', input: {} }) });
    expect(JSON.parse(await connection.nextText())).toEqual({ id: 1, result: { ok: { shell: 'browser' } } });
    connection.send({ opcode: 0x8, payload: Buffer.from([0x03, 0xe8]) });
    expect((await connection.ended).code).toBe(1000);
  });

  const cases = [
    { what: 'a text frame over 1 MiB', frame: { opcode: 0x1, payload: Buffer.alloc(MiB + 1, 0x61) }, code: 1009 },
    { what: 'a text frame that is not UTF-8', frame: { opcode: 0x1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0x7d]) }, code: 1007 },
    { what: 'an unmasked frame', frame: { opcode: 0x1, payload: '{"id":1,"name":"app.info","input":{}}', masked: false }, code: 1002 },
    { what: 'a frame of unknown opcode 0x3', frame: { opcode: 0x3, payload: 'x' }, code: 1002 },
  ];
  for (const { what, frame, code } of cases) {
    it(`${what}: closed with ${code}, the other tab and the process unharmed`, async () => {
      const connection = await upgrade();
      expect(connection.status).toBe(101);
      connection.send(frame);
      const close = await connection.ended;
      expect(close.code).toBe(code);
      expect(connection.texts).toEqual([]);
      await othersUnharmed();
    });
  }
});

describe('the upgrade', () => {
  it('is refused with 421 for a foreign Host, as a DNS-rebinding page would send it', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `127.0.0.1.evil.example:${server.port}`]) {
      const connection = await upgrade(host);
      expect(connection.status, host).toBe(421);
      await connection.ended;
    }
    // the two names of the console's own address still open the socket
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const connection = await upgrade(host);
      expect(connection.status, host).toBe(101);
      connection.socket.destroy();
    }
    await othersUnharmed();
  });

  it('is refused with 400 for a request target that is no URL', async () => {
    for (const path of ['http://[', '//', 'http://127.0.0.1:99999/api']) {
      const connection = await rawUpgrade(server.port, { path, host: `127.0.0.1:${server.port}`, origin });
      expect(connection.status, path).toBe(400);
      await connection.ended;
    }
    await othersUnharmed();
  });
});

describe('a client that does not keep up', () => {
  it('asking 10,000 large audit pages and reading none is closed; the server stays small', async () => {
    const before = await maxRss();
    const slow = new WebSocket(apiUrl, { origin });
    await new Promise((resolve, reject) => slow.once('open', resolve).once('error', reject));
    // from here on this client reads nothing: the answers wait in the server
    slow.pause();
    let answers = 0;
    slow.on('message', () => (answers += 1));
    const closed = new Promise<{ code: number; reason: string }>((resolve) => slow.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    for (let id = 1; id <= 10_000; id++) slow.send(JSON.stringify({ id, name: 'audit.recent', input: { limit: 500 } }));

    const logged = await server.logLine(/closed a console connection: .*answers left unread/);
    expect(logged).toContain('16 MiB');
    // peak resident memory of the server process, not a sample: 10,000 answers would be 3 GB
    expect(await maxRss()).toBeLessThan(before + 300 * MiB);
    await othersUnharmed();

    slow.resume();
    const close = await closed;
    expect(close.code).toBe(1008);
    expect(close.reason).toMatch(/answers left unread/);
    // what was read before the close; the rest of the 10,000 was dropped, never built
    expect(answers).toBeGreaterThan(0);
    expect(answers).toBeLessThan(1_000);
  });

  it('more than 64 requests waiting on their answers at once is closed, and their answers dropped', async () => {
    const greedy = await ConsoleSocket.open(apiUrl, origin);
    for (let i = 0; i < 200; i++) greedy.sendRaw(JSON.stringify({ id: i + 1, name: 'test.hold', input: {} }));
    expect(await greedy.closed).toBe(1008);
    expect(await server.logLine(/closed a console connection: more than 64 requests at once/)).toBeDefined();
    const released = await bystander.request('test.release', {});
    expect(released.result.ok).toBe('released');
    expect(greedy.frames).toEqual([]);
    await othersUnharmed();
  });

  it('a flood of pings whose pongs are never read ends that connection', async () => {
    const pinger = await upgrade();
    expect(pinger.status).toBe(101);
    pinger.socket.pause();
    // ws itself cuts off a connection with more than 60 pongs it could not write out; the pinger
    // learns it when its next write fails, since it reads nothing
    const ping = encodeFrame({ opcode: 0x9, payload: Buffer.alloc(125, 0x70) });
    const batch = Buffer.concat(Array.from({ length: 10_000 }, () => ping));
    let batches = 0;
    let over = false;
    void pinger.ended.then(() => (over = true));
    while (!over && batches < 100) {
      batches += 1;
      if (!pinger.socket.write(batch)) await Promise.race([new Promise((drained) => pinger.socket.once('drain', drained)), pinger.ended]);
    }
    const ended = await pinger.ended;
    expect(ended.code).toBeNull();
    await othersUnharmed();
  });

  it('a tab that reads gets an answer larger than the limit whole, and the event sent right behind it', async () => {
    const reader = await ConsoleSocket.open(apiUrl, origin);
    try {
      const after = reader.event('test.after-export', 10_000);
      const exported = await reader.request('test.export', {});
      expect((exported.result.ok as string).length).toBe(24 * MiB);
      expect(await after).toEqual({ event: 'test.after-export', payload: {} });
    } finally {
      reader.close();
    }
    await othersUnharmed();
  });
});

describe('the static files', () => {
  it('serves a 5 MiB asset whole', async () => {
    const answer = await httpGet(server.port, '/assets/big.js', { timeoutMs: 10_000 });
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(5 * MiB);
  });

  it.skipIf(!reallyUnreadable())('answers a file the kernel will not read with 500, and goes on serving', async () => {
    const answer = await httpGet(server.port, '/assets/unreadable.js');
    expect(answer.status).toBe(500);
    expect(await server.logLine(/could not serve \/assets\/unreadable\.js/)).toBeDefined();
    await othersUnharmed();
  });

  it('answers a FIFO with 404 instead of waiting for a writer', async () => {
    const answer = await httpGet(server.port, '/assets/fifo.js');
    expect(answer.status).toBe(404);
    await othersUnharmed();
  });
});
