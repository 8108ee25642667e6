/**
 * The facts pre-flight judges, read from the hosts with read-only commands: the queues
 * (SHOW QUEUE/FULL/ALL_JOBS), the drive (SHOW DEVICE/FULL), the backup area's free blocks
 * (SHOW DEVICE) and its files (DIRECTORY/SIZE). A part that cannot be read is kept with why,
 * so that one host down fails the checks that need it and no other.
 */
import { format } from 'date-fns';
import { ApiFailure } from '../../shared/errors';
import type { AreaFile, BackupAreaFact, DriveFact, EntryFact, MagazineFact, PreflightFacts, QueueFact } from '../../shared/preflight/preflight-facts';
import type { SiteProfile } from '../../shared/site/schema';
import { directory, showDevice } from '../../shared/vms/dcl';
import { parseDirectory, parseShowDevice, type QueueEntry } from '../../shared/vms/parsers';
import type { HostLink } from '../hosts';
import { ask } from './ask';
import { readDrive } from './drive';
import { readQueue } from './queues';

/** The link to a host, or why there is none (not connected, not in the profile). */
export type LinkFor = (host: string) => HostLink;

function why(error: unknown): string {
  if (error instanceof ApiFailure || error instanceof Error) return error.message.replace(/\.$/, '');
  return String(error);
}

function entryFact(entry: QueueEntry): EntryFact {
  return {
    entry: entry.entry,
    jobName: entry.jobName,
    state: entry.status.state,
    statusText: entry.status.text,
    releaseAt: entry.status.until?.iso ?? entry.after?.iso ?? null,
  };
}

async function queueFact(linkFor: LinkFor, name: string, host: string): Promise<QueueFact> {
  try {
    const info = await readQueue(linkFor(host), name);
    if (info === null) return { name, host, states: null, entries: [], problem: `${host} did not list ${name}` };
    return { name, host, states: info.states, entries: info.entries.map(entryFact), problem: null };
  } catch (error) {
    return { name, host, states: null, entries: [], problem: why(error) };
  }
}

async function driveFact(linkFor: LinkFor, profile: SiteProfile): Promise<DriveFact> {
  try {
    const drive = await readDrive(linkFor(profile.drive.host), profile.drive.device);
    return { online: drive.online, loaded: drive.loaded, words: drive.words, problem: null };
  } catch (error) {
    return { problem: why(error) };
  }
}

/** The host whose jobs write to the backup area: the first of the plan's database backups. */
export function backupAreaHost(profile: SiteProfile): string {
  return profile.jobs.find((job) => job.when !== 'adhoc' && job.databases.length > 0)?.host ?? profile.drive.host;
}

async function backupAreaFact(linkFor: LinkFor, profile: SiteProfile): Promise<BackupAreaFact> {
  const path = profile.directories.backupArea.path;
  const device = path.slice(0, path.indexOf(':'));
  const host = backupAreaHost(profile);
  try {
    const link = linkFor(host);
    const volumes = await ask(link, showDevice({ device: `${device}:` }), parseShowDevice);
    const disks = volumes.devices.filter((d) => d.deviceClass === 'disk' && d.freeBlocks !== null);
    const freeBlocks = disks.length === 0 ? null : disks.reduce((sum, d) => sum + (d.freeBlocks ?? 0), 0);
    const listing = await ask(link, directory({ spec: `${path}*.*;*`, size: true }), parseDirectory);
    const files = listing.directories.flatMap((part) =>
      part.files.map((file): AreaFile => ({ name: file.name, type: file.type, version: file.version, blocks: file.usedBlocks ?? 0 })),
    );
    return { host, device, freeBlocks, files, problem: null };
  } catch (error) {
    return { host, device, freeBlocks: null, files: [], problem: why(error) };
  }
}

/**
 * Reads everything pre-flight needs. The magazine comes from the caller: the host cannot see the
 * labels in the loader's magazine (the person's scans, or the simulated site's loader, can).
 */
export async function gatherPreflightFacts(profile: SiteProfile, linkFor: LinkFor, options: { magazine: MagazineFact; now: () => Date }): Promise<PreflightFacts> {
  // one link carries the commands one at a time, so asking in sequence costs nothing
  const queues: QueueFact[] = [];
  for (const queue of profile.queues) queues.push(await queueFact(linkFor, queue.name, queue.host));
  const drive = await driveFact(linkFor, profile);
  const backupArea = await backupAreaFact(linkFor, profile);
  return { at: format(options.now(), "yyyy-MM-dd'T'HH:mm:ss"), queues, drive, magazine: options.magazine, backupArea };
}
