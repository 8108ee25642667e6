/** The simulated site over real SSH on 127.0.0.1: a shell channel with a pty, and an exec channel. */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect as tcpConnect } from 'node:net';
import { Client } from 'ssh2';
import { algorithmsFor } from '../../src-main/hosts/algorithms';
import { parseShowQueue } from '../../shared/vms/parsers';
import { startSimulatorSshServer } from '../../src-main/simulator/ssh/server';
import { siteAt } from '../unit/simulator/site-fixture';

const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
});
const { site } = siteAt('2010-08-04T09:00:00');
let server: Awaited<ReturnType<typeof startSimulatorSshServer>>;

beforeAll(async () => {
  server = await startSimulatorSshServer(site, {
    listen: [{ hostName: 'BLT4', port: 0 }],
    hostKeys: { BLT4: privateKey },
    users: [{ username: 'SYSTEM', password: 'secret' }],
  });
});
afterAll(async () => {
  await server.close();
});

function connect(): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = new Client();
    client.on('ready', () => resolve(client)).on('error', reject);
    // the simulated host speaks as the era's OpenVMS SSH server: the client offers its algorithms
    client.connect({ host: '127.0.0.1', port: server.ports['BLT4'], username: 'SYSTEM', password: 'secret', algorithms: algorithmsFor({ legacyAlgorithms: true }) });
  });
}

/** The identification line a server sends first (RFC 4253 §4.2), read off a plain TCP socket. */
function identification(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(text.slice(0, end));
      }
    });
    socket.once('error', reject);
  });
}

/** What a client with the given algorithms agrees on with a server, or the handshake's error. */
function handshake(port: number, algorithms?: ReturnType<typeof algorithmsFor>): Promise<{ kex: string; cipher: string; mac: string } | Error> {
  return new Promise((resolve) => {
    const client = new Client();
    client.on('handshake', (negotiated) => {
      client.end();
      resolve({ kex: negotiated.kex, cipher: negotiated.cs.cipher, mac: negotiated.cs.mac });
    });
    client.on('error', (error) => resolve(error));
    client.connect({ host: '127.0.0.1', port, username: 'SYSTEM', password: 'secret', ...(algorithms ? { algorithms } : {}) });
  });
}

describe('the SSH server of the era', () => {
  it('identifies as SSH Secure Shell 3.2 and agrees only on SHA-1 key exchange, CBC ciphers and hmac-sha1/md5', async () => {
    const port = server.ports['BLT4'] as number;
    expect(await identification(port)).toBe('SSH-2.0-3.2.0 SSH Secure Shell OpenVMS V5.5');
    expect(await handshake(port, algorithmsFor({ legacyAlgorithms: true }))).toEqual({
      kex: 'diffie-hellman-group-exchange-sha1',
      cipher: 'aes128-cbc',
      mac: 'hmac-sha1',
    });
    // a client offering only today's algorithms shares none with it
    const refused = await handshake(port);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/no matching/i);
  });

  it("serves today's algorithms for a host whose profile says sshServer: modern", async () => {
    const modern = await startSimulatorSshServer(site, {
      listen: [{ hostName: 'BLT4', port: 0, sshServer: 'modern' }],
      hostKeys: { BLT4: privateKey },
      users: [{ username: 'SYSTEM', password: 'secret' }],
    });
    try {
      const agreed = await handshake(modern.ports['BLT4'] as number);
      expect(agreed).not.toBeInstanceOf(Error);
      expect((agreed as { kex: string }).kex).not.toMatch(/sha1$/);
    } finally {
      await modern.close();
    }
  });
});

describe('simulator SSH server', () => {
  it('runs SHOW QUEUE/FULL TAPE_BACKUP in an exec channel', async () => {
    const client = await connect();
    const { output, code } = await new Promise<{ output: string; code: number }>((resolve, reject) => {
      client.exec('SHOW QUEUE/FULL TAPE_BACKUP', (error, stream) => {
        if (error) return reject(error);
        let output = '';
        let code = -1;
        stream.on('data', (d: Buffer) => (output += d.toString('latin1')));
        stream.on('exit', (c: number) => (code = c));
        stream.on('close', () => resolve({ output, code }));
      });
    });
    client.end();
    expect(code).toBe(0);
    const parsed = parseShowQueue(output);
    expect(parsed.ok && !parsed.refused && parsed.value.queues[0]?.jobLimit).toBe(1);
  });

  it('runs it in a shell channel with a pty, answering the terminal query', async () => {
    const client = await connect();
    const text = await new Promise<string>((resolve, reject) => {
      client.shell({ term: 'vt100' }, (error, stream) => {
        if (error) return reject(error);
        let output = '';
        let sent = false;
        stream.on('data', (d: Buffer) => {
          output += d.toString('latin1');
          if (output.includes('\x1b[c') && !output.includes('answered')) {
            output += 'answered';
            stream.write('\x1b[?1;2c');
          }
          if (!sent && output.includes('\0BLT4> ')) {
            sent = true;
            stream.write('SET PROMPT="TAPEOPS_1> "\rSHOW QUEUE/FULL TAPE_BACKUP\r');
          }
          if ((output.match(/\0TAPEOPS_1> /g) ?? []).length >= 2) {
            stream.end('LOGOUT\r');
            resolve(output);
          }
        });
        stream.on('close', () => resolve(output));
      });
    });
    client.end();
    expect(text).toContain('SHOW QUEUE/FULL TAPE_BACKUP\r\nBatch queue TAPE_BACKUP, idle, on BLT4::\r\n');
    expect(text).toContain('/JOB_LIMIT=1');
  });
});
