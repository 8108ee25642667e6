/**
 * The SSH connection under a host link, with ssh2: our own TCP socket (Nagle off, so a short
 * command line goes out at once), keepalives (ssh2's defaults never notice a silently dropped
 * link), the pinned host key checked before any credential is sent, and either one interactive
 * DCL session (the default) or one exec channel per command.
 */
import { randomBytes } from 'node:crypto';
import { connect as tcpConnect } from 'node:net';
import ssh2, { type AuthMethod, type Client as SshClient, type ClientChannel, type ConnectConfig } from 'ssh2';
import type { DclCommand } from '../../shared/vms/dcl/command-line';
import { algorithmsFor, legacyAlgorithmWarnings, legacyInUse } from './algorithms';
import type { AuthenticationMethod, CredentialStore, HostSecret } from './credentials';
import { verifyHostKey, type HostKeyVerdict } from './host-key-check';
import { describeHostKey } from './host-key-fingerprint';
import { HostLinkError, type HostLinkErrorCode } from './host-link-error';
import { sftpFileReader } from './file-reader';
import { execResult, type ExecExitStatus } from './exec-status';
import type { LinkTransport, OpenTransport, TransportRequest, TransportRunResult } from './link-transport';
import { ShellSession, type ShellChannel } from './shell-session';
import { realTimers, type Timers } from './timers';

// ssh2 is CommonJS: under Node's own ES module loader its exports come only through the default
const { Client } = ssh2;

export interface SshLinkOptions {
  authentication: AuthenticationMethod;
  credentials: CredentialStore;
  /** The host's profile entry allows the algorithms of old OpenVMS SSH servers. */
  legacyAlgorithms?: boolean;
  /** `shell` unless the profile says exec requests work on this host. */
  mode?: 'shell' | 'exec';
  /** How an exec channel's exit status is read (see ./exec-status); `posix` unless the profile says. */
  execExitStatus?: ExecExitStatus;
  /** A silently dropped link is noticed within interval × (countMax + 1). */
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  /** TCP connection, SSH handshake and authentication together. */
  readyTimeoutMs?: number;
  /** The DCL session's login and setup. */
  loginTimeoutMs?: number;
  /** How long a quiet login is taken as DCL waiting for a command (see ShellSession). */
  loginQuietMs?: number;
  timers?: Timers;
  /** 8 upper-case hex digits for the session's prompt; random unless a test fixes it. */
  promptToken?: () => string;
  /** ssh2's protocol trace, for diagnosing a host that will not talk. */
  debug?: (message: string) => void;
}

export const DEFAULT_KEEPALIVE_INTERVAL_MS = 15_000;
export const DEFAULT_KEEPALIVE_COUNT_MAX = 3;

/** The opener a HostLink uses to reach a host over SSH. */
export function sshTransport(options: SshLinkOptions): OpenTransport {
  return (request) => openSsh(request, options);
}

