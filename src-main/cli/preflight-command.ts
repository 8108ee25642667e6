/**
 * `tapeops preflight [--date D] [--simulate] [--fault NAME]... [--data-dir DIR] [--json] [--now T]`:
 * the day's pre-flight checks against the site's hosts, or with --simulate against the console's
 * own simulated site, its magazine loaded as the day's slot plan says (then the faults asked for).
 * Exit 0 when every check passes, 1 when one fails.
 */
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { planDay, type DayPlan } from '../../shared/calendar/day-plan';
import { ApiFailure } from '../../shared/errors';
import { preflightChecks, type PreflightReport } from '../../shared/preflight/preflight-checks';
import type { MagazineFact } from '../../shared/preflight/preflight-facts';
import type { SiteProfile } from '../../shared/site/schema';
import type { FaultRequest } from '../../shared/simulator-faults';
import { volumeLabelOf } from '../../shared/tapes/volume-label';
import { apDateWithWeekday } from '../../shared/tapes/label-date';
import { userDataDir } from '../app/paths';
import { backupAreaHost, gatherPreflightFacts, type LinkFor } from '../host-queries/preflight';
import { createHostLink, MemoryCredentialStore, type CredentialStore, type HostKeyPins, type HostLink, type PinnedHostKey } from '../hosts';
import { applyFault, emptyMagazine, type TapeDrive } from '../simulator';
import { loadCliSite } from './cli-site';

export interface PreflightOptions {
  date: string;
  simulate: boolean;
  faults: FaultRequest[];
  json: boolean;
  clock: Clock;
  siteFile?: string;
  dataDir?: string;
  /** The hosts' password for a pre-flight of the real site (TAPEOPS_PASSWORD; never stored). */
  password?: string;
}

/** Who the simulated site's own host keys are approved by: this command, which made the site. */
const SIMULATED_APPROVER = 'SIM';

/** The hosts pre-flight asks: the queues', the drive's and the backup area's. */
function hostsAsked(profile: SiteProfile): string[] {
  return [...new Set([...profile.queues.map((q) => q.host), profile.drive.host, backupAreaHost(profile)])];
}

function memoryPins(): HostKeyPins {
  const pins = new Map<string, PinnedHostKey>();
  return {
    get: (host) => pins.get(host),
    approve(key, approvedBy) {
      const pinned = { ...key, approvedBy, approvedAt: new Date().toISOString() };
      pins.set(key.host, pinned);
      return pinned;
    },
  };
}

/** The magazine as the person loads it by the day's plan: the tapes the day's job initialises already carry their labels. */
function loadAsPlanned(drive: TapeDrive, profile: SiteProfile, day: DayPlan): void {
  emptyMagazine(drive);
  const labelled = new Set([
    ...(day.initializeTapes?.initializes.map((tape) => tape.code) ?? []),
    ...day.tapesToPull.filter((t) => t.kind === 'daily').map((t) => t.code),
  ]);
  day.slots.forEach((code, index) => {
    if (code === null) return;
    drive.insertTape(index + 1, drive.blankTape(code, { volumeLabel: labelled.has(code) ? volumeLabelOf(code, profile.tapes.billRun.volumeLabel) : null }));
  });
  drive.insertMagazine();
  drive.closeDoor();
  if (drive.slots.some((tape) => tape !== null)) drive.pressLoad();
}

function loaderReading(drive: TapeDrive | undefined): MagazineFact {
  if (drive === undefined) return { source: 'unseen', why: 'The simulated site has no tape drive.' };
  return {
    source: 'simulated-loader',
    slots: drive.snapshot().slots.map((tape) => (tape === null ? null : { code: tape.code, volumeLabel: tape.volumeLabel })),
    volumeLabelsKnown: true,
  };
}

async function connect(link: HostLink, approveOwnKey: boolean): Promise<string | null> {
  try {
    await link.connect();
    return null;
  } catch (error) {
    const state = link.state;
    if (approveOwnKey && state.kind === 'awaiting-host-key-approval') {
      await link.approveHostKey(state.offered.fingerprint, SIMULATED_APPROVER);
      return null;
    }
    if (state.kind === 'awaiting-host-key-approval') return `${state.message}`;
    return (error as Error).message;
  }
}

interface Links {
  linkFor: LinkFor;
  close(): void;
}

