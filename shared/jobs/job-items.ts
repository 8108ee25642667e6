/**
 * The items a backup job of the profile works through, so that its progress can be counted as
 * "4 of 10" with totals the plan gives, never guessed from the log:
 *
 * - file areas: the directories behind logical names (`NAME = DEV:[DIR]`) that the job saves to a
 *   saveset on disk: the ones its tasks name ("Does a full backup of <area> to a saveset"), or one
 *   saveset of its own that a "Disk to Disk" task names, holding the areas its contents name;
 * - databases: one RMU/BACKUP each;
 * - devices: one BACKUP of `DISK$<device>:` each, to tape;
 * - savesets: one BACKUP each to tape, on the job's Bill Run tapes when it has some.
 *
 * Jobs that back nothing up (billing, housekeeping, tape preparation) have no items. The order is
 * the one the plan's procedures follow: the disk work first, then the tape work.
 */
import type { SiteJob, SiteProfile } from '../site/schema';

export type JobItemKind = 'file-area' | 'database' | 'device' | 'saveset';

export interface JobItem {
  /** Unique within the job: the kind and the name. */
  id: string;
  kind: JobItemKind;
  /** The database, the device, the saveset's file name, or the file area's logical name. */
  name: string;
  /** For the screen: what the operator calls it. */
  label: string;
  /** Where the backup goes. */
  target: 'disk' | 'tape';
  /** The saveset the item writes, when the profile names it. */
  saveset: string | null;
  /** Databases whose backup the item writes or carries (its RBF files, for an estimate). */
  databases: string[];
  /** Logical names of the file areas it saves. */
  fileAreas: string[];
  /** Letters of the Bill Run tapes a tape item may be written to; empty when the job has none. */
  tapes: string[];
}

export type JobItemTotals = Record<JobItemKind | 'all', number>;

export interface JobItems {
  job: string;
  items: JobItem[];
  totals: JobItemTotals;
  /** The job's Bill Run tape letters, in the magazine's order. */
  tapes: string[];
}

export type ItemsProfile = Pick<SiteProfile, 'logicalNames' | 'tapes'>;

const BACKUP_TYPES: ReadonlySet<SiteJob['type']> = new Set(['disk-to-disk', 'disk-to-tape', 'disk-to-disk-and-tape']);
const DISK_TASK = /^\s*disk to disk\b/i;

/** A name as a whole word of a text (names hold `$` and `_`, which \b does not treat as word characters). */
export function namesWord(text: string, name: string): boolean {
  const escaped = name.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9$_])${escaped}($|[^A-Za-z0-9$_])`, 'i').test(text);
}

/** Logical names that stand for a directory: the file areas the plan backs up to savesets. */
export function fileAreasOf(profile: Pick<SiteProfile, 'logicalNames'>): string[] {
  return profile.logicalNames.filter((logical) => /:\[[^\]]+\]$/.test(logical.value)).map((logical) => logical.name);
}

function item(kind: JobItemKind, name: string, fields: Partial<Omit<JobItem, 'id' | 'kind' | 'name'>>): JobItem {
  return {
    id: `${kind}:${name}`,
    kind,
    name,
    label: fields.label ?? name,
    target: fields.target ?? 'disk',
    saveset: fields.saveset ?? null,
    databases: fields.databases ?? [],
    fileAreas: fields.fileAreas ?? [],
    tapes: fields.tapes ?? [],
  };
}

/** A saveset of the job that goes to disk: the job only works disk to disk, or a "Disk to Disk" task names it. */
function goesToDisk(job: SiteJob, saveset: string): boolean {
  if (job.type === 'disk-to-disk') return true;
  return job.tasks.some((task) => DISK_TASK.test(task) && namesWord(task, saveset));
}

function fileAreaItems(job: SiteJob, areas: readonly string[]): JobItem[] {
  const diskSavesets = job.savesets.filter((saveset) => goesToDisk(job, saveset.name));
  if (job.savesets.length > 0) {
    // the job names its disk savesets: each holds the areas its contents (or its task) name
    return diskSavesets.map((saveset) => {
      const words = [saveset.contents, ...job.tasks.filter((task) => namesWord(task, saveset.name))].join(' ');
      const named = areas.filter((area) => namesWord(words, area));
      return item('file-area', saveset.name, {
        saveset: saveset.name,
        fileAreas: named.length > 0 ? named : [...areas],
        label: `${named.join(' and ') || saveset.name} (${saveset.name})`,
      });
    });
  }
  // "Does a full backup of <area> to a saveset": one saveset per area its tasks name
  return areas.filter((area) => job.tasks.some((task) => namesWord(task, area))).map((area) => item('file-area', area, { fileAreas: [area], label: `${area} saveset` }));
}

/** The items of one job of the profile; none for a job that backs nothing up. */
export function jobItems(profile: ItemsProfile, job: SiteJob): JobItems {
  const tapes = profile.tapes.billRun.tapes.filter((tape) => tape.job === job.name).map((tape) => tape.letter);
  const items: JobItem[] = [];
  if (BACKUP_TYPES.has(job.type)) {
    items.push(...fileAreaItems(job, fileAreasOf(profile)));
    for (const database of job.databases) items.push(item('database', database, { databases: [database] }));
    for (const device of job.devices) items.push(item('device', device, { target: 'tape', tapes, label: `DISK$${device}` }));
    for (const saveset of job.savesets) {
      if (goesToDisk(job, saveset.name)) continue;
      items.push(item('saveset', saveset.name, { target: 'tape', saveset: saveset.name, databases: saveset.databases ?? [], tapes }));
    }
  }
  const totals: JobItemTotals = { all: items.length, 'file-area': 0, database: 0, device: 0, saveset: 0 };
  for (const one of items) totals[one.kind] += 1;
  return { job: job.name, items, totals, tapes };
}
