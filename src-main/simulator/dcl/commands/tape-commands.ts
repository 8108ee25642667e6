/** INITIALIZE, MOUNT/FOREIGN and DISMOUNT/UNLOAD of the tape drive, typed at the terminal. */
import type { CommandDef, ParsedCommand } from '../command-table';
import { has } from '../command-table';
import { DclFailure, MSG, messageLine } from '../messages';
import type { DclProcess } from '../process';
import type { TapeDrive } from '../../drive/tape-drive';
import { initialize } from '../../batch/tape-steps';
import { deviceAnswers, isFullUnit } from '../../files/device-names';

function driveNamed(process: DclProcess, text: string): TapeDrive {
  const drive = process.site.drive(process.host.name);
  let name = text.replace(/:$/, '').replace(/^_/, '');
  for (let depth = 0; depth < 10; depth += 1) {
    const logical = process.host.logicals(process.tables).translate(name);
    if (logical === undefined) break;
    name = (logical.values[0] ?? '').replace(/:.*$/, '').replace(/^_/, '');
    if (logical.terminal) break;
  }
  // a command that acts on one device wants its full name: MKA500: is not $2$MKA500:
  const host = process.host.name;
  if (drive === undefined || !isFullUnit(name) || !deviceAnswers(name, drive.device, host)) {
    const isDisk = isFullUnit(name) && process.host.disks.some((d) => d.deviceNames().some((device) => deviceAnswers(name, device, host)));
    if (isDisk) throw new DclFailure([messageLine(MSG.DEVMOUNT)], MSG.DEVMOUNT.status);
    throw new DclFailure([messageLine(MSG.NOSUCHDEV)], MSG.NOSUCHDEV.status);
  }
  return drive;
}

function offline(facility: string): DclFailure {
  return new DclFailure([`%${facility}-F-MEDOFL, medium is offline`], MSG.MEDOFL.status);
}

export const INITIALIZE: CommandDef<DclProcess> = {
  name: 'INITIALIZE',
  minParameters: 2,
  maxParameters: 2,
  qualifiers: [
    { name: 'DENSITY', value: 'required' },
    { name: 'OVERRIDE', value: 'optional' },
    { name: 'PROTECTION', value: 'required' },
    { name: 'ERASE', negatable: true },
  ],
  run(process, command) {
    const drive = driveNamed(process, (command.parameters[0] as { text: string }).text);
    const label = (command.parameters[1] as { text: string }).text;
    if (label.length > 6) throw new DclFailure([`%INIT-F-ILLOPT, illegal option for this device`], 0x00758014);
    if (drive.mount !== null) throw new DclFailure([messageLine(MSG.DEVMOUNT)], MSG.DEVMOUNT.status);
    const tape = drive.loaded();
    if (tape === null || !drive.ready() || process.site.faults.isMediumOffline) throw offline('INIT');
    if (tape.writeProtected) throw new DclFailure(['%INIT-F-WRITLCK, device is write locked'], MSG.WRITLCK.status);
    initialize(tape, label, process.site.now());
    drive.operations += 1;
    return [];
  },
};

export const MOUNT: CommandDef<DclProcess> = {
  name: 'MOUNT',
  minParameters: 1,
  maxParameters: 2,
  qualifiers: [
    { name: 'FOREIGN' },
    { name: 'SYSTEM' },
    { name: 'NOASSIST' },
    { name: 'ASSIST', negatable: true },
    { name: 'OVERRIDE', value: 'optional' },
    { name: 'WRITE', negatable: true },
    { name: 'UNLOAD', negatable: true },
  ],
  run(process, command) {
    const drive = driveNamed(process, (command.parameters[0] as { text: string }).text);
    if (drive.mount !== null) throw new DclFailure([messageLine(MSG.DEVMOUNT)], MSG.DEVMOUNT.status);
    const tape = drive.loaded();
    if (tape === null || !drive.ready() || process.site.faults.isMediumOffline) throw offline('MOUNT');
    const wanted = command.parameters[1]?.text;
    if (!has(command, 'FOREIGN') && wanted !== undefined && tape.volumeLabel !== wanted) {
      throw new DclFailure([`%MOUNT-F-INCVOLLABEL, incorrect volume label`], 0x0072832c);
    }
    drive.mount = { foreign: has(command, 'FOREIGN'), owner: process.username };
    drive.operations += 1;
    return [`%MOUNT-I-MOUNTED, ${tape.volumeLabel ?? ''} mounted on _${drive.device}`];
  },
};

export function dismount(process: DclProcess, command: ParsedCommand): string[] {
  const drive = driveNamed(process, (command.parameters[0] as { text: string }).text);
  if (drive.mount === null) throw new DclFailure([messageLine(MSG.DEVNOTMOUNT)], MSG.DEVNOTMOUNT.status);
  if (command.qualifiers.get('UNLOAD')?.negated === true) {
    drive.mount = null;
    return [];
  }
  // DISMOUNT unloads by default; the loader then loads the next available tape
  drive.loadNext();
  return [];
}

export const DISMOUNT: CommandDef<DclProcess> = {
  name: 'DISMOUNT',
  minParameters: 1,
  maxParameters: 1,
  qualifiers: [{ name: 'UNLOAD', negatable: true }, { name: 'ABORT' }, { name: 'CLUSTER' }],
  run: dismount,
};
