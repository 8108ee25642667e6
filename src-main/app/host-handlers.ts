import type { HostView, LogicalResolution, LogicalStep, QueueSnapshot } from '../../shared/api';
import { ApiFailure } from '../../shared/errors';
import type { SiteProfile } from '../../shared/site/schema';
import { DclBuildError, showLogical, showQueue, type DclCommand } from '../../shared/vms/dcl';
import { parseShowLogical, parseShowQueue, type ParseResult } from '../../shared/vms/parsers';
import { isHostLinkError, type HostLink } from '../hosts';
import type { SiteLinks } from './site-links';

/** The longest logical-name chain followed; OpenVMS itself stops iterating at 10 levels. */
const MAX_LOGICAL_LEVELS = 10;

function noLinks(): never {
  throw new ApiFailure('no-host-links', 'This console was started without links to the hosts.');
}

export function requireLink(links: SiteLinks | undefined, host: string): HostLink {
  const link = (links ?? noLinks()).link(host);
  if (!link) throw new ApiFailure('unknown-host', `${host} is not a host of the site profile.`);
  return link;
}

function viewOf(links: SiteLinks, host: string): HostView {
  return links.view(host) as HostView;
}

/** Runs a read-only command and parses its answer; link and host failures become operator-readable failures. */
export async function ask<T>(link: HostLink, dcl: DclCommand, parse: (text: string) => ParseResult<T>): Promise<T> {
  let output: string;
  try {
    output = (await link.run({ dcl, mutates: false }, { timeoutMs: 30_000 })).output;
  } catch (error) {
    if (isHostLinkError(error)) throw new ApiFailure(`link-${error.code}`, error.message);
    throw error;
  }
  const parsed = parse(output);
  if (!parsed.ok) {
    throw new ApiFailure('unreadable-output', `${link.host.name} answered ${dcl.command} with output the console cannot read: line ${parsed.error.line}: expected ${parsed.error.expected}`, parsed.error);
  }
  if (parsed.refused) {
    const text = parsed.refusal.messages.map((m) => `${m.lead}${m.facility}-${m.severity}-${m.ident}, ${m.text}`).join(' ');
    throw new ApiFailure('host-refused', `${link.host.name} refused ${dcl.command}: ${text}`, parsed.refusal);
  }
  return parsed.value;
}

export async function showQueues(profile: SiteProfile, links: SiteLinks | undefined, now: () => Date): Promise<QueueSnapshot[]> {
  return Promise.all(
    profile.queues.map(async (queue): Promise<QueueSnapshot> => {
      const link = requireLink(links, queue.host);
      const base = { host: queue.host, queue: queue.name };
      if (link.state.kind !== 'connected') {
        return { ...base, at: now().toISOString(), info: null, problem: `${queue.host} is not connected: connect it on the Hosts screen.` };
      }
      try {
        const listing = await ask(link, showQueue({ queue: queue.name, full: true, all: true }), parseShowQueue);
        const info = listing.queues.find((q) => q.name === queue.name) ?? null;
        return { ...base, at: now().toISOString(), info, problem: info ? null : `${queue.host} did not list ${queue.name}.` };
      } catch (error) {
        if (error instanceof ApiFailure) return { ...base, at: now().toISOString(), info: null, problem: error.message };
        throw error;
      }
    }),
  );
}

function splitDevice(spec: string): { device: string; rest: string } | null {
  const colon = spec.indexOf(':');
  return colon > 0 ? { device: spec.slice(0, colon), rest: spec.slice(colon + 1) } : null;
}

/** Follows a logical name through SHOW LOGICAL, level by level, to the physical device. */
export async function resolveLogical(profile: SiteProfile, links: SiteLinks | undefined, name: string, hostName?: string): Promise<LogicalResolution> {
  const host = hostName ?? profile.drive.host;
  const link = requireLink(links, host);
  const steps: LogicalStep[] = [];
  let spec = `${name}:`;
  let location = spec;
  for (let level = 0; level < MAX_LOGICAL_LEVELS; level++) {
    const part = splitDevice(spec);
    if (!part) break;
    let dcl: DclCommand;
    try {
      dcl = showLogical(part.device.replace(/^_/, ''), { full: true });
    } catch (error) {
      if (error instanceof DclBuildError) throw new ApiFailure('invalid-input', error.message);
      throw error;
    }
    const listing = await ask(link, dcl, parseShowLogical);
    const entry = listing.names.find((n) => n.level === 0) ?? listing.names[0];
    const equivalence = entry?.equivalences[0];
    if (!entry || !equivalence) {
      if (level === 0) throw new ApiFailure('no-translation', `${name} is not a logical name on ${host}.`);
      return { host, name, steps, location, device: `${part.device}:` };
    }
    steps.push({ name: entry.name, value: equivalence.value, table: entry.table ?? '', concealed: equivalence.concealed });
    location = spec;
    const next = splitDevice(equivalence.value);
    spec = next ? `${next.device}:${next.rest}${part.rest}` : equivalence.value;
  }
  throw new ApiFailure('logical-too-deep', `${name} translates through more than ${MAX_LOGICAL_LEVELS} levels on ${host}.`);
}

export async function connectHost(links: SiteLinks | undefined, host: string): Promise<HostView> {
  const link = requireLink(links, host);
  // the outcome (connected, key to approve, refused) is in the state the view carries
  await link.connect().catch(() => undefined);
  return viewOf(links as SiteLinks, host);
}

export function disconnectHost(links: SiteLinks | undefined, host: string): HostView {
  requireLink(links, host).disconnect();
  return viewOf(links as SiteLinks, host);
}

export async function approveHostKey(links: SiteLinks | undefined, host: string, fingerprint: string, who: string): Promise<HostView> {
  const link = requireLink(links, host);
  try {
    await link.approveHostKey(fingerprint, who);
  } catch (error) {
    if (isHostLinkError(error)) throw new ApiFailure(`link-${error.code}`, error.message);
    throw error;
  }
  return viewOf(links as SiteLinks, host);
}

export async function setHostPassword(links: SiteLinks | undefined, host: string, password: string, who: string): Promise<HostView> {
  const link = requireLink(links, host);
  if ((links as SiteLinks).view(host)?.simulated) {
    throw new ApiFailure('simulated-host', `${host} is on the console's simulated site: its password is made by the console at every start.`);
  }
  try {
    const view = await (links as SiteLinks).setPassword(link.host.name, password, who);
    return view;
  } catch (error) {
    // the message of a refused store never holds the password; say why it was not kept
    throw new ApiFailure('credential-not-kept', `The password for ${host} was not kept: ${(error as Error).message}`);
  }
}
