/**
 * A real OpenSSH server for host-link tests: Debian's sshd on a free 127.0.0.1 port, with its own
 * configuration, host key and authorized key in a temporary folder, optionally running the
 * simulated OpenVMS site as its ForceCommand. Also a TCP relay that can go silent, as a link does
 * when a cable is pulled or a firewall forgets the connection.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SSHD = '/usr/sbin/sshd';
export const SSH_KEYGEN = '/usr/bin/ssh-keygen';
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const TAPEOPS_CLI = join(PROJECT_ROOT, 'bin', 'tapeops.js');

export function sshdAvailable(): boolean {
  return existsSync(SSHD) && existsSync(SSH_KEYGEN);
}

export interface SshdOptions {
  /** The command every session runs, whatever the client asks (sshd's ForceCommand). */
  forceCommand?: string;
  /** The kind of host key: `dsa` for a server as old as OpenVMS's. */
  hostKeyType?: 'rsa' | 'dsa' | 'ed25519';
  /** More sshd_config lines, such as `KexAlgorithms diffie-hellman-group1-sha1`. */
  config?: string[];
  /**
   * The sshd executable to start (absolute): a link to sshd under another name makes it use the
   * PAM service of that name, since OpenSSH names its PAM service after the program it runs as.
   */
  program?: string;
  /**
   * How users log in: with the authorized client key (the default), or only by keyboard-interactive
   * through PAM (UsePAM yes, no key, no plain password method; root may log in this way).
   */
  login?: 'publickey' | 'pam-keyboard-interactive';
}

export interface RunningSshd {
  port: number;
  /** The user sessions log in as (the one running the tests). */
  user: string;
  /** The client's private key (OpenSSH format), whose public half is authorized. */
  clientKey: string;
  /** The host key's fingerprint as `ssh-keygen -lf` prints it. */
  fingerprint: string;
  /** What sshd logged, for a failing test to show. */
  log(): string;
  /** Replaces the host key and restarts sshd on the same port, as a reinstalled host would. */
  regenerateHostKey(): Promise<string>;
  stop(): Promise<void>;
}

/** The simulated BLT4 on stdin/stdout, for ForceCommand. */
export function simulatorForceCommand(host = 'BLT4'): string {
  return `${process.execPath} ${TAPEOPS_CLI} simulate --stdio --host ${host}`;
}

export function simulatorCliExists(): boolean {
  const main = join(PROJECT_ROOT, 'src-main', 'cli', 'main.ts');
  return existsSync(main) && readFileSync(main, 'utf8').includes("'simulate'");
}

export async function startSshd(options: SshdOptions = {}): Promise<RunningSshd> {
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-sshd-'));
  // sshd refuses to start without its privilege separation directory
  mkdirSync('/run/sshd', { recursive: true });
  const hostKey = join(dir, 'host_key');
  const clientKey = join(dir, 'client_key');
  const keyType = options.hostKeyType ?? 'rsa';
  const makeHostKey = (): void => {
    rmSync(hostKey, { force: true });
    rmSync(`${hostKey}.pub`, { force: true });
    keygen(['-t', keyType, ...(keyType === 'rsa' ? ['-b', '2048'] : []), '-f', hostKey, '-N', '', '-C', 'tapeops-test-host']);
  };
  makeHostKey();
  keygen(['-t', 'ed25519', '-f', clientKey, '-N', '', '-C', 'tapeops-test-client']);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${clientKey}.pub`));
  const port = await freePort();
  const user = userInfo().username;
  const configFile = join(dir, 'sshd_config');
  const pam = options.login === 'pam-keyboard-interactive';
  const program = options.program ?? SSHD;
  writeFileSync(
    configFile,
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      `UsePAM ${pam ? 'yes' : 'no'}`,
      `PubkeyAuthentication ${pam ? 'no' : 'yes'}`,
      'PasswordAuthentication no',
      `KbdInteractiveAuthentication ${pam ? 'yes' : 'no'}`,
      `PermitRootLogin ${user !== 'root' ? 'no' : pam ? 'yes' : 'prohibit-password'}`,
      'PrintMotd no',
      'PrintLastLog no',
      'UseDNS no',
      'LogLevel VERBOSE',
      ...(keyType === 'dsa' ? ['HostKeyAlgorithms +ssh-dss', 'PubkeyAcceptedAlgorithms +ssh-dss'] : []),
      ...(options.forceCommand === undefined ? [] : [`ForceCommand ${options.forceCommand}`]),
      ...(options.config ?? []),
      '',
    ].join('\n'),
  );

  let child: ChildProcess;
  let output = '';
  const launch = async (): Promise<void> => {
    child = spawn(program, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.setEncoding('utf8');
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`sshd did not start:\n${output}`)), 10_000);
      child.stderr?.on('data', (text: string) => {
        output += text;
        if (output.includes(`Server listening on 127.0.0.1 port ${port}`)) {
          clearTimeout(timer);
          ready();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`sshd exited with ${code}:\n${output}`));
      });
    });
  };
  const halt = (): Promise<void> =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  await launch();

  return {
    port,
    user,
    clientKey: readFileSync(clientKey, 'utf8'),
    fingerprint: fingerprintOf(`${hostKey}.pub`),
    log: () => output,
    async regenerateHostKey() {
      await halt();
      makeHostKey();
      await launch();
      return fingerprintOf(`${hostKey}.pub`);
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function keygen(args: string[]): void {
  const result = spawnSync(SSH_KEYGEN, ['-q', ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ssh-keygen ${args.join(' ')} failed: ${result.stderr}`);
}

function fingerprintOf(publicKeyFile: string): string {
  const result = spawnSync(SSH_KEYGEN, ['-l', '-E', 'sha256', '-f', publicKeyFile], { encoding: 'utf8' });
  const fingerprint = /SHA256:[A-Za-z0-9+/]{43}/.exec(result.stdout)?.[0];
  if (fingerprint === undefined) throw new Error(`ssh-keygen -l could not read ${publicKeyFile}: ${result.stderr}`);
  return fingerprint;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

export interface SilentRelay {
  /** Where clients connect: 127.0.0.1 and this port. */
  port: number;
  /**
   * The connections open now stop passing anything either way, and are never closed: dead but
   * silent, as when a cable is pulled. Connections made afterwards pass as usual.
   */
  goSilent(): void;
  /** Cuts the connections open now at once (RST), as a host that crashes would. */
  reset(): void;
  close(): Promise<void>;
}

interface RelayedPair {
  client: Socket;
  upstream: Socket;
  silent: boolean;
}

/** A TCP relay to 127.0.0.1:`targetPort` that a test can silence or cut. */
export async function startRelay(targetPort: number): Promise<SilentRelay> {
  const pairs = new Set<RelayedPair>();
  const server: Server = createServer((client) => {
    const pair: RelayedPair = { client, upstream: connect({ host: '127.0.0.1', port: targetPort }), silent: false };
    const { upstream } = pair;
    pairs.add(pair);
    client.on('data', (data) => {
      if (!pair.silent) upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (!pair.silent) client.write(data);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => {
      pairs.delete(pair);
      if (!pair.silent) upstream.destroy();
    });
    upstream.on('close', () => {
      pairs.delete(pair);
      if (!pair.silent) client.destroy();
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    port: (server.address() as AddressInfo).port,
    goSilent() {
      for (const pair of pairs) pair.silent = true;
    },
    reset() {
      for (const { client, upstream } of pairs) {
        client.resetAndDestroy();
        upstream.destroy();
      }
      pairs.clear();
    },
    close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}
