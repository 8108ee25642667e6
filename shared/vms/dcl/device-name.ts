/**
 * Device names, always written with their trailing colon.
 *
 * Two forms are accepted:
 * - a physical name `[prefix]ddcu:`: an optional node name (`NODE1$`) or allocation class (`$1$`),
 *   a two-letter device type (`DG`, `MK`), a controller letter (`A`) and a unit number (`15`),
 *   as in `$1$DGA15:`, `MKA500:`, `$2$MKA500:`;
 * - a logical name standing for a device, such as `DISK$DATA_01:` (the rules of ./names).
 * A node name with a double colon (`NODE::`) is refused: the console talks only to the host it is
 * logged in to, and a DECnet node spec can carry a user name and password.
 */
import { accept, type Checked, describeCharacter, describeInput, firstCharacterNotIn, orThrow, refuse } from './dcl-build-error';
import { checkLogicalName } from './names';

export type DeviceKind = 'physical' | 'logical';

export interface DeviceName {
  /** The name as it is written in a command, with its colon. */
  name: string;
  kind: DeviceKind;
  /** For a physical name, its two-letter device type (`MK`, `DG`, ...). */
  deviceType?: string;
}

const PHYSICAL = /^(?:\$(?<allocationClass>[1-9]\d{0,2})\$|(?<node>[A-Z0-9_]{1,6})\$)?(?<type>[A-Z]{2})(?<controller>[A-Z])(?<unit>\d{1,5})$/u;

const SYNTAX = 'a device is written like $1$DGA3:, MKA500: or DISK$DATA_01: (with its colon)';

export function checkDeviceName(device: string, field = 'device'): Checked<DeviceName> {
  if (typeof device !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(device)}`);
  if (device.length === 0) return refuse('empty', field, `${field} is empty; ${SYNTAX}`);
  const bad = firstCharacterNotIn(device, /[A-Za-z0-9$_:]/u);
  if (bad !== undefined) {
    return refuse('bad-character', field, `${field} ${describeInput(device)} holds ${describeCharacter(bad)}; ${SYNTAX}`);
  }
  if (/[a-z]/u.test(device)) return refuse('lower-case', field, `${field} ${describeInput(device)} must be written in upper case`);
  if (device.includes('::')) {
    return refuse('bad-syntax', field, `${field} ${describeInput(device)} names another node (::); the console works only on the host it is logged in to`);
  }
  if (!device.endsWith(':') || device.indexOf(':') !== device.length - 1) {
    return refuse('bad-syntax', field, `${field} ${describeInput(device)} must end with its one colon; ${SYNTAX}`);
  }
  const body = device.slice(0, -1);
  const physical = PHYSICAL.exec(body);
  if (physical?.groups !== undefined) {
    const allocationClass = physical.groups['allocationClass'];
    if (allocationClass !== undefined && Number(allocationClass) > 255) {
      return refuse('out-of-range', field, `${field} ${describeInput(device)} has allocation class ${allocationClass}; it is 1 to 255`);
    }
    return accept({ name: device, kind: 'physical', deviceType: physical.groups['type'] ?? '' });
  }
  const logical = checkLogicalName(body, field);
  if (!logical.ok) return refuse(logical.problem.code, field, `${logical.problem.message}; ${SYNTAX}`);
  return accept({ name: device, kind: 'logical' });
}

export function assertDeviceName(device: string, field = 'device'): DeviceName {
  return orThrow(checkDeviceName(device, field));
}

/**
 * A device for a command that only makes sense on a tape drive (INITIALIZE, MOUNT/FOREIGN,
 * DISMOUNT/UNLOAD). A physical name whose type is not a tape type (tape types start with M: MK,
 * MU, MT, ...) is refused, so that a slip cannot initialise or dismount a disk. A logical name
 * cannot be checked here and is accepted.
 */
export function checkTapeDevice(device: string, field = 'device'): Checked<DeviceName> {
  const checked = checkDeviceName(device, field);
  if (!checked.ok) return checked;
  const type = checked.value.deviceType;
  if (checked.value.kind === 'physical' && type !== undefined && !type.startsWith('M')) {
    return refuse('not-a-tape-drive', field, `${field} ${describeInput(device)} is a ${type} device, not a tape drive; this command is for tape drives only`);
  }
  return checked;
}

export function assertTapeDevice(device: string, field = 'device'): DeviceName {
  return orThrow(checkTapeDevice(device, field));
}
