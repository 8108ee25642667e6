/**
 * What each of the plan's jobs does when it runs, as a timed script built from its profile entry:
 * its type, databases, devices, savesets and the jobs it submits. Durations follow period
 * throughputs (about 40 GB an hour to disk and to tape).
 *
 * Where the plan lists "Submits X" as a job's first task, X is submitted when the job starts;
 * otherwise when it ends (RMU_BACKUP_DATA submits PROD_AND_DEVEL_BACKUP first, and
 * RMU_BACKUP_DOCUMENT at its end, held until 12:00).
 */
import type { SiteJob } from '../../../shared/site/schema';
import { billRunCode } from '../../../shared/tapes/bill-run-code';
import { localDate } from '../../../shared/clock';
import { MSG, messageLine } from '../dcl/messages';
import { aijDatabases } from '../host/build-hosts';
import { BLOCKS_PER_GB, pick } from '../host/sizes';
import type { DatabasePlan, FileArea } from '../host/site-layout';
import type { Directory, Disk, VmsFile } from '../files/volumes';
import { vmsClock, vmsDateTime } from '../time/vms-time';
import { volumeLabelOf } from '../../../shared/tapes/volume-label';
import { aijName, aijPurgeRbf, aijPurgeVerified, areaFile, rbfName, rmuBackupCommand } from './commands';
import { CommandFailure, JobFailure, step, type JobContext, type JobScript } from './job-context';
import { dismountUnload, initialize, mountTape, writeSaveset } from './tape-steps';

const DISK_BLOCKS_PER_MS = (40 * BLOCKS_PER_GB) / 3_600_000;
const MINUTE = 60_000;

/** A backup file the job starts to write (a new version, empty, held open), owned by the job's user. */
function newBackupFile(ctx: JobContext, directory: Directory, name: string, type: string): VmsFile {
  return directory.add({ name, type, blocks: 0, created: ctx.now(), modified: ctx.now(), owner: `[${ctx.entry.username}]`, records: null, openForWrite: true });
}

export function scriptFor(ctx: JobContext): JobScript {
  const job = ctx.job;
  if (job === null) return isAijBackupProcedure(ctx.entry.file) ? aijBackupProcedure(ctx) : otherProcedure(ctx);
  return withSubmits(ctx, job, body(ctx, job));
}

/** The procedure's own SET NOON or ON ... THEN EXIT line, verified into the log as it runs. */
function errorHandlingCommand(ctx: JobContext): void {
  if (ctx.errorHandling.line !== null) ctx.command(ctx.errorHandling.line);
}

function body(ctx: JobContext, job: SiteJob): JobScript {
  switch (job.type) {
    case 'billing':
      return billing(ctx, job);
    case 'housekeeping':
      return cleanup(ctx, job);
    case 'tape-preparation':
      return initializeTapes(ctx);
    case 'disk-to-disk':
      return rmuBackups(ctx, job, job.when !== 'daily');
    case 'disk-to-tape':
      if (job.devices.length > 0) return deviceBackups(ctx, job, job.when !== 'daily');
      if (job.savesets.length > 0) return consolidated(ctx, job);
      return adhocToTape(ctx, job);
    case 'disk-to-disk-and-tape':
      return daily(ctx, job);
  }
}

function submitsFirst(job: SiteJob, target: string): boolean {
  return job.tasks[0]?.includes(target) === true;
}

function* withSubmits(ctx: JobContext, job: SiteJob, main: JobScript): JobScript {
  errorHandlingCommand(ctx);
  const byName = new Map(ctx.layout.profile.jobs.map((j) => [j.name, j]));
  const first = job.submits.filter((s) => s.at === undefined && submitsFirst(job, s.job));
  const last = job.submits.filter((s) => !first.includes(s));
  for (const submit of first) {
    const target = byName.get(submit.job);
    if (target !== undefined) ctx.submit(target, submit.at);
  }
  yield* main;
  for (const submit of last) {
    const target = byName.get(submit.job);
    if (target !== undefined) ctx.submit(target, submit.at);
  }
  ctx.command('EXIT');
}

function* otherProcedure(ctx: JobContext): JobScript {
  errorHandlingCommand(ctx);
  yield MINUTE;
  ctx.command('EXIT');
}

