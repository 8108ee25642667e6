/**
 * Asking a host one thing: the link to use, one read-only DCL command through it, and its answer
 * parsed. Every failure becomes an ApiFailure the operator can read: the link is down, the host
 * refused, or it answered with output the console cannot read (naming the line).
 */
import { ApiFailure } from '../../shared/errors';
import type { DclCommand } from '../../shared/vms/dcl';
import type { ParseResult } from '../../shared/vms/parsers';
import { isHostLinkError, type HostLink, type RunResult, type SiteLinks } from '../hosts';

/** How long one read-only question may take before the link gives up on it. */
const ASK_TIMEOUT_MS = 30_000;

/** What a console started without links to its hosts answers every question for one. */
export function noHostLinks(): ApiFailure {
  return new ApiFailure('no-host-links', 'This console was started without links to the hosts.');
}

/** The link to a host of the profile; refused when the console has no links or no such host. */
export function linkTo(links: SiteLinks | undefined, host: string): HostLink {
  if (links === undefined) throw noHostLinks();
  const link = links.link(host);
  if (!link) throw new ApiFailure('unknown-host', `${host} is not a host of the site profile.`);
  return link;
}

/** The link to a host that is connected now; otherwise what the operator should do. */
export function connectedLink(links: SiteLinks | undefined, host: string): HostLink {
  const link = links?.link(host);
  if (link === undefined || link.state.kind !== 'connected') {
    throw new ApiFailure('not-connected', `${host} is not connected: connect it on the Hosts screen, then the console checks again.`);
  }
  return link;
}

/** Runs a read-only command; a failure of the link becomes one the operator can read. */
export async function runReadOnly(link: HostLink, dcl: DclCommand): Promise<RunResult> {
  try {
    return await link.run({ dcl, mutates: false }, { timeoutMs: ASK_TIMEOUT_MS });
  } catch (error) {
    if (isHostLinkError(error)) throw new ApiFailure(`link-${error.code}`, error.message);
    throw error;
  }
}

/** Runs a read-only command and parses its answer. */
export async function ask<T>(link: HostLink, dcl: DclCommand, parse: (text: string) => ParseResult<T>): Promise<T> {
  const { output } = await runReadOnly(link, dcl);
  const parsed = parse(output);
  if (!parsed.ok) {
    throw new ApiFailure(
      'unreadable-output',
      `${link.host.name} answered ${dcl.command} with output the console cannot read: line ${parsed.error.line}: expected ${parsed.error.expected}`,
      parsed.error,
    );
  }
  if (parsed.refused) {
    const text = parsed.refusal.messages.map((m) => `${m.lead}${m.facility}-${m.severity}-${m.ident}, ${m.text}`).join(' ');
    throw new ApiFailure('host-refused', `${link.host.name} refused ${dcl.command}: ${text}`, parsed.refusal);
  }
  return parsed.value;
}
