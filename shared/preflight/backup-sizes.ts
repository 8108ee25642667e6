/**
 * Sizes of what the day's jobs will write, read from the backup area's own listing: the latest full
 * backup (RBF) of a database, and the files a tape saveset gathers from the area.
 */
import type { SiteProfile } from '../site/schema';
import type { AreaFile } from './preflight-facts';

/**
 * A database's backup files in the area are its short name and `_DATA_BACKUP`: the plan's one
 * example, DOCUMENT_DATA_BACKUP.RBF for the database whose short name is DOCUMENT.
 */
export const BACKUP_FILE_SUFFIX = '_DATA_BACKUP';

/** The full backup file's type (RMU's backup file). */
const FULL_BACKUP_TYPE = 'RBF';

export function backupFileName(short: string): string {
  return `${short}${BACKUP_FILE_SUFFIX}`;
}

/** The highest version of a database's RBF in the area, or undefined when there is none. */
export function latestFullBackup(files: readonly AreaFile[], short: string): AreaFile | undefined {
  return files
    .filter((file) => file.name === backupFileName(short) && file.type === FULL_BACKUP_TYPE)
    .reduce<AreaFile | undefined>((best, file) => (best === undefined || (file.version ?? 0) > (best.version ?? 0) ? file : best), undefined);
}

export interface SavesetEstimate {
  saveset: string;
  /** null when nothing in the area says how big it will be. */
  blocks: number | null;
}

type SavesetDef = SiteProfile['jobs'][number]['savesets'][number];

/**
 * What a saveset will hold, from the plan's way of naming them: a saveset named after a file type
 * ("all *.AIJ files to a saveset called AIJ.BAK") holds every file of that type (of its databases,
 * where it names them); one with databases, their latest RBF files; one named after a file area
 * (LEASE_FILES.BAK), that area's savesets in the backup area (its name, then `_BACKUP`).
 */
export function estimateSaveset(profile: Pick<SiteProfile, 'databases'>, saveset: SavesetDef, files: readonly AreaFile[]): SavesetEstimate {
  const stem = saveset.name.slice(0, saveset.name.indexOf('.'));
  const shorts = (saveset.databases ?? []).map((name) => profile.databases.find((db) => db.name === name)?.short ?? name);
  const sum = (chosen: readonly AreaFile[]) => (chosen.length === 0 ? null : chosen.reduce((total, file) => total + file.blocks, 0));
  const ofType = files.filter((file) => file.type === stem);
  // named after a type even while the area holds none of it: its contents say "*.AIJ" or "AIJ backups"
  const word = stem.replace(/\$/g, '\\$');
  const namedAfterType = ofType.length > 0 || new RegExp(`(\\*\\.${word}\\b|\\b${word} backups)`, 'i').test(saveset.contents);
  if (namedAfterType) {
    return { saveset: saveset.name, blocks: sum(shorts.length === 0 ? ofType : ofType.filter((file) => shorts.some((short) => file.name === backupFileName(short)))) };
  }
  if (shorts.length > 0) {
    return { saveset: saveset.name, blocks: sum(shorts.map((short) => latestFullBackup(files, short)).filter((file): file is AreaFile => file !== undefined)) };
  }
  return { saveset: saveset.name, blocks: sum(files.filter((file) => file.name === `${stem}_BACKUP`)) };
}

/** 512-byte blocks in one GB as the console counts sizes (binary GB, as the backup area's size). */
export const BLOCKS_PER_GB = (1024 * 1024 * 1024) / 512;