function* billing(ctx: JobContext, job: SiteJob): JobScript {
  ctx.command(`RUN SYS$SYSTEM:${job.name}`);
  yield 20 * MINUTE;
  const statements = pick(`${localDate(ctx.now())}:statements`, 4000, 19000);
  ctx.log(`${statements} statements generated`);
  yield 25 * MINUTE;
}

function* cleanup(ctx: JobContext, job: SiteJob): JobScript {
  for (const device of job.devices) {
    ctx.command(`DELETE/LOG/BEFORE="-30-" DISK$${device}:[*...]*.TMP;*`);
    yield 5 * MINUTE;
    const count = pick(`${localDate(ctx.now())}:${device}:tmp`, 3, 30);
    for (let i = 1; i <= Math.min(count, 5); i += 1)
      ctx.log(`%DELETE-I-FILDEL, DISK$${device}:[USER_DIR.TMP]SORTWORK${i}.TMP;1 deleted (${pick(`${i}:${device}`, 10, 9000)} blocks)`);
    ctx.log(`%DELETE-I-TOTAL, ${count} files deleted (${pick(`${count}:${device}`, 10_000, 400_000)} blocks)`);
  }
}

function areaDisk(ctx: JobContext): Disk | undefined {
  return ctx.host.diskByLabel(ctx.layout.backupArea.device.replace(/^DISK\$/, ''));
}

/** RMU/BACKUP of one database to the backup area; the full backup (RBF) or an incremental one (AIJ). */
function* rmuBackup(ctx: JobContext, db: DatabasePlan, full: boolean): JobScript {
  const disk = areaDisk(ctx);
  const directory = disk?.directory(ctx.layout.backupArea.directory);
  const name = full ? rbfName(db) : aijName(db);
  const [fileName, fileType] = name.split('.') as [string, string];
  ctx.command(rmuBackupCommand(ctx.layout, db, full));
  if (disk === undefined || directory === undefined) {
    const lines = [messageLine(MSG.RMU_WRITEERR, [areaFile(ctx.layout, `${name};`)]), messageLine(MSG.DNF, [], true)];
    ctx.log(...lines);
    throw new CommandFailure(MSG.DNF.status, lines);
  }
  const size = full ? db.fullBlocks + pick(`${localDate(ctx.now())}:${db.name}`, 0, 4000) : db.aijBlocks;
  const kind = full ? 'full' : 'incremental';
  const file = newBackupFile(ctx, directory, fileName, fileType);
  ctx.log(`%RMU-I-BCKTXT_00, Backed up root file ${db.root};1`);
  const perArea = Math.ceil(size / db.areas.length);
  for (const area of db.areas) {
    const areaFileName = `${db.root.replace(/[^\]]+$/, '')}${area}.RDA;1`;
    ctx.log(`%RMU-I-BCKTXT_02, Starting ${kind} backup of storage area (${area}) ${areaFileName} at ${vmsDateTime(ctx.now())}`);
    const room = disk.freeBlocks();
    const writes = Math.min(perArea, room);
    yield Math.max(1, writes) / DISK_BLOCKS_PER_MS;
    file.blocks += writes;
    file.modified = ctx.now();
    if (writes < perArea) {
      file.openForWrite = false;
      const lines = [
        messageLine(MSG.RMU_WRITEERR, [`${ctx.layout.backupArea.device}:[${ctx.layout.backupArea.directory}]${name};`]),
        messageLine(MSG.FUL, [], true),
        messageLine(MSG.RMU_FATALERR),
        messageLine(MSG.RMU_FTL_BCK, [vmsDateTime(ctx.now())]),
      ];
      ctx.log(...lines);
      throw new CommandFailure(MSG.RMU_FTL_BCK.status, lines);
    }
    ctx.log(`%RMU-I-BCKTXT_03, Completed ${kind} backup of storage area (${area}) ${areaFileName} at ${vmsDateTime(ctx.now())}`);
  }
  file.openForWrite = false;
  ctx.log(`%RMU-I-BCKTXT_08, Thread 1 uses devices ${ctx.layout.backupArea.device}:`);
  ctx.log(`%RMU-I-COMPLETED, BACKUP operation completed at ${vmsDateTime(ctx.now())}`);
  if (full) {
    ctx.command(`PURGE/KEEP=1/LOG ${areaFile(ctx.layout, name)}`);
    const older = directory.versionsOf(fileName, fileType).slice(1);
    for (const old of older) {
      directory.remove(old);
      ctx.log(`%PURGE-I-FILPURG, ${ctx.layout.backupArea.device}:[${ctx.layout.backupArea.directory}]${name};${old.version} deleted (${old.blocks} blocks)`);
    }
  }
}

