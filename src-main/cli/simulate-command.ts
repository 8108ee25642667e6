/**
 * `tapeops simulate [--port N] [--time-scale X] [--stdio] [--host NAME] [--site FILE]`: the site of
 * the profile as a simulated OpenVMS site. Without --port each host listens on its profile port
 * (127.0.0.1); with --port N the hosts take N, N+1, ... (0: any free ports). Host keys are made once
 * and kept in <dataDir>/simulator/host-keys/. With --stdio the DCL session of one host runs on
 * standard input and output (for OpenSSH's ForceCommand; SSH_ORIGINAL_COMMAND runs one command).
 * With --socket PATH the site serves the DCL sessions of one host on a Unix socket, and
 * `--stdio --attach PATH` joins a ForceCommand's terminal to it (../simulator/socket).
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock';
import { join } from 'node:path';
import { userDataDir } from '../app/paths';
import { createInterface } from 'node:readline';
import {
  applyFault,
  attachToSessionSocket,
  createSimulatedSite,
  doHandAct,
  HAND_ACTS,
  loadOrCreateHostKeys,
  parseHandAct,
  serveSessionsOnSocket,
  serveStdio,
  startSimulatorSshServer,
  type TapeDrive,
} from '../simulator';
import { loadCliSite } from './cli-site';
import type { FaultRequest } from '../../shared/simulator-faults';

export async function runSimulateCommand(
  options: {
    port?: number;
    secondsPerSimulatedHour?: number;
    stdio?: boolean;
    host?: string;
    siteFile?: string;
    dataDir?: string;
    faults?: FaultRequest[];
    socket?: string;
    attach?: string;
    /** Read the person's acts at the drive from standard input, one per line ("eject", "insert 2 100803D"). */
    hands?: boolean;
    /** The site's clock (`--now`); the system clock by default. */
    clock?: Clock;
  },
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  if (options.attach !== undefined) {
    if (process.env.SSH_ORIGINAL_COMMAND?.trim()) {
      err.write('tapeops simulate: --attach serves interactive sessions only; an exec request needs --stdio without --attach\n');
      return 1;
    }
    const code = await attachToSessionSocket(options.attach, process.stdin, out, err);
    process.stdin.destroy();
    return code;
  }
  const { profile } = loadCliSite(options.siteFile);
  const site = createSimulatedSite(profile, { secondsPerSimulatedHour: options.secondsPerSimulatedHour ?? 3600, ...(options.clock ? { clock: options.clock } : {}) });
  for (const fault of options.faults ?? []) applyFault(site.faults, fault, site.drive(profile.drive.host));
  const hostName = (options.host ?? profile.drive.host).toUpperCase();
  if (options.stdio === true) {
    const command = process.env.SSH_ORIGINAL_COMMAND;
    const code = await serveStdio(site, hostName, process.stdin, out, command === undefined ? {} : { command });
    // LOGOUT ends the session as on VMS: nothing of the site may keep the process (and the SSH channel) open
    site.close();
    process.stdin.destroy();
    return code;
  }
  if (options.socket !== undefined) {
    const served = await serveSessionsOnSocket(site, hostName, options.socket);
    out.write(`Simulated site "${profile.site.name}": DCL sessions of ${hostName} on ${served.path}\nPress Ctrl+C to stop.\n`);
    await stopSignal();
    await served.close();
    site.close();
    return 0;
  }
  const keyDir = join(options.dataDir ?? userDataDir(), 'simulator', 'host-keys');
  const hosts = options.host === undefined ? profile.hosts : profile.hosts.filter((h) => h.name === hostName);
  if (hosts.length === 0) throw new Error(`no host ${hostName} in the site profile`);
  const hostKeys = await loadOrCreateHostKeys(
    keyDir,
    hosts.map((h) => h.name),
  );
  const password = randomBytes(9).toString('base64url');
  const batchPassword = randomBytes(9).toString('base64url');
  const listen = hosts.map((h, i) => ({
    hostName: h.name,
    port: options.port === undefined ? h.port : options.port === 0 ? 0 : options.port + i,
    sshServer: h.sshServer,
    exec: h.exec,
  }));
  const server = await startSimulatorSshServer(site, {
    listen,
    hostKeys,
    users: [
      { username: 'SYSTEM', password },
      { username: profile.batchUser, password: batchPassword },
    ],
  });
  out.write(`Simulated site "${profile.site.name}" (one simulated hour every ${options.secondsPerSimulatedHour ?? 3600} s)\n`);
  for (const h of hosts) out.write(`  ${h.name.padEnd(8)} ssh -p ${server.ports[h.name]} SYSTEM@127.0.0.1\n`);
  out.write(`  user SYSTEM, password ${password}\n  user ${profile.batchUser}, password ${batchPassword}\n`);
  out.write(`  host keys in ${keyDir}\nPress Ctrl+C to stop.\n`);
  if (options.hands === true) readHands(site.drive(profile.drive.host), out);
  await stopSignal();
  await server.close();
  site.close();
  return 0;
}

/** The person at the rack: one act per line of standard input, each answered on one line. */
function readHands(drive: TapeDrive | undefined, out: NodeJS.WritableStream): void {
  out.write(`At the drive: type ${HAND_ACTS.join(', ')} (insert SLOT CODE).\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === '') return;
    const hand = parseHandAct(line);
    if (hand === null) return void out.write(`hands: not an act: ${line.trim()}\n`);
    if (drive === undefined) return void out.write('hands: this site has no drive\n');
    try {
      out.write(`hands: ${doHandAct(drive, hand)}\n`);
    } catch (error) {
      out.write(`hands: refused: ${(error as Error).message}\n`);
    }
  });
}

function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}
