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
 *
 * Each exported step is one DCL command: when it fails it has written its messages and the
 * procedure's error handling decides what follows (a SET NOON procedure goes on to its next
 * command, as the plan's procedures do; only the log then shows the failure).
 */
import { MSG, messageLine } from '../dcl/messages';
import type { TapeCartridge, TapeDrive } from '../drive/tape-drive';
import { BLOCKS_PER_GB } from '../host/sizes';
import { vmsDateTime } from '../time/vms-time';
import { backupSelection } from './backup-listing';
import { recordBackup } from './backup-record';
import { CommandFailure, JobFailure, step, type JobContext, type JobScript } from './job-context';

/** DLT throughput of the period: about 40 GB an hour compressed. */
export const TAPE_BLOCKS_PER_MS = (40 * BLOCKS_PER_GB) / 3_600_000;

function drive(ctx: JobContext) {
  if (ctx.drive === undefined) throw new JobFailure(MSG.NOSUCHDEV.status, [messageLine(MSG.NOSUCHDEV)]);
  return ctx.drive;
}

function failed(ctx: JobContext, status: number, lines: string[]): CommandFailure {
  ctx.log(...lines);
  return new CommandFailure(status, lines);
}

function offline(ctx: JobContext, facility: 'MOUNT' | 'INIT'): CommandFailure {
  return failed(ctx, MSG.MEDOFL.status, [`%${facility}-F-MEDOFL, medium is offline`]);
}

/** INITIALIZE (when a label is given) and MOUNT/FOREIGN of the loaded tape: two commands. */
export function* mountTape(ctx: JobContext, initializeAs: string | null): JobScript {
  const tapeDrive = drive(ctx);
  if (initializeAs !== null) yield* step(ctx, initializeLoaded(ctx, tapeDrive, initializeAs));
  yield* step(ctx, mountForeign(ctx, tapeDrive));
}

function* initializeLoaded(ctx: JobContext, tapeDrive: TapeDrive, label: string): JobScript {
  ctx.command(`INITIALIZE ${tapeDrive.device} ${label}`);
  const tape = tapeDrive.loaded();
  if (!tapeDrive.ready() || tape === null || ctx.faults.isMediumOffline) throw offline(ctx, 'INIT');
  if (tape.writeProtected) throw failed(ctx, MSG.WRITLCK.status, ['%INIT-F-WRITLCK, device is write locked']);
  yield 90_000;
  initialize(tape, label, ctx.now());
}

function* mountForeign(ctx: JobContext, tapeDrive: TapeDrive): JobScript {
  ctx.command(`MOUNT/FOREIGN ${tapeDrive.device}`);
  const tape = tapeDrive.loaded();
  if (!tapeDrive.ready() || tape === null || ctx.faults.isMediumOffline) throw offline(ctx, 'MOUNT');
  yield 20_000;
  tapeDrive.mount = { foreign: true, owner: ctx.entry.jobName };
  ctx.mounted();
  ctx.log(mountedLine(ctx, tape, tapeDrive.device));
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

/** BACKUP cannot open its output saveset: the drive is offline, the tape write locked or not mounted. */
function openOutError(ctx: JobContext, tapeDrive: TapeDrive, saveset: string): CommandFailure | null {
  const tape = tapeDrive.loaded();
  const reason =
    tape === null || !tapeDrive.ready() || ctx.faults.isMediumOffline
      ? MSG.MEDOFL
      : tapeDrive.mount === null
        ? MSG.DEVNOTMOUNT
        : tape.writeProtected
          ? MSG.WRITLCK
          : null;
  if (reason === null) return null;
  // HP OpenVMS System Messages: OPENOUT, "error opening filespec as output", with the reason below it
  const lines = [`%BACKUP-F-OPENOUT, error opening ${tapeFileSpec(tapeDrive.device, saveset)} as output`, messageLine(reason, [], true)];
  return failed(ctx, reason.status, lines);
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
  yield* step(ctx, backupToTape(ctx, drive(ctx), write));
}

function* backupToTape(ctx: JobContext, tapeDrive: TapeDrive, write: SavesetWrite): JobScript {
  const started = ctx.now();
  ctx.command(write.command);
  // the files come from the command line itself where it names a simulated disk
  const selection = backupSelection(ctx.host, write.command);
  const copied = selection === null ? write.copied : selection.files.map((f) => f.spec);
  const conflicts = selection === null ? write.conflicts : selection.open.map((f) => f.spec);
  // BACKUP opens its output saveset before it reads a file
  const cannotOpen = openOutError(ctx, tapeDrive, write.saveset);
  if (cannotOpen !== null) throw cannotOpen;
  for (const file of conflicts) ctx.log(`%BACKUP-W-ACCONFLICT, ${file} is open for write by another user`);
  let tape = tapeDrive.loaded() as TapeCartridge;
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
        throw failed(ctx, MSG.PARITY.status, [writeError(tapeDrive, write.saveset), messageLine(MSG.PARITY, [], true)]);
      }
      if (ctx.faults.isMediumOffline || tapeDrive.offline) {
        throw failed(ctx, MSG.MEDOFL.status, [writeError(tapeDrive, write.saveset), messageLine(MSG.MEDOFL, [], true)]);
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
      ctx.log('%BACKUP-F-ABORT, operator requested abort on fatal error');
      throw new CommandFailure(MSG.MEDOFL.status, [
        `%MOUNT-I-OPRQST, Please mount volume ${label} in device _${tapeDrive.device}`,
        '%BACKUP-F-ABORT, operator requested abort on fatal error',
      ]);
    }
    if (write.continuationLabels !== null && (next.volumeLabel === null || !write.continuationLabels.includes(next.volumeLabel))) {
      const expected = write.continuationLabels[0] ?? '';
      const lines = [
        `%BACKUP-W-MOUNTERR, volume ${volume} on _${tapeDrive.device} was not mounted because its label does not match the one requested`,
        `%BACKUP-W-EXLABEER, volume label processing failed because volume ${next.volumeLabel ?? '(none)'} is out of order, Volume label ${expected} was expected`,
        '%BACKUP-F-ABORT, operator requested abort on fatal error',
      ];
      throw failed(ctx, 0x10a38414, lines);
    }
    if (next.writeProtected) {
      throw failed(ctx, MSG.WRITLCK.status, [writeError(tapeDrive, write.saveset), messageLine(MSG.WRITLCK, [], true)]);
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
  yield* step(ctx, dismount(ctx, drive(ctx)));
}

function* dismount(ctx: JobContext, tapeDrive: TapeDrive): JobScript {
  ctx.command(`DISMOUNT/UNLOAD ${tapeDrive.device}`);
  if (tapeDrive.mount === null) {
    // the DISMOUNT facility's CANNOTDMT with the reason below it (HP OpenVMS System Messages)
    throw failed(ctx, MSG.DEVNOTMOUNT.status, [`%DISM-W-CANNOTDMT, _${tapeDrive.device} cannot be dismounted`, messageLine(MSG.DEVNOTMOUNT, [], true)]);
  }
  yield 60_000;
  tapeDrive.loadNext();
}

export function stamp(at: Date): string {
  return vmsDateTime(at);
}
