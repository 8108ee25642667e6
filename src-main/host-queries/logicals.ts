/**
 * Where a logical name leads: followed through SHOW LOGICAL, level by level, to the physical
 * device, stopping at a terminal translation as OpenVMS does.
 */
import type { LogicalResolution, LogicalStep } from '../../shared/api';
import { ApiFailure } from '../../shared/errors';
import { DclBuildError, showLogical, type DclCommand } from '../../shared/vms/dcl';
import { parseShowLogical } from '../../shared/vms/parsers';
import type { HostLink } from '../hosts';
import { ask } from './ask';

/** The longest logical-name chain followed; OpenVMS itself stops iterating at 10 levels. */
const MAX_LOGICAL_LEVELS = 10;

function splitDevice(spec: string): { device: string; rest: string } | null {
  const colon = spec.indexOf(':');
  return colon > 0 ? { device: spec.slice(0, colon), rest: spec.slice(colon + 1) } : null;
}

export async function resolveLogical(link: HostLink, name: string): Promise<LogicalResolution> {
  const host = link.host.name;
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
    // a terminal translation is not translated further (MOUNT's DISK$label names end so)
    if (equivalence.terminal && next) return { host, name, steps, location, device: `${next.device}:` };
  }
  throw new ApiFailure('logical-too-deep', `${name} translates through more than ${MAX_LOGICAL_LEVELS} levels on ${host}.`);
}