/**
 * BACKUP of the file areas (LEASE_FILES, LEASE_AMORT_FILES) to savesets in the backup area. A full
 * backup (Bill Run) writes each area to its own saveset, `<logical>_BACKUP.BCK`; the daily
 * incremental writes every area to the one saveset the plan names ("An incremental backup of
 * LEASE_FILES and LEASE_AMORT_FILES to a saveset called LEASE_FILES_BACKUP.INC"), one BACKUP
 * command with the areas as its input list.
 */
function* fileAreaSavesets(ctx: JobContext, full: boolean, saveset: string, areas = ctx.layout.fileAreas): JobScript {
  const groups = saveset.includes('.')
    ? [{ target: saveset, areas }]
    : areas.map((area) => ({ target: `${area.logical}_BACKUP.${full ? 'BCK' : 'INC'}`, areas: [area] }));
  for (const group of groups)
    yield* step(
      ctx,
      diskSaveset(
        ctx,
        full,
        group.target,
        group.areas.map((a) => a.logical),
      ),
    );
}

/** Blocks a disk saveset takes before its first file (its header records), chosen. */
const SAVESET_HEADER_BLOCKS = 32;
/** %BACKUP-F-WRITEERR's condition value: chosen, severity F (BACKUP stops writing the saveset). */
const BACKUP_WRITEERR_STATUS = 0x010a8844;

/**
 * One BACKUP of file areas to a saveset on the backup area's disk. The saveset grows as each file
 * goes in, and the disk's free blocks decide whether it fits: when the next file does not, BACKUP
 * ends with WRITEERR and -RMS-F-FUL (the saveset stays, cut short), as it does on a full disk.
 * The message pair is written as OpenVMS prints a failed saveset write (the plan's own RMU example
 * carries the same -RMS-F-FUL line).
 */
function* diskSaveset(ctx: JobContext, full: boolean, target: string, logicals: string[]): JobScript {
  const since = full ? '' : '/SINCE=BACKUP/RECORD';
  const inputs = logicals.map((logical) => `${logical}:*.*;*`).join(',');
  ctx.command(`BACKUP/LOG/IGNORE=INTERLOCK${since} ${inputs} ${areaFile(ctx.layout, target)}/SAVE_SET`);
  const disk = areaDisk(ctx);
  const directory = disk?.directory(ctx.layout.backupArea.directory);
  if (disk === undefined || directory === undefined) {
    const lines = [`%BACKUP-F-OPENOUT, error opening ${areaFile(ctx.layout, `${target};`)} as output`, messageLine(MSG.DNF, [], true)];
    ctx.log(...lines);
    throw new CommandFailure(MSG.DNF.status, lines);
  }
  const pieces: { line: string | null; blocks: number }[] = [{ line: null, blocks: SAVESET_HEADER_BLOCKS }];
  for (const logical of logicals) {
    const location = ctx.host.resolve([], { device: 'SYS$SYSDEVICE', directory: '000000' }, `${logical}:`);
    const files = location.disk.directory(location.directory)?.sorted() ?? [];
    const chosen = full ? files : files.filter((f) => pick(`${localDate(ctx.now())}:${logical}:${f.name}.${f.type}`, 0, 9) < 2);
    for (const f of chosen) {
      pieces.push({ line: `%BACKUP-S-COPIED, copied ${location.displayDevice}:[${location.displayDirectory}]${f.name}.${f.type};${f.version}`, blocks: f.blocks });
    }
  }
  const [name, type] = target.split('.') as [string, string];
  const saveset = newBackupFile(ctx, directory, name, type);
  for (const piece of pieces) {
    yield Math.max(1, piece.blocks) / DISK_BLOCKS_PER_MS;
    const room = disk.freeBlocks();
    saveset.modified = ctx.now();
    if (piece.blocks > room) {
      saveset.blocks += room;
      saveset.openForWrite = false;
      const lines = [`%BACKUP-F-WRITEERR, error writing ${areaFile(ctx.layout, `${name}.${type};${saveset.version}`)}`, messageLine(MSG.FUL, [], true)];
      ctx.log(...lines);
      throw new CommandFailure(BACKUP_WRITEERR_STATUS, lines);
    }
    saveset.blocks += piece.blocks;
    if (piece.line !== null) ctx.log(piece.line);
  }
  saveset.openForWrite = false;
}

