/**
 * The simulated site over real SSH (ssh2's Server) on 127.0.0.1, one port per simulated host, each
 * with its own host key: password and public-key authentication, interactive shell channels (a pty
 * request first) carrying a DCL session, exec channels running one command (unless refused, as
 * some VMS SSH servers are set up), and the link-dropped fault cutting connections abruptly.
 */
import { timingSafeEqual } from 'node:crypto';
import ssh2, { type Algorithms, type Connection, type Server, type ServerChannel } from 'ssh2';

// ssh2 is CommonJS: Node's ES module loader gives its exports only through the default import
const { Server: SshServer, utils } = ssh2;
import type { SimulatedSite } from '../index';
import { GROUP_EXCHANGE_SERVED, serveGroupExchange } from './group-exchange';
import { serveSftp } from './sftp-files';

/**
 * The SSH server of HP TCP/IP Services for OpenVMS of 2010, from SSH Secure Shell 3.2 (2002):
 * SHA-1 key exchanges only, DSA and RSA host keys signed with SHA-1, CBC ciphers and hmac-sha1/md5, and
 * the identification string of its era. A host whose profile says `sshServer: modern` gets ssh2's
 * own defaults instead.
 */
export const LEGACY_SERVER = {
  ident: '3.2.0 SSH Secure Shell OpenVMS V5.5',
  algorithms: {
    // ssh2's server cannot answer a group exchange by itself: ./group-exchange does, and where it
    // cannot (another ssh2) the other key exchange of that server is offered alone
    kex: GROUP_EXCHANGE_SERVED ? ['diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'] : ['diffie-hellman-group1-sha1'],
    // a host given no DSA key offers ssh-rsa alone (see serverSpeech)
    serverHostKey: ['ssh-dss', 'ssh-rsa'],
    cipher: ['aes128-cbc', '3des-cbc'],
    hmac: ['hmac-sha1', 'hmac-md5'],
  },
} as const satisfies { ident: string; algorithms: Algorithms };

export interface SimulatorSshOptions {
  /**
   * One port per host; `sshServer` as the host's profile entry says (legacy by default); `exec`
   * false refuses exec channels, as VMS SSH servers set up for interactive use do (allowed unless
   * said).
   */
  listen: { hostName: string; port: number; sshServer?: 'legacy' | 'modern'; exec?: boolean }[];
  /** Each host's private keys (PEM): an RSA key, and a DSA key for the legacy server. */
  hostKeys: Record<string, string | readonly string[]>;
  users: { username: string; password?: string; publicKeys?: string[] }[];
  refuseExec?: boolean;
}

/** The key types of PEM private keys, as SSH names them. */
function keyTypes(keys: readonly string[]): string[] {
  return keys.map((key) => {
    const parsed = utils.parseKey(key);
    if (parsed instanceof Error) throw new Error(`a host key cannot be read: ${parsed.message}`);
    return (Array.isArray(parsed) ? parsed[0] : parsed).type;
  });
}

/**
 * The keys and algorithms one host's server speaks with: the legacy server offers the era's
 * signatures for the keys it has; the modern one leaves DSA out, as OpenSSH 7.0 and later do.
 */
