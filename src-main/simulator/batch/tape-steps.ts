/**
 * Tape work inside a job: INITIALIZE, MOUNT/FOREIGN, BACKUP savesets that span volumes (the loader
 * loads the next available tape), DISMOUNT/UNLOAD, with the faults the plan fears (medium offline,
 * write error, a tape not initialised).
 *
 * A saveset that fills its tape writes, in the job's log, the sequence of the HP OpenVMS System
 * Manager's Manual with OPCOM running and /ASSIST (BACKUP's default): %BACKUP-I-RESUME, MOUNT's
 * operator request (OPRQST) with BACKUP's "BACKUP requests:" line ("Understanding Multivolume
 * BACKUP Operations"); then, once the loader has loaded the next tape, what OPCOM tells the
 * requester when the volume is in the drive: MOUNTED, and RQSTDON with its second line ("Assisting
 * Users in Mounting Volumes"). READYWRITE and "Respond with YES when ready:" are the manual's
 * prompt when no operator assistance is used, which a batch job (no terminal) does not get.
 * (test/fixtures/vms/batch-log/backup-spans-volumes.txt)
 */
import { MSG, messageLine } from '../dcl/messages';
import type { TapeCartridge, TapeDrive } from '../drive/tape-drive';
import { BLOCKS_PER_GB } from '../host/sizes';
import { vmsDateTime } from '../time/vms-time';
import { backupSelection } from './backup-listing';
import { recordBackup } from './backup-record';
import { JobFailure, type JobContext, type JobScript } from './job-context';

/** DLT throughput of the period: about 40 GB an hour compressed. */
export const TAPE_BLOCKS_PER_MS = (40 * BLOCKS_PER_GB) / 3_600_000;

function drive(ctx: JobContext) {
  if (ctx.drive === undefined) throw new JobFailure(MSG.NOSUCHDEV.status, [messageLine(MSG.NOSUCHDEV)]);
  return ctx.drive;
}

function offline(ctx: JobContext, facility: 'MOUNT' | 'BACKUP' | 'INIT'): JobFailure {
  const lines = [`%${facility}-F-MEDOFL, medium is offline`];
  ctx.log(...lines);
  return new JobFailure(MSG.MEDOFL.status, lines);
}

/** INITIALIZE (when a label is given) and MOUNT/FOREIGN of the loaded tape. */
export function* mountTape(ctx: JobContext, initializeAs: string | null): JobScript {
  const tapeDrive = drive(ctx);
  const device = tapeDrive.device;
  if (initializeAs !== null) {
    ctx.command(`INITIALIZE ${device} ${initializeAs}`);
    const tape = tapeDrive.loaded();
    if (!tapeDrive.ready() || tape === null || ctx.faults.isMediumOffline) throw offline(ctx, 'INIT');
    if (tape.writeProtected) {
      const line = `%INIT-F-WRITLCK, device is write locked`;
      ctx.log(line);
      throw new JobFailure(MSG.WRITLCK.status, [line]);
    }
    yield 90_000;
    initialize(tape, initializeAs, ctx.now());
  }
  ctx.command(`MOUNT/FOREIGN ${device}`);
  const tape = tapeDrive.loaded();
  if (!tapeDrive.ready() || tape === null || ctx.faults.isMediumOffline) throw offline(ctx, 'MOUNT');
  yield 20_000;
  tapeDrive.mount = { foreign: true, owner: ctx.entry.jobName };
  ctx.mounted();
  ctx.log(mountedLine(ctx, tape, device));
}

/** `%MOUNT-I-MOUNTED, C1124D mounted on _$2$MKA500: (BLT4)`, as MOUNT's reference shows it, with the node. */
function mountedLine(ctx: JobContext, tape: TapeCartridge, device: string): string {
  return `%MOUNT-I-MOUNTED, ${tape.volumeLabel ?? ''} mounted on _${device} (${ctx.host.name})`.replace(',  mounted', ', mounted');
}

/**
 * A file on tape as BACKUP names it in its messages: the device, the tape's one directory
 * `[000000]` and version 1 (`$2$MKA500:[000000]APPL_DATA.BAK;1`).
 */
export function tapeFileSpec(device: string, saveset: string): string {
  return `${device}[000000]${saveset};1`;
}

/** The label BACKUP asks for on volume n: the next of /LABEL's list, else the first label's four characters and n. */
function continuationLabel(write: SavesetWrite, firstLabel: string | null, volume: number): string {
  const listed = write.continuationLabels?.[0];
  if (listed !== undefined) return listed;
  return `${(firstLabel ?? 'BACKUP').slice(0, 4)}${String(volume).padStart(2, '0')}`;
}

/** What BACKUP writes when a volume is full and it asks the operator for the next one. */
function volumeRequest(device: string, saveset: string, label: string, volume: number): string[] {
  return [
    `%BACKUP-I-RESUME, resuming operation on volume ${volume}`,
    `%MOUNT-I-OPRQST, Please mount volume ${label} in device _${device}`,
    `BACKUP requests: Saveset ${saveset}, Volume number ${String(volume).padStart(2, '0')}, write ENABLED`,
  ];
}

/** OPCOM's word to the requester once the volume is in the drive: the request is done. */
const RQSTDON = ['%MOUNT-I-RQSTDON, operator request canceled', '-- mount completed successfully.'];

function writeError(drive: TapeDrive, saveset: string): string {
  return `%BACKUP-F-WRITEERR, error writing ${tapeFileSpec(drive.device, saveset)}`;
}

export function initialize(tape: TapeCartridge, label: string, at: Date): void {
  tape.volumeLabel = label;
  tape.usedBlocks = 0;
  tape.savesets = [];
  tape.initializedAt = at;
}

