/**
 * Builds the link to one host of the site profile: the HostLink with its SSH transport, the
 * pinned keys from the store and the credentials of the shell it runs in.
 */
import type { Clock } from '../../shared/clock';
import type { BackoffPolicy } from './backoff';
import type { AuthenticationMethod, CredentialStore } from './credentials';
import type { ExecExitStatus } from './exec-status';
import { HostLink, type HostKeyPins } from './host-link';
import type { HostEndpoint } from './link-transport';
import { sshTransport, type SshLinkOptions } from './ssh-transport';
import type { Timers } from './timers';

/**
 * How the console reaches a host, beyond address, port and user. These would be optional
 * fields of the host's profile entry (see the proposal in the report); until then, the caller
 * passes them.
 */
export interface HostAccess {
  authentication: AuthenticationMethod;
  /** Allow the algorithms of old OpenVMS SSH servers (shown as a warning on the Hosts screen). */
  legacyAlgorithms?: boolean;
  /** Exec channels work on this host; otherwise one interactive session is used. */
  exec?: boolean;
  execExitStatus?: ExecExitStatus;
}

export interface CreateHostLinkOptions {
  host: HostEndpoint;
  access: HostAccess;
  pins: HostKeyPins;
  credentials: CredentialStore;
  clock?: Clock;
  timers?: Timers;
  backoff?: BackoffPolicy;
  commandTimeoutMs?: number;
  /** Keepalive, handshake and login timing; defaults suit a LAN to an AlphaServer. */
  ssh?: Pick<SshLinkOptions, 'keepaliveIntervalMs' | 'keepaliveCountMax' | 'readyTimeoutMs' | 'loginTimeoutMs' | 'loginQuietMs' | 'promptToken' | 'debug'>;
}

export function createHostLink(options: CreateHostLinkOptions): HostLink {
  const { access } = options;
  const open = sshTransport({
    authentication: access.authentication,
    credentials: options.credentials,
    legacyAlgorithms: access.legacyAlgorithms ?? false,
    mode: access.exec === true ? 'exec' : 'shell',
    ...(access.execExitStatus === undefined ? {} : { execExitStatus: access.execExitStatus }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...options.ssh,
  });
  return new HostLink({
    host: options.host,
    pins: options.pins,
    open,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...(options.backoff === undefined ? {} : { backoff: options.backoff }),
    ...(options.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: options.commandTimeoutMs }),
  });
}