/**
 * The file areas a job's own tasks name: RMU_BACKUP_DATA "Does a full backup of LEASE_FILES to a
 * saveset", so the Bill Run saves LEASE_FILES fully and LEASE_AMORT_FILES only in the daily
 * incremental (the plan's backup classes say both are saved fully on Bill Run days, but no job's
 * tasks name LEASE_AMORT_FILES's full backup: plan silent on which job does it).
 */
function areasNamedIn(ctx: JobContext, job: SiteJob): FileArea[] {
  return ctx.layout.fileAreas.filter((area) => job.tasks.some((task) => new RegExp(`(^|[^A-Z0-9_$])${area.logical.replace(/\$/g, '\\$')}($|[^A-Z0-9_$])`).test(task)));
}

function* rmuBackups(ctx: JobContext, job: SiteJob, full: boolean): JobScript {
  const areas = full ? areasNamedIn(ctx, job) : [];
  if (areas.length > 0) yield* fileAreaSavesets(ctx, true, '', areas);
  for (const name of job.databases) {
    const db = ctx.layout.databases.get(name);
    if (db !== undefined) yield* step(ctx, rmuBackup(ctx, db, full));
  }
}

/** The Bill Run tapes this job writes, in the magazine's order, with their labels for the day. */
function jobTapes(ctx: JobContext, job: SiteJob): { position: number; label: string }[] {
  const date = localDate(ctx.entry.submitted);
  return ctx.layout.profile.tapes.billRun.tapes
    .map((tape, index) => ({ position: index + 1, job: tape.job, label: volumeLabelOf(billRunCode(date, tape.letter), ctx.layout.profile.tapes.billRun.volumeLabel) }))
    .filter((tape) => tape.job === job.name);
}

/** Whether the job initialises its own first tape (the plan: the top tapes are initialised by their jobs). */
function initializesOwnTape(ctx: JobContext, job: SiteJob): string | null {
  const first = jobTapes(ctx, job)[0];
  if (first === undefined) return null;
  return first.position <= ctx.layout.profile.tapes.billRun.initializedByJobs ? first.label : null;
}

function openFilesOn(ctx: JobContext, disk: Disk, display: string): string[] {
  const lines: string[] = [];
  for (const directory of disk.directories.values())
    for (const file of directory.files) if (file.openForWrite) lines.push(`${display}:[${directory.path}]${file.name}.${file.type};${file.version}`);
  return lines;
}

