/**
 * Host-link round trips (issue 3, item 7): `SHOW QUEUE/FULL TAPE_BACKUP` over one long-lived
 * interactive session of the console's host link, against the same command over OpenSSH's `ssh`
 * client through a ControlMaster socket, both to one Debian sshd on 127.0.0.1 whose ForceCommand
 * is the simulated BLT4 (`node bin/tapeops.js simulate --stdio --host BLT4`).
 *
 * What one round trip is:
 *  - host link: `link.run()` called → its result (status read) in hand; the link's own
 *    `elapsedMs` (command sent → status read) is kept as well;
 *  - ssh: spawn of the client → it exited and its output was read. Each invocation is an exec
 *    request on the master's connection, which sshd runs through the ForceCommand with
 *    SSH_ORIGINAL_COMMAND: a Node simulator process is started for every command.
 * A third series, ssh through a ControlMaster to a second sshd without ForceCommand running
 * `/bin/true`, shows the transport's cost alone. The three series are interleaved round by round
 * after warm-up rounds that are not counted, so a change in the machine's load falls on all three.
 *
 *   npx tsx test/bench/host-link-round-trips.ts
 *
 * BENCH_LINK_ROUND_TRIPS (default 100), BENCH_LINK_WARMUP (default 5; at most 2 of them for the ssh
 * series, each of which starts a simulator) and BENCH_LINK_BUDGET_S (default 200: the ssh series
 * stop there, the host link runs all its rounds, and the counts say so) change the run.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { showQueue } from '../../shared/vms/dcl';
import { createHostLink, isSuccess, MemoryCredentialStore, type HostKeyPins, type HostLink, type PinnedHostKey } from '../../src-main/hosts';
import { simulatorCliExists, simulatorForceCommand, sshdAvailable, startSshd, type RunningSshd } from '../support/sshd';
import { envCount, isMain, median } from './support';
import { invokeSsh, openControlMaster, percentile, SSH, type ControlMaster, type SshTarget } from './ssh-client';

const HOST = 'BLT4';
const QUEUE = 'TAPE_BACKUP';
/**
 * sshd runs every command through the user's shell; bash started by sshd reads ~/.bashrc unless
 * it is nested (SHLVL ≥ 1 on entry). A developer's ~/.bashrc (pyenv init, …) can cost more than
 * the transport, and is no part of either design, so both sshds skip it.
 */
const NO_BASHRC = 'SetEnv SHLVL=1';
/** The transport-only series (ssh /bin/true) runs in one timed round of this many. */
const TRANSPORT_EVERY = 3;

export interface RoundTripSeries {
  /** Timed round trips (warm-ups excluded), in ms, in the order they ran. */
  samplesMs: number[];
  count: number;
  medianMs: number;
  p90Ms: number;
}

export interface HostLinkRoundTrips {
  what: string;
  command: string;
  warmUpRounds: { hostLink: number; ssh: number };
  /** Rounds asked for; `count` of each series says how many ran (fewer when the budget ran out). */
  roundsAsked: number;
  stoppedEarly?: string;
  hostLink: RoundTripSeries & {
    mode: 'shell';
    /** The link's own figure for the same round trips: command sent → status read. */
    linkElapsedMedianMs: number;
    /** From approving the pinned key to the link connected (login over the pseudo-terminal). */
    connectMs: number;
  };
  sshControlMaster: RoundTripSeries & { masterOpenMs: number };
  sshTransportOnly: RoundTripSeries & { command: string; masterOpenMs: number };
  /** median ssh ControlMaster / median host link. */
  ratioSshToHostLink: number;
  /** median ssh ControlMaster − median ssh /bin/true: roughly the simulator process per command. */
  processStartShareMs: number;
  notes: string[];
  elapsedSeconds: number;
}