async function openSsh(request: TransportRequest, options: SshLinkOptions): Promise<LinkTransport> {
  const { host } = request;
  const timers = options.timers ?? realTimers;
  const secret = await options.credentials.get(host.name);
  if (secret === undefined) {
    throw new HostLinkError('no-credentials', `no ${describeMethod(options.authentication)} is stored for ${host.name}; enter it on the Hosts screen`, {
      host: host.name,
    });
  }
  const legacy = options.legacyAlgorithms ?? false;
  const authHandler = authMethods(options.authentication, host.user, secret);
  const client = new Client();
  // listening from the start, so that a close between login and use is not missed
  const connection = new SshConnection(client, host.name, timers);
  const socket = tcpConnect({ host: host.address, port: host.port });
  socket.setNoDelay(true);

  let verdict: HostKeyVerdict | undefined;
  let negotiatedLegacy: string[] = [];
  let handshaken = false;
  const config: ConnectConfig = {
    sock: socket,
    username: host.user,
    authHandler,
    hostVerifier: (key: Buffer) => {
      verdict = verifyHostKey(host.name, request.pinned, describeHostKey(key));
      return verdict.kind === 'match';
    },
    algorithms: algorithmsFor({ legacyAlgorithms: legacy, ...(request.pinned ? { pinnedKeyType: request.pinned.algorithm } : {}) }),
    keepaliveInterval: options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: options.keepaliveCountMax ?? DEFAULT_KEEPALIVE_COUNT_MAX,
    readyTimeout: options.readyTimeoutMs ?? 20_000,
    ...(options.debug ? { debug: options.debug } : {}),
  };

  await new Promise<void>((resolve, reject) => {
    const fail = (): void => {
      client.removeListener('ready', onReady);
      reject(handshakeFailure(host.name, host.address, host.port, verdict, connection.lastError, options.authentication, legacy, handshaken));
    };
    const onReady = (): void => {
      client.removeListener('close', fail);
      resolve();
    };
    client.on('handshake', (negotiated) => {
      handshaken = true;
      negotiatedLegacy = legacyInUse({
        kex: negotiated.kex,
        serverHostKey: negotiated.serverHostKey,
        cipher: negotiated.cs.cipher,
        mac: negotiated.cs.mac,
      });
    });
    client.once('ready', onReady);
    client.once('close', fail);
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 throws synchronously for a configuration it cannot use (a malformed private key)
      socket.destroy();
      reject(new HostLinkError('auth-failed', `cannot use the stored credentials for ${host.name}: ${(error as Error).message}`, { host: host.name, cause: error }));
    }
  });

  const warnings = [
    ...legacyAlgorithmWarnings(host.name, { legacyAlgorithms: legacy }),
    ...(negotiatedLegacy.length > 0 ? [`${host.name} is connected with legacy algorithms: ${negotiatedLegacy.join('; ')}`] : []),
  ];
  try {
    if ((options.mode ?? 'shell') === 'exec') {
      return connection.asExec(warnings, options.execExitStatus ?? 'posix');
    }
    return await connection.asShell(warnings, {
      timers,
      promptToken: (options.promptToken ?? randomToken)(),
      loginTimeoutMs: options.loginTimeoutMs ?? 30_000,
      ...(options.loginQuietMs === undefined ? {} : { loginQuietMs: options.loginQuietMs }),
    });
  } catch (error) {
    connection.close();
    throw error;
  }
}

