/**
 * A simulated OpenVMS site built from a site profile (DESIGN rule 7): the console connects to it
 * over real SSH as it would to the real servers. See ./site/simulated-site for what it holds.
 */
import type { Clock } from '../../shared/clock';
import type { SiteProfile } from '../../shared/site/schema';
import type { DclSession } from './dcl/session';
import type { TapeDrive } from './drive/tape-drive';
import type { FaultControl } from './faults/fault-control';
import { SimulatedSiteCore, type SimulatedSiteOptions } from './site/simulated-site';
import type { QueueManager } from './batch/queue-manager';
import type { HostState } from './host/host-state';

export type { DclSession } from './dcl/session';
export type { FaultControl } from './faults/fault-control';
export type { TapeDrive, TapeCartridge } from './drive/tape-drive';
// what the console's own simulated site needs from outside this folder (src-main/app/, the CLI)
export { DriveError } from './drive/tape-drive';
export { doHandAct, HAND_ACTS, parseHandAct, type HandAct } from './drive/operator-hands';
export { emptyMagazine } from './drive/operator-steps';
export { applyFault } from './faults/apply-fault';
export { loadOrCreateHostKeys } from './ssh/host-keys';
export { startSimulatorSshServer } from './ssh/server';
export { serveStdio } from './stdio';
export { attachToSessionSocket, serveSessionsOnSocket } from './socket';

export interface SimulatedSite {
  hosts(): string[];
  /** An interactive DCL session (what a shell channel with a pty carries). */
  openSession(hostName: string, options?: { username?: string }): DclSession;
  /** One command, exec-channel style: its output (CR LF line ends) and the $STATUS it left. */
  exec(hostName: string, command: string, options?: { username?: string }): Promise<{ output: string; status: number }>;
  faults: FaultControl;
  /** Simulated time. */
  now(): Date;
  /** The tape loader of a host (the profile's drive host), for the operator's hands. */
  drive(hostName: string): TapeDrive | undefined;
  /** Plays everything due by now (every command does this itself). */
  advance(): void;
  /** For the SSH server: called when the link-dropped fault cuts a host's connections. */
  onLinkDrop(listener: (host: string | undefined) => void): () => void;
  /** Internals for tests and tools. */
  inspect(hostName: string): { host: HostState; queues: QueueManager | undefined };
  close(): void;
}

export type CreateSimulatedSiteOptions = Omit<SimulatedSiteOptions, 'clock' | 'secondsPerSimulatedHour' | 'startAt'> & {
  clock?: Clock;
  secondsPerSimulatedHour?: number;
  startAt?: Date;
};

export function createSimulatedSite(profile: SiteProfile, options: CreateSimulatedSiteOptions = {}): SimulatedSite {
  const core = new SimulatedSiteCore(profile, options);
  let closed = false;
  const sessions = new Set<DclSession>();
  return {
    hosts: () => [...core.hostStates.keys()],
    openSession(hostName, sessionOptions) {
      if (closed) throw new Error('the simulated site is closed');
      const session = core.openSession(hostName, sessionOptions?.username);
      sessions.add(session);
      session.onClose(() => sessions.delete(session));
      return session;
    },
    exec: (hostName, command, execOptions) => core.exec(hostName, command, execOptions?.username),
    faults: core.faults,
    now: () => {
      core.advance();
      return core.now();
    },
    drive: (hostName) => core.drive(hostName.toUpperCase()),
    advance: () => core.advance(),
    onLinkDrop: (listener) => core.onLinkDrop(listener),
    inspect: (hostName) => ({ host: core.host(hostName), queues: core.queues(hostName.toUpperCase()) }),
    close() {
      closed = true;
      for (const session of [...sessions]) session.close();
    },
  };
}
