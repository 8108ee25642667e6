/**
 * What a procedure run asks of the site: sensed steps read the drive's state (SHOW DEVICE/FULL)
 * or a queue (SHOW QUEUE/FULL/ALL_JOBS) through the drive's host link, or compare the magazine the
 * operator scanned with the slot plan; command steps send the step's SUBMIT once. Every failure
 * to read is answered as a reading that is not satisfied, with what to do, so the step waits.
 */
import { fromPromise } from 'xstate';
import type { Clock } from '../../shared/clock';
import { checkMagazine } from '../../shared/procedures/magazine-check';
import type { RunStep } from '../../shared/procedures/procedure-types';
import { showDevice, showQueue } from '../../shared/vms/dcl';
import { parseShowDevice } from '../../shared/vms/parsers/show-device';
import { parseShowQueue } from '../../shared/vms/parsers/show-queue';
import { ApiFailure } from '../../shared/errors';
import { ask } from '../app/host-handlers';
import type { SiteLinks } from '../app/site-links';
import type { HostLink } from '../hosts/host-link';
import { submitOnce } from '../hosts/submit-once';
import type { CommandInput, CommandResult, SenseInput, SenseReading } from './procedure-machine';

export interface ProcedureActorDeps {
  clock: Clock;
  links: SiteLinks | undefined;
  /** The drive's device on its host (the profile's drive.device). */
  driveDevice(): string;
}

function connected(deps: ProcedureActorDeps, host: string): HostLink {
  const link = deps.links?.link(host);
  if (link === undefined || link.state.kind !== 'connected') {
    throw new ApiFailure('not-connected', `${host} is not connected: connect it on the Hosts screen, then the console checks again.`);
  }
  return link;
}

async function readDrive(deps: ProcedureActorDeps, host: string): Promise<{ loaded: boolean; online: boolean; words: string }> {
  const device = deps.driveDevice();
  const listing = await ask(connected(deps, host), showDevice({ device, full: true }), parseShowDevice);
  const drive = listing.devices.find((d) => d.deviceClass === 'magtape');
  if (drive === undefined) throw new ApiFailure('no-drive', `${host} did not describe the tape drive ${device}.`);
  const loaded = !drive.volumeStatus.some((item) => /no tape loaded/i.test(item));
  return { loaded, online: drive.online !== false, words: `${drive.name} ${drive.online === false ? 'offline' : 'online'}, ${loaded ? 'a tape loaded' : 'no tape loaded'}` };
}

async function sense(deps: ProcedureActorDeps, input: SenseInput): Promise<Omit<SenseReading, 'at'>> {
  const condition = input.step.sense;
  const host = input.plan.drive.host;
  switch (condition?.kind) {
    case 'drive-unloaded': {
      const drive = await readDrive(deps, host);
      return drive.loaded
        ? { satisfied: false, detail: `${drive.words}: press Eject on the ${input.plan.drive.model}; the console sees it when the drive has unloaded.` }
        : { satisfied: true, detail: drive.words };
    }
    case 'drive-loaded': {
      const drive = await readDrive(deps, host);
      if (!drive.online) return { satisfied: false, detail: `${drive.words}: the drive is offline; check the door is closed and the magazine is in.` };
      return drive.loaded
        ? { satisfied: true, detail: drive.words }
        : { satisfied: false, detail: `${drive.words}: close the door and press Load; the console sees the tape when the drive has loaded it.` };
    }
    case 'queue-entry': {
      const listing = await ask(connected(deps, host), showQueue({ queue: condition.queue, full: true, all: true }), parseShowQueue);
      const queue = listing.queues.find((q) => q.name === condition.queue);
      const entry = queue?.entries.find((e) => e.jobName === condition.job || e.jobName.startsWith(`TAPEOPS_${condition.job}`));
      return entry === undefined
        ? { satisfied: false, detail: `No ${condition.job} entry in ${condition.queue} yet.` }
        : { satisfied: true, detail: `${entry.jobName} is entry ${entry.entry} in ${condition.queue} (${entry.status.state}).` };
    }
    case 'magazine-matches-plan': {
      const check = checkMagazine(input.plan.slots, input.found);
      if (check.matches) return { satisfied: true, detail: 'Every slot holds the tape of the plan.' };
      const unread = check.unread.length > 0 ? [`Scan or type the label of slot ${check.unread.join(', ')}.`] : [];
      return { satisfied: false, detail: [...check.problems, ...unread].join(' ') };
    }
    default:
      return { satisfied: false, detail: 'This step names nothing the console can read: confirm it by skipping with a reason.' };
  }
}

/** The /NAME the step's SUBMIT carries, to look it up in the queue. */
function submissionName(step: RunStep): string {
  const name = /\/NAME=([A-Z0-9$_]+)/.exec(step.command?.dcl ?? '')?.[1];
  if (name === undefined) throw new Error(`the command of step ${step.id} carries no /NAME, so it could not be sent safely`);
  return name;
}

async function command(deps: ProcedureActorDeps, input: CommandInput): Promise<string> {
  const spec = input.step.command;
  if (spec === undefined) throw new Error(`step ${input.step.id} has no command`);
  const link = connected(deps, spec.host);
  const name = submissionName(input.step);
  // A run restored after a crash starts this again: ask the queue first, so it is never sent twice.
  const listing = await ask(link, showQueue({ queue: spec.queue, full: true, all: true }), parseShowQueue);
  const already = listing.queues.find((q) => q.name === spec.queue)?.entries.find((e) => e.jobName === name);
  if (already !== undefined) return `${name} was already entry ${already.entry} in ${spec.queue}; not sent again.`;
  const outcome = await submitOnce(link, { command: spec.dcl }, name, { queue: spec.queue, reconnectWaitMs: 20_000 });
  switch (outcome.kind) {
    case 'submitted':
      return outcome.confirmation
        ? `Job ${outcome.confirmation.jobName} (queue ${outcome.confirmation.queue}, entry ${outcome.confirmation.entry}) started.`
        : `Sent; the confirmation could not be read (${outcome.unreadable ?? 'no answer'}).`;
    case 'already-in-queue':
      return `${name} is entry ${outcome.entry} in ${outcome.queue}; not sent again.`;
    case 'refused':
      throw new Error(`${spec.host} refused the command: ${outcome.result.output.trim() || outcome.result.statusHex}`);
  }
}

export function procedureActors(deps: ProcedureActorDeps) {
  const now = () => deps.clock.now().toISOString();
  return {
    sense: fromPromise<SenseReading, SenseInput>(async ({ input }) => {
      try {
        return { ...(await sense(deps, input)), at: now() };
      } catch (error) {
        return { satisfied: false, detail: (error as Error).message, at: now() };
      }
    }),
    command: fromPromise<CommandResult, CommandInput>(async ({ input }) => ({ detail: await command(deps, input), at: now() })),
  };
}