/** Round-trip times: one decimal below 10 ms, whole milliseconds above. */
export function rtMs(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

function memoryPins(): HostKeyPins {
  const pins = new Map<string, PinnedHostKey>();
  return {
    get: (host) => pins.get(host),
    approve(key, approvedBy) {
      const pinned: PinnedHostKey = { ...key, approvedBy, approvedAt: new Date().toISOString() };
      pins.set(key.host, pinned);
      return pinned;
    },
  };
}

/** Connects the host link in shell mode and approves the key, as the integration tests do. */
async function connectedLink(sshd: RunningSshd): Promise<{ link: HostLink; connectMs: number }> {
  const credentials = new MemoryCredentialStore();
  await credentials.set(HOST, { kind: 'private-key', privateKey: sshd.clientKey });
  const link = createHostLink({
    host: { name: HOST, address: '127.0.0.1', port: sshd.port, user: sshd.user },
    access: { authentication: 'publickey' },
    pins: memoryPins(),
    credentials,
    ssh: { loginQuietMs: 1500 },
  });
  try {
    await link.connect().catch(() => undefined);
    const first = link.state;
    if (first.kind !== 'awaiting-host-key-approval') throw new Error(`expected a host key to approve, got ${JSON.stringify(first)}\n${sshd.log()}`);
    if (first.offered.fingerprint !== sshd.fingerprint) {
      throw new Error(`the link was offered ${first.offered.fingerprint}, but the sshd's key is ${sshd.fingerprint}`);
    }
    const approvedAt = performance.now();
    await link.approveHostKey(first.offered.fingerprint, 'BM');
    const connectMs = performance.now() - approvedAt;
    const state = link.state;
    if (state.kind !== 'connected' || state.mode !== 'shell') throw new Error(`expected a connected shell session, got ${JSON.stringify(state)}\n${sshd.log()}`);
    return { link, connectMs };
  } catch (error) {
    link.disconnect();
    throw error;
  }
}

/**
 * Calls startSshd with TMPDIR pointing into this run's folder, so that its own temp folder
 * (made synchronously, before its first await) is inside ours and goes when ours is removed,
 * even when the process ends before sshd's stop() could remove it.
 */
function inside<T>(dir: string, start: () => Promise<T>): Promise<T> {
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return start();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}

function series(samples: number[]): RoundTripSeries {
  return { samplesMs: samples.map(round1), count: samples.length, medianMs: round1(median(samples)), p90Ms: round1(percentile(samples, 90)) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export async function runHostLinkRoundTrips(
  rounds = envCount('BENCH_LINK_ROUND_TRIPS', 100),
  warmUp = envCount('BENCH_LINK_WARMUP', 5),
  budgetS = envCount('BENCH_LINK_BUDGET_S', 200),
): Promise<HostLinkRoundTrips> {
  if (!sshdAvailable() || !existsSync(SSH))
    throw new Error('the host-link benchmark needs /usr/sbin/sshd, /usr/bin/ssh-keygen and /usr/bin/ssh (Debian openssh-server, openssh-client)');
  if (!simulatorCliExists()) throw new Error('the host-link benchmark needs `tapeops simulate` (src-main/cli/main.ts)');
  const began = performance.now();
  const dcl = showQueue({ queue: QUEUE, full: true });
  const dir = mkdtempSync(join(tmpdir(), 'tapeops-bench-link-'));
  let vms: RunningSshd | undefined;
  let plain: RunningSshd | undefined;
  let link: HostLink | undefined;
  const masters: ControlMaster[] = [];
  // the finally below does the cleaning; these are for an exit that skips it (a signal, a crash,
  // a closed stdout): stop what this run started, by its handle, and remove the temp folder
  const emergency = (): void => {
    link?.disconnect();
    for (const master of masters) master.child.kill('SIGTERM');
    void vms?.stop().catch(() => undefined);
    void plain?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    emergency();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', emergency);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  console.log(`\nHost-link round trips: ${dcl.command}, ${rounds} timed rounds after ${warmUp} warm-up rounds`);
  console.log('  (one sshd with the simulated BLT4 as ForceCommand; the host link holds one interactive session,');
  console.log('   ssh goes through a ControlMaster socket, so neither pays a key exchange or login per command)');
  try {
    vms = await inside(dir, () => startSshd({ forceCommand: simulatorForceCommand(HOST), config: [NO_BASHRC] }));
    plain = await inside(dir, () => startSshd({ config: [NO_BASHRC] }));
    const keyFile = join(dir, 'client_key');
    writeFileSync(keyFile, vms.clientKey, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    const plainKeyFile = join(dir, 'plain_client_key');
    writeFileSync(plainKeyFile, plain.clientKey, { mode: 0o600 });
    chmodSync(plainKeyFile, 0o600);
    const toVms: SshTarget = { dir, port: vms.port, user: vms.user, keyFile };
    const toPlain: SshTarget = { dir, port: plain.port, user: plain.user, keyFile: plainKeyFile };

    const connected = await connectedLink(vms);
    link = connected.link;
    console.log(`  host link connected in shell mode (${rtMs(connected.connectMs)} from key approval)`);
    const vmsMaster = await openControlMaster(toVms);
    masters.push(vmsMaster);
    const plainMaster = await openControlMaster(toPlain);
    masters.push(plainMaster);
    console.log(`  ssh ControlMasters open (${rtMs(vmsMaster.openMs)} to the simulator's sshd, ${rtMs(plainMaster.openMs)} to the plain one)`);

    const linkSamples: number[] = [];
    const linkElapsed: number[] = [];
    const sshSamples: number[] = [];
    const trueSamples: number[] = [];
    let stoppedEarly: string | undefined;
    let timedAt = 0;

    // the host link's warm-ups are cheap; each ssh warm-up starts a simulator, so fewer of those
    const sshWarmUp = Math.min(warmUp, 2);
    for (let i = 0; i < warmUp + rounds; i++) {
      const counted = i >= warmUp;
      const withSsh = stoppedEarly === undefined && i >= warmUp - sshWarmUp;
      if (i === warmUp) timedAt = performance.now();

      const sentAt = performance.now();
      const result = await link.run({ dcl, mutates: false });
      const linkMs = performance.now() - sentAt;
      if (!isSuccess(result.status) || !result.output.includes(QUEUE)) {
        throw new Error(`host link: ${dcl.command} answered ${result.statusHex} without ${QUEUE}:\n${result.output}`);
      }
      if (counted) {
        linkSamples.push(linkMs);
        linkElapsed.push(result.elapsedMs);
      }
      if (!withSsh) continue;

      const viaSsh = await invokeSsh(toVms, dcl.command);
      if (viaSsh.code !== 0 || !viaSsh.stdout.includes(QUEUE)) {
        throw new Error(`ssh: ${dcl.command} exited ${viaSsh.code} without ${QUEUE}:\n${viaSsh.stdout}\n${viaSsh.stderr}`);
      }
      const withTrue = !counted || (i - warmUp) % TRANSPORT_EVERY === 0;
      const viaPlain = withTrue ? await invokeSsh(toPlain, '/bin/true') : undefined;
      if (viaPlain !== undefined && viaPlain.code !== 0) throw new Error(`ssh: /bin/true exited ${viaPlain.code}:\n${viaPlain.stderr}`);
      if (!counted) continue;
      sshSamples.push(viaSsh.ms);
      if (viaPlain !== undefined) trueSamples.push(viaPlain.ms);

      const done = sshSamples.length;
      if (done % 20 === 0 || done === rounds) {
        console.log(
          `  ${String(done).padStart(3)}/${rounds}  medians so far: host link ${rtMs(median(linkSamples)).padStart(8)}   ` +
            `ssh ControlMaster ${rtMs(median(sshSamples)).padStart(8)}   ssh /bin/true ${rtMs(median(trueSamples)).padStart(8)}`,
        );
      }
      if ((performance.now() - timedAt) / 1000 > budgetS && done < rounds) {
        stoppedEarly = `the ssh series stopped after ${done} timed rounds: the budget of ${budgetS} s (BENCH_LINK_BUDGET_S) ran out; the host link ran all ${rounds}`;
        console.log(`  ${stoppedEarly}`);
      }
    }
    if (sshSamples.length === 0) throw new Error('no timed round trip ran');

    const hostLink = series(linkSamples);
    const sshControlMaster = series(sshSamples);
    const sshTransportOnly = series(trueSamples);
    const result: HostLinkRoundTrips = {
      what: 'one round trip of SHOW QUEUE/FULL TAPE_BACKUP to the simulated BLT4 behind Debian sshd on 127.0.0.1: host link run() called → result in hand; ssh client spawned → exited with its output read',
      command: dcl.command,
      warmUpRounds: { hostLink: warmUp, ssh: sshWarmUp },
      roundsAsked: rounds,
      ...(stoppedEarly === undefined ? {} : { stoppedEarly }),
      hostLink: { ...hostLink, mode: 'shell', linkElapsedMedianMs: round1(median(linkElapsed)), connectMs: round1(connected.connectMs) },
      sshControlMaster: { ...sshControlMaster, masterOpenMs: round1(vmsMaster.openMs) },
      sshTransportOnly: { ...sshTransportOnly, command: '/bin/true', masterOpenMs: round1(plainMaster.openMs) },
      ratioSshToHostLink: Math.round((median(sshSamples) / median(linkSamples)) * 100) / 100,
      processStartShareMs: round1(median(sshSamples) - median(trueSamples)),
      notes: [
        'The ssh baseline pays a process start per command: each invocation is an exec request that sshd runs through the ForceCommand, so a Node simulator process (through the tsx loader) starts, answers one command and exits. That is how an exec-per-command design behaves against a ForceCommand; the host link starts the simulator once, at login, and keeps its session.',
        'The ssh figures also include starting the ssh client itself (a mux client of the ControlMaster); no key exchange or authentication is in them.',
        `ssh /bin/true goes through a ControlMaster to a second sshd without ForceCommand (the user's shell runs /bin/true): the transport and process-spawn cost without the simulator; it runs in one timed round of ${TRANSPORT_EVERY}.`,
        'The host link runs in shell mode over a pseudo-terminal: one interactive session for all rounds, commands framed by its prompt token.',
        `Rounds are interleaved (host link, ssh ControlMaster, ssh /bin/true); warm-up rounds are not counted (${warmUp} for the host link, ${sshWarmUp} for each ssh series). p90 is the nearest-rank 90th percentile.`,
        "Both sshds set SHLVL=1 for their sessions (SetEnv), so the bash that sshd runs each command through does not read ~/.bashrc: a developer's dotfiles are in neither design.",
        'ssh runs with -F none and IdentitiesOnly=yes besides the options of the brief, so no ssh_config on the machine changes what is measured.',
      ],
      elapsedSeconds: round1((performance.now() - began) / 1000),
    };
    printHostLinkRoundTrips(result);
    return result;
  } finally {
    process.off('exit', emergency);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    link?.disconnect();
    for (const master of masters) await master.close().catch(() => undefined);
    await vms?.stop().catch(() => undefined);
    await plain?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printHostLinkRoundTrips(result: HostLinkRoundTrips): void {
  const row = (name: string, s: RoundTripSeries) =>
    console.log(`  ${name.padEnd(26)} n=${String(s.count).padStart(3)}   median ${rtMs(s.medianMs).padStart(8)}   p90 ${rtMs(s.p90Ms).padStart(8)}`);
  row('host link (one session)', result.hostLink);
  console.log(`  ${''.padEnd(26)}        link's own elapsedMs (sent → status read), median ${rtMs(result.hostLink.linkElapsedMedianMs)}`);
  row('ssh ControlMaster', result.sshControlMaster);
  row('ssh ControlMaster /bin/true', result.sshTransportOnly);
  console.log(`  ratio ssh ControlMaster / host link (medians): ${result.ratioSshToHostLink.toFixed(2)}×`);
  console.log(`  of the ssh median, ${rtMs(result.processStartShareMs)} is beyond the transport alone (/bin/true): mostly the simulator process started per command`);
  if (result.stoppedEarly !== undefined) console.log(`  NOTE: ${result.stoppedEarly}`);
  console.log('  Notes:');
  for (const note of result.notes) console.log(`   - ${note}`);
}

if (isMain(import.meta.url)) {
  await runHostLinkRoundTrips();
}