export interface SavesetWrite {
  saveset: string;
  /** Command line (verified into the log). */
  command: string;
  /** Files copied, as /LOG lists them. */
  copied: string[];
  /** Files found open, as %BACKUP-W-ACCONFLICT reports them. */
  conflicts: string[];
  blocks: number;
  /** Labels a continuation volume may carry; null: any tape will do (label processing ignored). */
  continuationLabels: string[] | null;
}

/** One BACKUP to the mounted tape; spans onto the next tapes of the magazine when it fills one. */
export function* writeSaveset(ctx: JobContext, write: SavesetWrite): JobScript {
  const tapeDrive = drive(ctx);
  const started = ctx.now();
  ctx.command(write.command);
  // the files come from the command line itself where it names a simulated disk
  const selection = backupSelection(ctx.host, write.command);
  const copied = selection === null ? write.copied : selection.files.map((f) => f.spec);
  const conflicts = selection === null ? write.conflicts : selection.open.map((f) => f.spec);
  for (const file of conflicts) ctx.log(`%BACKUP-W-ACCONFLICT, ${file} is open for write by another user`);
  let tape = tapeDrive.loaded();
  if (tape === null || tapeDrive.mount === null || !tapeDrive.ready() || ctx.faults.isMediumOffline) throw offline(ctx, 'BACKUP');
  const firstLabel = tape.volumeLabel;
  let remaining = write.blocks;
  let volume = 1;
  let copiedIndex = 0;
  const total = Math.max(1, write.blocks);
  while (remaining > 0) {
    const room = tape.capacityBlocks - tape.usedBlocks;
    const chunk = Math.min(remaining, room);
    if (chunk > 0) {
      // what goes onto this volume, in two halves, so a fault can strike in the middle
      const half = Math.ceil(chunk / 2);
      yield half / TAPE_BLOCKS_PER_MS;
      if (ctx.faults.consumeTapeWriteError()) {
        tapeDrive.errorCount += 1;
        const lines = [writeError(tapeDrive, write.saveset), messageLine(MSG.PARITY, [], true)];
        ctx.log(...lines);
        throw new JobFailure(MSG.PARITY.status, lines);
      }
      if (ctx.faults.isMediumOffline || tapeDrive.offline) {
        const lines = [writeError(tapeDrive, write.saveset), messageLine(MSG.MEDOFL, [], true)];
        ctx.log(...lines);
        throw new JobFailure(MSG.MEDOFL.status, lines);
      }
      yield (chunk - half) / TAPE_BLOCKS_PER_MS;
      tape.usedBlocks += chunk;
      tape.savesets.push({ name: write.saveset, volume, blocks: chunk, written: ctx.now() });
      remaining -= chunk;
      // the files whose data went onto this volume
      const upTo = Math.round((copied.length * (write.blocks - remaining)) / total);
      while (copiedIndex < upTo) ctx.log(`%BACKUP-S-COPIED, copied ${copied[copiedIndex++] as string}`);
    }
    if (remaining <= 0) break;
    // end of tape: BACKUP rewinds and unloads it and asks for the next; the loader loads the next available tape
    volume += 1;
    const label = continuationLabel(write, firstLabel, volume);
    ctx.log(...volumeRequest(tapeDrive.device, write.saveset, label, volume));
    const next = tapeDrive.loadNext();
    yield 120_000;
    if (next === null || !tapeDrive.ready()) {
      const lines = ['%BACKUP-F-ABORT, operator requested abort on fatal error'];
      ctx.log(...lines);
      throw new JobFailure(MSG.MEDOFL.status, [`%MOUNT-I-OPRQST, Please mount volume ${label} in device _${tapeDrive.device}`, ...lines]);
    }
    if (write.continuationLabels !== null && (next.volumeLabel === null || !write.continuationLabels.includes(next.volumeLabel))) {
      const expected = write.continuationLabels[0] ?? '';
      const lines = [
        `%BACKUP-W-MOUNTERR, volume ${volume} on _${tapeDrive.device} was not mounted because its label does not match the one requested`,
        `%BACKUP-W-EXLABEER, volume label processing failed because volume ${next.volumeLabel ?? '(none)'} is out of order, Volume label ${expected} was expected`,
        '%BACKUP-F-ABORT, operator requested abort on fatal error',
      ];
      ctx.log(...lines);
      throw new JobFailure(0x10a38414, lines);
    }
    if (next.writeProtected) {
      const lines = [writeError(tapeDrive, write.saveset), messageLine(MSG.WRITLCK, [], true)];
      ctx.log(...lines);
      throw new JobFailure(MSG.WRITLCK.status, lines);
    }
    write.continuationLabels?.splice(write.continuationLabels.indexOf(next.volumeLabel as string), 1);
    tapeDrive.mount = { foreign: true, owner: ctx.entry.jobName };
    ctx.mounted();
    ctx.log(mountedLine(ctx, next, tapeDrive.device), ...RQSTDON);
    tape = next;
  }
  while (copiedIndex < copied.length) ctx.log(`%BACKUP-S-COPIED, copied ${copied[copiedIndex++] as string}`);
  if (selection?.record === true) {
    recordBackup(
      selection.disk,
      selection.files.flatMap((f) => (f.file === null ? [] : [f.file])),
      started,
    );
  }
}

/** DISMOUNT/UNLOAD: the tape goes back to its slot and the loader loads the next available one. */
export function* dismountUnload(ctx: JobContext): JobScript {
  const tapeDrive = drive(ctx);
  ctx.command(`DISMOUNT/UNLOAD ${tapeDrive.device}`);
  yield 60_000;
  tapeDrive.loadNext();
}

export function stamp(at: Date): string {
  return vmsDateTime(at);
}