function listedFiles(disk: Disk, display: string, limit: number): string[] {
  const lines: string[] = [];
  for (const directory of [...disk.directories.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    for (const file of directory.sorted()) {
      if (file.openForWrite) continue;
      lines.push(`${display}:[${directory.path}]${file.name}.${file.type};${file.version}`);
      if (lines.length >= limit) return lines;
    }
  }
  return lines;
}

function* deviceBackups(ctx: JobContext, job: SiteJob, full: boolean): JobScript {
  yield* mountTape(ctx, initializesOwnTape(ctx, job));
  // a saveset may go on only onto this job's own further tapes (none, for a one-tape job)
  const continuation = jobTapes(ctx, job)
    .slice(1)
    .map((t) => t.label);
  for (const device of job.devices) {
    const disk = ctx.host.diskByLabel(device);
    const display = `DISK$${device}`;
    const partial = job.deviceNotes?.[device] !== undefined;
    const qualifiers = full ? (partial ? '/RECORD' : '/IMAGE/RECORD') : '/SINCE=BACKUP/RECORD';
    const source = partial ? `${display}:[*...]*.*;*/EXCLUDE=([*.RDB...])` : `${display}:`;
    if (disk === undefined) {
      ctx.command(`BACKUP/LOG/IGNORE=INTERLOCK${qualifiers} ${source} ${ctx.drive?.device ?? ''}${device}.BCK/SAVE_SET/NOREWIND`);
      ctx.log(`%BACKUP-F-OPENIN, error opening ${display}: as input`, messageLine(MSG.NOSUCHDEV, [], true));
      continue;
    }
    const used = disk.usedBlocks();
    const blocks = full ? Math.round(used * (partial ? 0.35 : 1)) : Math.round((used * pick(`${localDate(ctx.now())}:${device}:inc`, 1, 4)) / 100);
    yield* writeSaveset(ctx, {
      saveset: `${device}.BCK`,
      command: `BACKUP/LOG/IGNORE=INTERLOCK${qualifiers} ${source} ${ctx.drive?.device ?? ''}${device}.BCK/SAVE_SET/NOREWIND`,
      copied: listedFiles(disk, display, full ? 40 : 8),
      conflicts: openFilesOn(ctx, disk, display),
      blocks,
      continuationLabels: continuation,
    });
  }
  yield* dismountUnload(ctx);
}

/** Files of the backup area a saveset holds: its databases' RBF files, the AIJ files, the file-area savesets. */
function savesetSources(ctx: JobContext, saveset: SiteJob['savesets'][number]): { display: string[]; blocks: number } {
  const directory = areaDisk(ctx)?.directory(ctx.layout.backupArea.directory);
  const prefix = `${ctx.layout.backupArea.device}:[${ctx.layout.backupArea.directory}]`;
  if (directory === undefined) return { display: [], blocks: 0 };
  const files = (() => {
    if (saveset.name.startsWith('AIJ.')) {
      const shorts = new Set((saveset.databases ?? aijDatabases(ctx.layout)).map((d) => ctx.layout.databases.get(d)?.short));
      return directory.files.filter((f) => f.type === 'AIJ' && [...shorts].some((s) => s !== undefined && f.name === `${s}_DATA_BACKUP`));
    }
    if (saveset.databases !== undefined && saveset.databases.length > 0) {
      return saveset.databases.flatMap((name) => {
        const db = ctx.layout.databases.get(name);
        const latest = db === undefined ? undefined : directory.highest(`${db.short}_DATA_BACKUP`, 'RBF');
        return latest === undefined ? [] : [latest];
      });
    }
    if (saveset.name.startsWith('INC.')) return directory.files.filter((f) => f.type === 'INC');
    // the file areas' savesets (full and incremental)
    return directory.files.filter((f) => ctx.layout.fileAreas.some((a) => f.name === `${a.logical}_BACKUP`) && (f.type === 'BCK' || f.type === 'INC'));
  })();
  return { display: files.map((f) => `${prefix}${f.name}.${f.type};${f.version}`), blocks: files.reduce((sum, f) => sum + f.blocks, 0) };
}

function* consolidated(ctx: JobContext, job: SiteJob): JobScript {
  const tapes = jobTapes(ctx, job);
  yield* mountTape(ctx, initializesOwnTape(ctx, job));
  const continuation = tapes.slice(1).map((t) => t.label);
  const device = ctx.drive?.device ?? '';
  for (const saveset of job.savesets) {
    const sources = savesetSources(ctx, saveset);
    const source = sources.display.length > 0 ? sources.display.map((s) => s.replace(/;\d+$/, ';')).join(',') : areaFile(ctx.layout, '*.*;');
    yield* writeSaveset(ctx, {
      saveset: saveset.name,
      command: `BACKUP/LOG/IGNORE=INTERLOCK ${source} ${device}${saveset.name}/SAVE_SET/NOREWIND/LABEL=(${tapes.map((t) => t.label).join(',')})`,
      copied: sources.display,
      conflicts: [],
      blocks: Math.max(sources.blocks, 16),
      continuationLabels: continuation,
    });
  }
  if (job.tasks.some((t) => /purges AIJ/i.test(t))) purgeAij(ctx, job);
  yield* dismountUnload(ctx);
}

/**
 * Deletes AIJ files older than the latest RBF file of their database; the log shows the
 * procedure's RBF_DATE assignment and its DELETE with the symbol's value, as DCL verifies them.
 */
function purgeAij(ctx: JobContext, job: SiteJob): void {
  const directory = areaDisk(ctx)?.directory(ctx.layout.backupArea.directory);
  if (directory === undefined) return;
  const [rbfFile, rbfType] = aijPurgeRbf(ctx.layout, job).split('.') as [string, string];
  for (const line of aijPurgeVerified(ctx.layout, job, directory.highest(rbfFile, rbfType)?.created)) ctx.command(line);
  for (const db of ctx.layout.databases.values()) {
    const rbf = directory.highest(`${db.short}_DATA_BACKUP`, 'RBF');
    if (rbf === undefined) continue;
    for (const aij of directory.versionsOf(`${db.short}_DATA_BACKUP`, 'AIJ')) {
      if (aij.created.getTime() < rbf.created.getTime()) {
        directory.remove(aij);
        ctx.log(`%DELETE-I-FILDEL, ${areaFile(ctx.layout, `${aij.name}.AIJ;${aij.version}`)} deleted (${aij.blocks} blocks)`);
      }
    }
  }
}

function* daily(ctx: JobContext, job: SiteJob): JobScript {
  const toDisk = job.savesets.filter((s) => job.tasks.some((t) => /^Disk to Disk/i.test(t) && t.includes(s.name)));
  for (const saveset of toDisk) yield* fileAreaSavesets(ctx, false, saveset.name);
  yield* mountTape(ctx, null);
  yield* deviceTapeIncrementals(ctx, job);
  const device = ctx.drive?.device ?? '';
  for (const saveset of job.savesets.filter((s) => !toDisk.includes(s))) {
    const sources = savesetSources(ctx, saveset);
    yield* writeSaveset(ctx, {
      saveset: saveset.name,
      command: `BACKUP/LOG/IGNORE=INTERLOCK/SINCE=BACKUP ${areaFile(ctx.layout, saveset.name.startsWith('AIJ.') ? '*.AIJ;*' : '*.INC;*')} ${device}${saveset.name}/SAVE_SET/NOREWIND`,
      copied: sources.display,
      conflicts: [],
      blocks: Math.max(16, Math.round(sources.blocks / 3)),
      continuationLabels: [],
    });
  }
  yield* dismountUnload(ctx);
}

function* deviceTapeIncrementals(ctx: JobContext, job: SiteJob): JobScript {
  for (const device of job.devices) {
    const disk = ctx.host.diskByLabel(device);
    if (disk === undefined) continue;
    const display = `DISK$${device}`;
    yield* writeSaveset(ctx, {
      saveset: `${device}.BCK`,
      command: `BACKUP/LOG/IGNORE=INTERLOCK/SINCE=BACKUP/RECORD ${display}: ${ctx.drive?.device ?? ''}${device}.BCK/SAVE_SET/NOREWIND`,
      copied: listedFiles(disk, display, 8),
      conflicts: openFilesOn(ctx, disk, display),
      blocks: Math.round((disk.usedBlocks() * pick(`${localDate(ctx.now())}:${device}:inc`, 1, 4)) / 100),
      continuationLabels: [],
    });
  }
}

/** An adhoc backup of one database: RMU/BACKUP to the backup area, then the RBF to the daily tape. */
function* adhocToTape(ctx: JobContext, job: SiteJob): JobScript {
  for (const name of job.databases) {
    const db = ctx.layout.databases.get(name);
    if (db === undefined) continue;
    yield* step(ctx, rmuBackup(ctx, db, true));
    yield* mountTape(ctx, null);
    const directory = areaDisk(ctx)?.directory(ctx.layout.backupArea.directory);
    const rbf = directory?.highest(`${db.short}_DATA_BACKUP`, 'RBF');
    yield* writeSaveset(ctx, {
      saveset: `${db.short}_DATA.BAK`,
      command: `BACKUP/LOG ${areaFile(ctx.layout, rbfName(db))}; ${ctx.drive?.device ?? ''}${db.short}_DATA.BAK/SAVE_SET/REWIND`,
      copied: rbf === undefined ? [] : [areaFile(ctx.layout, `${rbf.name}.${rbf.type};${rbf.version}`)],
      conflicts: [],
      blocks: rbf?.blocks ?? 16,
      continuationLabels: [],
    });
    yield* dismountUnload(ctx);
  }
}

/**
 * INITIALIZE_TAPES: with P1 = n, initialises the n-th tape of the magazine up to the last Bill Run
 * tape, each with its label for the day, moving through the magazine with DISMOUNT/UNLOAD (the
 * loader loads the next available tape, round to the top one after the last), and leaves the top
 * tape loaded for the first backup job.
 */
function* initializeTapes(ctx: JobContext): JobScript {
  const drive = ctx.drive;
  errorHandlingCommand(ctx);
  const from = Number(ctx.entry.parameters[0] ?? '1');
  if (drive === undefined) throw new JobFailure(MSG.NOSUCHDEV.status, [messageLine(MSG.NOSUCHDEV)]);
  const tapes = ctx.layout.profile.tapes.billRun.tapes;
  const date = localDate(ctx.entry.submitted);
  if (!Number.isInteger(from) || from < 1) {
    ctx.log(messageLine(MSG.IVVALU), ` \\${ctx.entry.parameters[0] ?? ''}\\`);
    throw new JobFailure(MSG.IVVALU.status, [messageLine(MSG.IVVALU)]);
  }
  if (!drive.ready() || ctx.faults.isMediumOffline) {
    ctx.command(`MOUNT/FOREIGN ${drive.device}`);
    ctx.log('%MOUNT-F-MEDOFL, medium is offline');
    throw new JobFailure(MSG.MEDOFL.status, ['%MOUNT-F-MEDOFL, medium is offline']);
  }
  // find the top tape's position: count from the top of the magazine
  let position = 1 + drive.slots.slice(0, drive.loadedSlot ?? 0).filter((t) => t !== null).length;
  const occupied = drive.slots.filter((t) => t !== null).length;
  for (let moves = 0; moves < occupied * 2 && position <= tapes.length; moves += 1) {
    if (position >= from) {
      const letter = tapes[position - 1]?.letter ?? '';
      const label = volumeLabelOf(billRunCode(date, letter), ctx.layout.profile.tapes.billRun.volumeLabel);
      ctx.command(`INITIALIZE ${drive.device} ${label}`);
      const tape = drive.loaded();
      if (tape === null || !drive.ready()) {
        ctx.log('%INIT-F-MEDOFL, medium is offline');
        throw new JobFailure(MSG.MEDOFL.status, ['%INIT-F-MEDOFL, medium is offline']);
      }
      if (tape.writeProtected) {
        ctx.log('%INIT-F-WRITLCK, device is write locked');
        throw new JobFailure(MSG.WRITLCK.status, ['%INIT-F-WRITLCK, device is write locked']);
      }
      yield 90_000;
      initialize(tape, label, ctx.now());
    }
    ctx.command(`DISMOUNT/UNLOAD ${drive.device}`);
    yield 60_000;
    drive.loadNext();
    if (drive.loaded() === null) drive.loadPosition(1);
    position += 1;
  }
  // back round to the top tape
  while (drive.loadedSlot !== null && drive.slots.slice(0, drive.loadedSlot).some((t) => t !== null)) {
    ctx.command(`DISMOUNT/UNLOAD ${drive.device}`);
    yield 60_000;
    drive.loadNext();
    if (drive.loaded() === null) drive.loadPosition(1);
  }
  ctx.command('EXIT');
}

/**
 * The procedure (and job) that backs up the after-image journals each night: plan silent on its
 * name; the plan says only that incremental database backups are made "throughout the day during
 * database replication" and that "incremental backups jobs create *.AIJ files".
 */
export const AIJ_BACKUP_JOB = 'AIJ_BACKUP';

export function isAijBackupProcedure(file: string): boolean {
  return new RegExp(`\\]${AIJ_BACKUP_JOB}\\.COM;\\d*$`).test(file);
}

/** The verified line of one database's after-image journal backup, in the procedure and in the log. */
export function aijBackupCommand(ctx: { layout: JobContext['layout'] }, db: DatabasePlan): string {
  return `RMU/BACKUP/AFTER_JOURNAL/LOG ${db.root} ${areaFile(ctx.layout, aijName(db))}`;
}

function* aijBackupProcedure(ctx: JobContext): JobScript {
  errorHandlingCommand(ctx);
  for (const name of aijDatabases(ctx.layout)) {
    const db = ctx.layout.databases.get(name);
    if (db !== undefined) yield* step(ctx, aijBackup(ctx, db));
  }
  ctx.command('EXIT');
}

function rmuInfo(ident: string, text: string): string {
  return messageLine({ facility: 'RMU', severity: 'I', ident, text, status: 1 });
}

/**
 * RMU/BACKUP/AFTER_JOURNAL/LOG of one database's extensible journal to an .AIJ file in the backup
 * area, its lines as Oracle Rdb 7.0 writes them (Oracle Rdb7 RMU Reference Manual, RMU
 * Backup After_Journal, example of backing up .aij files in sequence): AIJBCKBEG, AIJBCKSEQ,
 * LOGBCKAIJ with the journal's name, LOGCREBCK with the backup file, AIJBCKEND, LOGAIJJRN and
 * LOGAIJBLK with the count of journals and blocks. No OPERNOTIFY lines: the site's journals are
 * not set up to notify the operator (RMU/SET AFTER_JOURNAL/NOTIFY; plan silent). The journal's
 * name (<short>_AIJ) is chosen: plan silent. On a full disk the backup file is cut short and
 * RMU ends in WRITEERR, -RMS-F-FUL and FATALERR, as the plan's full backup example does.
 */
function* aijBackup(ctx: JobContext, db: DatabasePlan): JobScript {
  const name = aijName(db);
  const [fileName, fileType] = name.split('.') as [string, string];
  ctx.command(aijBackupCommand(ctx, db));
  ctx.log(rmuInfo('AIJBCKBEG', 'beginning after-image journal backup operation'));
  const disk = areaDisk(ctx);
  const directory = disk?.directory(ctx.layout.backupArea.directory);
  if (disk === undefined || directory === undefined) {
    const lines = [messageLine(MSG.RMU_WRITEERR, [areaFile(ctx.layout, `${name};`)]), messageLine(MSG.DNF, [], true), messageLine(MSG.RMU_FATALERR)];
    ctx.log(...lines);
    throw new CommandFailure(MSG.RMU_FATALERR.status, lines);
  }
  const file = newBackupFile(ctx, directory, fileName, fileType);
  // one journal sequence a night: the backup file's version follows it
  ctx.log(rmuInfo('AIJBCKSEQ', `backing up after-image journal sequence number ${file.version - 1}`));
  ctx.log(rmuInfo('LOGBCKAIJ', `backing up after-image journal ${db.short}_AIJ at ${vmsClock(ctx.now())}`));
  ctx.log(rmuInfo('LOGCREBCK', `created backup file ${areaFile(ctx.layout, `${name};${file.version}`)}`));
  yield Math.max(1, db.aijBlocks) / DISK_BLOCKS_PER_MS;
  const room = disk.freeBlocks();
  file.modified = ctx.now();
  if (db.aijBlocks > room) {
    file.blocks += room;
    file.openForWrite = false;
    const lines = [messageLine(MSG.RMU_WRITEERR, [areaFile(ctx.layout, `${name};`)]), messageLine(MSG.FUL, [], true), messageLine(MSG.RMU_FATALERR)];
    ctx.log(...lines);
    throw new CommandFailure(MSG.RMU_FATALERR.status, lines);
  }
  file.blocks = db.aijBlocks;
  file.openForWrite = false;
  ctx.log(rmuInfo('AIJBCKEND', 'after-image journal backup operation completed successfully'));
  ctx.log(rmuInfo('LOGAIJJRN', `backed up 1 after-image journal at ${vmsClock(ctx.now())}`));
  ctx.log(rmuInfo('LOGAIJBLK', `backed up ${db.aijBlocks} after-image journal blocks at ${vmsClock(ctx.now())}`));
}