async function openLinks(
  profile: SiteProfile,
  options: {
    endpoints?: Record<string, { address: string; port: number }>;
    user?: string;
    credentials: CredentialStore;
    pins: HostKeyPins;
    clock: Clock;
    simulated: boolean;
  },
): Promise<Links> {
  const links = new Map<string, HostLink>();
  const problems = new Map<string, string>();
  for (const name of hostsAsked(profile)) {
    const host = profile.hosts.find((h) => h.name === name);
    if (host === undefined) continue;
    const endpoint = options.endpoints?.[name] ?? { address: host.address, port: host.port };
    const link = createHostLink({
      host: { name, address: endpoint.address, port: endpoint.port, user: options.user ?? host.user },
      access: { authentication: host.authentication, legacyAlgorithms: host.legacyAlgorithms, exec: host.exec },
      pins: options.pins,
      credentials: options.credentials,
      clock: options.clock,
    });
    links.set(name, link);
    const problem = await connect(link, options.simulated);
    if (problem !== null) problems.set(name, problem);
  }
  return {
    linkFor(host) {
      const problem = problems.get(host);
      if (problem !== undefined) throw new ApiFailure('not-connected', problem);
      const link = links.get(host);
      if (link === undefined) throw new ApiFailure('unknown-host', `${host} is not a host of the site profile`);
      return link;
    },
    close: () => {
      for (const link of links.values()) link.disconnect();
    },
  };
}

async function simulatedReport(profile: SiteProfile, day: DayPlan, options: PreflightOptions): Promise<PreflightReport> {
  const { startSimulatedSite } = await import('../app/simulated-site');
  const simulator = await startSimulatedSite(profile, options.dataDir ?? userDataDir(), { clock: options.clock });
  let links: Links | undefined;
  try {
    const drive = simulator.site.drive(profile.drive.host);
    if (drive !== undefined) loadAsPlanned(drive, profile, day);
    for (const fault of options.faults) applyFault(simulator.site.faults, fault, drive);
    links = await openLinks(profile, {
      endpoints: simulator.endpoints,
      user: simulator.user,
      credentials: simulator.credentials,
      pins: memoryPins(),
      clock: options.clock,
      simulated: true,
    });
    const facts = await gatherPreflightFacts(profile, links.linkFor, { magazine: loaderReading(drive), now: () => options.clock.now() });
    return preflightChecks(profile, day, facts);
  } finally {
    links?.close();
    await simulator.close();
  }
}

async function liveReport(profile: SiteProfile, day: DayPlan, options: PreflightOptions): Promise<PreflightReport> {
  const { openStore } = await import('../store');
  const store = openStore(join(options.dataDir ?? userDataDir(), 'tapeops.db'), { now: () => options.clock.now() });
  const credentials = new MemoryCredentialStore();
  for (const host of hostsAsked(profile)) await credentials.set(host, { kind: 'password', password: options.password ?? '' });
  const pins: HostKeyPins = { get: (host) => store.hostKeys.get(host), approve: (key, by) => store.hostKeys.approve(key, by) };
  let links: Links | undefined;
  try {
    links = await openLinks(profile, { credentials, pins, clock: options.clock, simulated: false });
    const magazine: MagazineFact = {
      source: 'unseen',
      why: `${profile.drive.host} cannot see which tape is in which slot of the magazine, and pre-flight on the command line reads no scanned labels.`,
    };
    const facts = await gatherPreflightFacts(profile, links.linkFor, { magazine, now: () => options.clock.now() });
    return preflightChecks(profile, day, facts);
  } finally {
    links?.close();
    store.close();
  }
}

export function formatReport(report: PreflightReport, day: DayPlan): string {
  const kind = day.kind === 'billrun' ? 'Bill Run day' : 'daily backup day';
  const lines = [`Pre-flight for ${apDateWithWeekday(report.date)} (${kind})`];
  for (const check of report.checks) {
    lines.push(`${check.ok ? 'PASS' : 'FAIL'}  ${check.title}`);
    if (!check.ok) lines.push(`      reason: ${check.reason}`, `      fix: ${check.fix ?? ''}`);
  }
  const failed = report.checks.filter((check) => !check.ok).length;
  lines.push(failed === 0 ? `All ${report.checks.length} checks passed.` : `${failed} of ${report.checks.length} checks failed.`);
  return `${lines.join('\n')}\n`;
}

export async function runPreflight(options: PreflightOptions, out: NodeJS.WritableStream): Promise<number> {
  const { profile } = loadCliSite(options.siteFile);
  const day = planDay(profile, options.date);
  const report = options.simulate ? await simulatedReport(profile, day, options) : await liveReport(profile, day, options);
  out.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, day));
  return report.checks.every((check) => check.ok) ? 0 : 1;
}