function randomToken(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

function describeMethod(method: AuthenticationMethod): string {
  return method === 'publickey' ? 'private key' : 'password';
}

function authMethods(method: AuthenticationMethod, username: string, secret: HostSecret): AuthMethod[] {
  if (method === 'publickey') {
    if (secret.kind !== 'private-key') throw wrongSecret(method);
    return [{ type: 'publickey', username, key: secret.privateKey, ...(secret.passphrase ? { passphrase: secret.passphrase } : {}) } as AuthMethod];
  }
  if (secret.kind !== 'password') throw wrongSecret(method);
  if (method === 'password') return [{ type: 'password', username, password: secret.password } as AuthMethod];
  const password = secret.password;
  // OpenVMS asks for the password as one keyboard-interactive prompt; a second prompt (a
  // password change on expiry) cannot be answered from here, so it gets no answer and fails.
  return [
    {
      type: 'keyboard-interactive',
      username,
      prompt: (_name: string, _instructions: string, _lang: string, prompts: { prompt: string }[], finish: (answers: string[]) => void) => {
        finish(prompts.map((p) => (/password/i.test(p.prompt) ? password : '')));
      },
    } as AuthMethod,
  ];
}

function wrongSecret(method: AuthenticationMethod): HostLinkError {
  return new HostLinkError('no-credentials', `the stored secret does not fit ${method} authentication`);
}

/** Turns the way a connection attempt ended into the error the operator reads. */
export function handshakeFailure(
  host: string,
  address: string,
  port: number,
  verdict: HostKeyVerdict | undefined,
  error: (Error & { level?: string; code?: unknown }) | undefined,
  method: AuthenticationMethod,
  legacy: boolean,
  handshaken: boolean,
): HostLinkError {
  if (verdict?.kind === 'unknown') return new HostLinkError('host-key-unknown', verdict.message, { host, offered: verdict.offered });
  if (verdict?.kind === 'changed') {
    return new HostLinkError('host-key-changed', verdict.message, { host, offered: verdict.offered, pinned: verdict.pinned });
  }
  const message = error?.message ?? 'the connection closed';
  const code = typeof error?.code === 'string' ? error.code : '';
  const fail = (c: HostLinkErrorCode, text: string): HostLinkError => new HostLinkError(c, text, { host, cause: error });
  if (error?.level === 'client-authentication') {
    return fail('auth-failed', `${host} refused the ${describeMethod(method)} for this user (${method} authentication)`);
  }
  if (error?.level === 'client-timeout') return fail('timeout', `${host} (${address}:${port}) did not complete the SSH handshake in time`);
  if (/no matching/i.test(message)) {
    return fail(
      'no-common-algorithm',
      `${host} and the console share no SSH algorithm (${message.replace(/^Handshake failed: /, '')})` +
        (legacy ? '' : `; if this is an old OpenVMS SSH server, set legacyAlgorithms: true for ${host} in the site profile`),
    );
  }
  if (['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT'].includes(code)) {
    return fail('unreachable', `${host} (${address}:${port}) cannot be reached: ${code}`);
  }
  if (!handshaken) {
    // an SSH server that shares no algorithm with the client may just reset the connection,
    // and the reset can overtake its list of algorithms
    return fail(
      'link-dropped',
      `the connection to ${host} (${address}:${port}) ended before the SSH key exchange completed: ${message}` +
        (legacy ? '' : `; if this is an old OpenVMS SSH server, it may share no algorithm with the console: set legacyAlgorithms: true for ${host} in the site profile`),
    );
  }
  return fail('link-dropped', `the connection to ${host} (${address}:${port}) ended during login: ${message}`);
}

/** An ssh2 client, and what the link does with it once logged in. */
class SshConnection {
  /** The last error ssh2 reported; its close event follows. */
  lastError: (Error & { level?: string; code?: unknown }) | undefined;
  private dropListener: ((error: HostLinkError) => void) | undefined;
  private closing = false;
  private ended = false;
  private dropped = false;

  constructor(
    private readonly client: SshClient,
    private readonly host: string,
    private readonly timers: Timers,
  ) {
    // ssh2 throws an error event that nobody listens to, so this listener stays for good
    client.on('error', (error) => {
      this.lastError = error;
    });
    client.on('close', () => {
      this.ended = true;
      this.reportDrop();
    });
  }

  async asShell(warnings: string[], session: { timers: Timers; promptToken: string; loginTimeoutMs: number; loginQuietMs?: number }): Promise<LinkTransport> {
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      if (this.ended) return reject(this.lostDuringLogin());
      // a VT100 as wide as DCL goes; the host asks what terminal it is and is told VT100
      this.client.shell({ term: 'vt100', cols: 255, rows: 24 }, (error, stream) => {
        if (this.ended) reject(this.lostDuringLogin());
        else if (error) reject(new HostLinkError('shell-refused', `${this.host} refused an interactive session: ${error.message}`, { host: this.host, cause: error }));
        else resolve(stream);
      });
    });
    const shell = new ShellSession(adaptChannel(channel), {
      host: this.host,
      timers: session.timers,
      promptToken: session.promptToken,
      ...(session.loginQuietMs === undefined ? {} : { loginQuietMs: session.loginQuietMs }),
    });
    const latencyMs = await shell.start(session.loginTimeoutMs);
    // the session is the connection: when it ends, the link must start over
    channel.on('close', () => {
      this.reportDrop('the DCL session ended');
      this.close();
    });
    return this.transport('shell', [...warnings, ...shell.setupWarnings()], latencyMs, async (dcl, timeoutMs) => {
      try {
        return await shell.run(dcl, timeoutMs);
      } catch (error) {
        throw mayHaveRun(error, this.host);
      }
    });
  }

  asExec(warnings: string[], exitStatus: ExecExitStatus): LinkTransport {
    if (this.ended) throw this.lostDuringLogin();
    return this.transport('exec', warnings, undefined, (dcl, timeoutMs) => this.exec(dcl, timeoutMs, exitStatus));
  }

  close(): void {
    this.closing = true;
    this.client.end();
  }

  private transport(
    mode: 'shell' | 'exec',
    warnings: readonly string[],
    latencyMs: number | undefined,
    run: (dcl: DclCommand, timeoutMs: number) => Promise<TransportRunResult>,
  ): LinkTransport {
    const files = sftpFileReader(this.client, this.host, this.timers);
    return {
      mode,
      warnings,
      latencyMs,
      run,
      files,
      onDrop: (listener) => {
        this.dropListener = listener;
        // it may have ended while the link was still taking it on
        if (this.ended) queueMicrotask(() => this.reportDrop());
      },
      close: () => {
        files.close();
        this.close();
      },
    };
  }

  private lostDuringLogin(): HostLinkError {
    return new HostLinkError('link-dropped', `the connection to ${this.host} closed right after login`, { host: this.host, cause: this.lastError });
  }

  /** Tells the link, once, that the connection ended without being asked to. */
  private reportDrop(reason?: string): void {
    if (this.dropped || this.closing || this.dropListener === undefined) return;
    this.dropped = true;
    const why =
      reason ?? (this.lastError?.message === 'Keepalive timeout' ? 'the host stopped answering keepalives' : (this.lastError?.message ?? 'the connection closed'));
    this.dropListener(new HostLinkError('link-dropped', `the link to ${this.host} dropped: ${why}`, { host: this.host, cause: this.lastError }));
  }

  private exec(dcl: DclCommand, timeoutMs: number, exitStatus: ExecExitStatus): Promise<TransportRunResult> {
    const { timers, host } = this;
    return new Promise<TransportRunResult>((resolve, reject) => {
      const openedAt = timers.monotonicMs();
      let settled = false;
      let stream: ClientChannel | undefined;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(timer);
        this.client.removeListener('close', onClientClose);
        action();
      };
      const timer = timers.setTimeout(() => {
        settle(() =>
          reject(new HostLinkError('timeout', `${host} did not finish ${JSON.stringify(dcl.command)} within ${timeoutMs / 1000} s`, { host, mayHaveRun: true })),
        );
        stream?.close();
      }, timeoutMs);
      const onClientClose = (): void => {
        settle(() => reject(new HostLinkError('link-dropped', `the link to ${host} dropped during ${JSON.stringify(dcl.command)}`, { host, mayHaveRun: true })));
      };
      this.client.once('close', onClientClose);
      try {
        this.client.exec(dcl.command, (error, channel) => {
          if (error) {
            // refused before anything ran: nothing needs checking on the host
            settle(() => reject(new HostLinkError('exec-refused', `${host} refused to run a command by exec: ${error.message}`, { host, cause: error })));
            return;
          }
          stream = channel;
          const latencyMs = timers.monotonicMs() - openedAt;
          const out: Buffer[] = [];
          const err: Buffer[] = [];
          let code: number | null | undefined;
          channel.on('data', (chunk: Buffer) => out.push(chunk));
          channel.stderr.on('data', (chunk: Buffer) => err.push(chunk));
          channel.on('exit', (exitCode: number | null) => {
            code = exitCode;
          });
          channel.on('close', () => {
            settle(() => {
              try {
                resolve({ ...execResult(Buffer.concat(out).toString('latin1'), Buffer.concat(err).toString('latin1'), code, exitStatus, host), latencyMs });
              } catch (failure) {
                reject(failure);
              }
            });
          });
        });
      } catch (error) {
        settle(() => reject(new HostLinkError('link-dropped', `the link to ${host} is closed: ${(error as Error).message}`, { host, cause: error })));
      }
    });
  }
}

/** Once a command line is written to the session, a failure may have come after it ran. */
function mayHaveRun(error: unknown, host: string): HostLinkError {
  if (error instanceof HostLinkError) {
    return new HostLinkError(error.code, error.message, { host, mayHaveRun: true, cause: error });
  }
  return new HostLinkError('link-dropped', `the session on ${host} failed: ${(error as Error).message}`, { host, mayHaveRun: true, cause: error });
}

function adaptChannel(channel: ClientChannel): ShellChannel {
  return {
    write: (data) => {
      if (channel.writable) channel.write(Buffer.from(data, 'latin1'));
    },
    onData: (listener) => {
      channel.on('data', (chunk: Buffer) => listener(chunk.toString('latin1')));
      // with a terminal the host merges the two; without one, errors come on stderr
      channel.stderr.on('data', (chunk: Buffer) => listener(chunk.toString('latin1')));
    },
    onClose: (listener) => {
      channel.on('close', listener);
    },
    close: () => channel.close(),
  };
}
