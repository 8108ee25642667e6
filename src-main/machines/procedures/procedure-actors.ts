/**
 * What a procedure run asks of the site: sensed steps read the drive's state or a queue through
 * the drive's host link, or compare the magazine the operator scanned with the slot plan; command
 * steps send the step's SUBMIT once. Every failure to read is answered as a reading that is not
 * satisfied, with what to do, so the step waits.
 */
import { fromPromise } from 'xstate';
import type { Clock } from '../../../shared/clock';
import { counted } from '../../../shared/plural';
import { driveChange } from '../../../shared/procedures/drive-change';
import { checkMagazine } from '../../../shared/procedures/magazine-check';
import type { RunStep } from '../../../shared/procedures/procedure-types';
import type { SiteLinks } from '../../hosts';
import { connectedLink, findEntry, readDrive, submitChecked } from '../../host-queries';
import { listCommandProcedures } from '../../host-queries/adhoc-procedures';
import type { CommandInput, CommandResult, SenseInput, SenseReading } from './procedure-machine';

export interface ProcedureActorDeps {
  clock: Clock;
  links: SiteLinks | undefined;
  /** The drive's device on its host (the profile's drive.device). */
  driveDevice(): string;
}

async function sense(deps: ProcedureActorDeps, input: SenseInput): Promise<Omit<SenseReading, 'at'>> {
  const host = input.plan.drive.host;
  if (input.step.kind === 'manual' && input.step.reads === 'drive') {
    const drive = await readDrive(connectedLink(deps.links, host), deps.driveDevice());
    return { satisfied: false, detail: `${drive.words}. The console cannot see the door or the magazine: you confirm this step.`, read: drive.words };
  }
  const condition = input.step.sense;
  switch (condition?.kind) {
    case 'drive-unloaded':
    case 'drive-loaded': {
      const drive = await readDrive(connectedLink(deps.links, host), deps.driveDevice());
      return driveChange(
        { model: input.plan.drive.model, before: input.before },
        drive,
        condition.kind === 'drive-unloaded' ? 'unloaded' : 'loaded',
        deps.clock.now().toISOString(),
      );
    }
    case 'queue-entry': {
      const entry = await findEntry(
        connectedLink(deps.links, host),
        condition.queue,
        (e) => e.jobName === condition.job || e.jobName.startsWith(`TAPEOPS_${condition.job}`),
      );
      if (entry === undefined) {
        const when = condition.at === undefined ? '' : ` for ${condition.at}`;
        return { satisfied: false, detail: `No ${condition.job} entry${when} in ${condition.queue} yet.` };
      }
      const release = entry.status.until ?? entry.after;
      const seen = `${entry.jobName} is entry ${entry.entry} in ${condition.queue} (${entry.status.text})`;
      // a job for 06:05 held until another time is not the one the tape was loaded for
      const heldUntil = release?.iso.slice(11, 16);
      if (condition.at !== undefined && heldUntil !== undefined && heldUntil !== condition.at) {
        return { satisfied: false, detail: `${seen}, not for ${condition.at}: check the entry on the Queues screen.`, read: seen };
      }
      return { satisfied: true, detail: `${seen}.`, read: seen };
    }
    case 'procedure-listed': {
      const wanted = input.step.procedure;
      if (wanted === undefined) return { satisfied: false, detail: 'This step names no command procedure to look for: skip it with a reason.' };
      const listed = await listCommandProcedures(connectedLink(deps.links, wanted.host), wanted.directory);
      const read = `DIRECTORY ${wanted.directory}*.COM lists ${counted(listed.length, 'command procedure')}${listed.length > 0 ? `: ${listed.join(', ')}` : ''}`;
      return listed.includes(wanted.file.toUpperCase())
        ? { satisfied: true, detail: `${read}. ${wanted.file} is there.`, read }
        : { satisfied: false, detail: `${read}. ${wanted.file} is not there: check the folder on ${wanted.host}, or choose another database.`, read };
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
  const link = connectedLink(deps.links, spec.host);
  // A run restored after a crash starts this again: submitChecked asks the queue first.
  return submitChecked(link, { command: { command: spec.dcl }, queue: spec.queue, name: submissionName(input.step) }, { reconnectWaitMs: 20_000 });
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
