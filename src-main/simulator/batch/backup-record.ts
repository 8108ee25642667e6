/**
 * The backup date BACKUP/RECORD writes into each file header it saves, which /SINCE=BACKUP reads.
 *
 * The simulated files carry no backup date of their own yet (VmsFile has no such field), so the
 * dates live here, beside the files. A file no /RECORD backup of the simulation has saved counts as
 * backed up when it was created if the disk has seen no /RECORD backup since, and as never backed
 * up (so /SINCE=BACKUP takes it) if it was created after the disk's last one: the site's nightly
 * backups ran before the simulation began.
 */
import type { Disk, VmsFile } from '../files/volumes';

const recorded = new WeakMap<VmsFile, Date>();
const lastRecordRun = new WeakMap<Disk, Date>();

/** The file's backup date as /SINCE=BACKUP compares it, or null for a file never backed up. */
export function backupDateOf(disk: Disk, file: VmsFile): Date | null {
  const date = recorded.get(file);
  if (date !== undefined) return date;
  const last = lastRecordRun.get(disk);
  if (last !== undefined && file.created.getTime() > last.getTime()) return null;
  return file.created;
}

/** Whether /SINCE=BACKUP selects the file: changed after its backup date, or never backed up. */
export function changedSinceBackup(disk: Disk, file: VmsFile): boolean {
  const date = backupDateOf(disk, file);
  return date === null || file.modified.getTime() > date.getTime();
}

/** What /RECORD does once a save has finished: the files' backup date becomes the save's start. */
export function recordBackup(disk: Disk, files: readonly VmsFile[], at: Date): void {
  for (const file of files) recorded.set(file, at);
  lastRecordRun.set(disk, at);
}