function serverSpeech(sshServer: 'legacy' | 'modern', keys: readonly string[]): { hostKeys: string[]; ident: string; algorithms?: Algorithms } {
  const types = keyTypes(keys);
  if (sshServer === 'modern') return { hostKeys: keys.filter((_, i) => types[i] !== 'ssh-dss'), ident: 'OpenSSH_8.9 OpenVMS' };
  const algorithms = structuredClone(LEGACY_SERVER.algorithms) as { serverHostKey: string[] };
  algorithms.serverHostKey = algorithms.serverHostKey.filter((name) => types.includes(name));
  return { hostKeys: [...keys], ident: LEGACY_SERVER.ident, algorithms: algorithms as unknown as Algorithms };
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** SSH exit status of a command: 0 when its VMS status is success (odd), 1 otherwise. */
export function exitCodeOf(status: number): number {
  return (status & 1) === 1 ? 0 : 1;
}

export async function startSimulatorSshServer(site: SimulatedSite, options: SimulatorSshOptions): Promise<{ ports: Record<string, number>; close(): Promise<void> }> {
  const servers: Server[] = [];
  const ports: Record<string, number> = {};
  const connections = new Map<string, Set<Connection>>();
  const users = options.users.map((user) => ({
    username: user.username.toUpperCase(),
    password: user.password,
    keys: (user.publicKeys ?? []).map((text) => {
      const parsed = utils.parseKey(text);
      if (parsed instanceof Error) throw new Error(`a public key of ${user.username} cannot be read: ${parsed.message}`);
      return Array.isArray(parsed) ? (parsed[0] as Exclude<typeof parsed, Error | unknown[]>) : parsed;
    }),
  }));

  const stopLinkDrops = site.onLinkDrop((host) => {
    for (const [name, set] of connections) {
      if (host !== undefined && host !== name) continue;
      // abruptly: the socket goes, as when the network drops; no SSH disconnect message
      for (const connection of set) (connection as unknown as { _sock?: { destroy(): void } })._sock?.destroy();
    }
  });

  for (const { hostName, port, sshServer = 'legacy', exec = true } of options.listen) {
    const host = hostName.toUpperCase();
    const key = options.hostKeys[host] ?? options.hostKeys[hostName];
    if (key === undefined) throw new Error(`no host key for ${host}`);
    const speaks = serverSpeech(sshServer, typeof key === 'string' ? [key] : key);
    const set = new Set<Connection>();
    connections.set(host, set);
    const server = new SshServer(speaks, (client) => {
      serveGroupExchange(client);
      set.add(client);
      let username = 'SYSTEM';
      client.on('authentication', (ctx) => {
        const user = users.find((u) => u.username === ctx.username.toUpperCase());
        if (user === undefined) return ctx.reject(['password', 'publickey']);
        if (ctx.method === 'password' && user.password !== undefined && same(Buffer.from(ctx.password), Buffer.from(user.password))) {
          username = user.username;
          return ctx.accept();
        }
        if (ctx.method === 'publickey') {
          const match = user.keys.find((k) => k.type === ctx.key.algo && same(Buffer.from(k.getPublicSSH()), ctx.key.data));
          if (match !== undefined) {
            if (ctx.signature === undefined || ctx.blob === undefined) {
              username = user.username;
              return ctx.accept();
            }
            if (match.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true) {
              username = user.username;
              return ctx.accept();
            }
          }
        }
        return ctx.reject(['password', 'publickey']);
      });
      client.on('ready', () => {
        client.on('session', (acceptSession) => {
          const session = acceptSession();
          let hasPty = false;
          session.on('pty', (accept) => {
            hasPty = true;
            accept?.();
          });
          session.on('window-change', (accept) => accept?.());
          session.on('env', (accept) => accept?.());
          session.on('shell', (accept) => {
            const channel = accept();
            attachShell(site, host, username, channel, hasPty);
          });
          session.on('sftp', (accept) => serveSftp(site, host, username, accept()));
          session.on('exec', (accept, reject, info) => {
            if (!exec || options.refuseExec === true || site.faults.active().some((f) => f === 'exec refused: *' || f === `exec refused: ${host}`)) {
              reject();
              return;
            }
            const channel = accept();
            void site.exec(host, info.command, { username }).then(
              (result) => {
                channel.write(result.output);
                channel.exit(exitCodeOf(result.status));
                channel.end();
              },
              () => {
                channel.exit(1);
                channel.end();
              },
            );
          });
        });
      });
      client.on('close', () => set.delete(client));
      client.on('error', () => set.delete(client));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    ports[host] = typeof address === 'object' && address !== null ? address.port : port;
    servers.push(server);
  }

  return {
    ports,
    async close() {
      stopLinkDrops();
      for (const set of connections.values()) for (const connection of set) connection.end();
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

function attachShell(site: SimulatedSite, host: string, username: string, channel: ServerChannel, hasPty: boolean): void {
  const session = site.openSession(host, { username });
  void hasPty;
  session.onOutput((data) => {
    if (channel.writable) channel.write(data);
  });
  session.onClose(() => {
    if (channel.writable) {
      channel.exit(0);
      channel.end();
    }
  });
  channel.on('data', (data: Buffer) => session.write(data.toString('latin1')));
  channel.on('close', () => session.close());
}
