/**
 * Commands on devices: SHOW DEVICE, and the tape drive's INITIALIZE, MOUNT/FOREIGN and
 * DISMOUNT/UNLOAD.
 *
 * The three tape commands refuse a physical name that is not a tape drive (./device-name), so a
 * slip cannot initialise or dismount a disk. INITIALIZE takes a tape label (1 to 6 letters and
 * digits): the console only ever initialises tapes.
 */
import { assembleCommand, type DclCommand, type QualifierToken } from './command-line';
import { trusted, type DclText } from './dcl-text';
import { assertDeviceName, assertTapeDevice } from './device-name';
import { assertVolumeLabel } from './volume-label';

export interface ShowDeviceOptions {
  /** One device; every device when absent. */
  device?: string;
  full?: boolean;
}

export function showDevice(options: ShowDeviceOptions = {}): DclCommand {
  const qualifiers: QualifierToken<'SHOW DEVICE'>[] = options.full === true ? [{ name: 'FULL' }] : [];
  const parameters: DclText[] = options.device === undefined ? [] : [trusted(assertDeviceName(options.device, 'device').name)];
  return assembleCommand({ verb: 'SHOW DEVICE', qualifiers, parameters });
}

export interface InitializeOptions {
  /** The tape drive. */
  device: string;
  /** The tape's volume label. */
  label: string;
}

export function initialize(options: InitializeOptions): DclCommand {
  const device = trusted(assertTapeDevice(options.device, 'device').name);
  const label = trusted(assertVolumeLabel(options.label, 'tape', 'label'));
  return assembleCommand({ verb: 'INITIALIZE', parameters: [device, label] });
}

export function mountForeign(device: string): DclCommand {
  return assembleCommand({
    verb: 'MOUNT',
    qualifiers: [{ name: 'FOREIGN' }],
    parameters: [trusted(assertTapeDevice(device, 'device').name)],
  });
}

export function dismountUnload(device: string): DclCommand {
  return assembleCommand({
    verb: 'DISMOUNT',
    qualifiers: [{ name: 'UNLOAD' }],
    parameters: [trusted(assertTapeDevice(device, 'device').name)],
  });
}
