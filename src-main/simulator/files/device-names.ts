/**
 * How a device name typed at DCL picks devices. A device with an allocation class is named by it
 * (`$2$MKA500:`); a full unit name without the class (`MKA500:`) names no device on such a host,
 * as on OpenVMS, where it is `%SYSTEM-W-NOSUCHDEV`. A generic name, one without a unit number
 * (`MK`, `DGA`, `$1$DGA`), picks every device whose name starts with it, as SHOW DEVICE does.
 * A node prefix (`BLT4$`) names a device of that node that has no allocation class.
 */

export interface DeviceName {
  /** `$2$` or ''. */
  allocationClass: string;
  /** `BLT4` (from `BLT4$DKA100`) or ''. */
  node: string;
  /** The controller and unit: `MKA500`, `DGA`. */
  unit: string;
}

export function splitDeviceName(text: string): DeviceName {
  const bare = text.trim().toUpperCase().replace(/^_/, '').replace(/:$/, '');
  const klass = /^(\$\d+\$)(.*)$/.exec(bare);
  if (klass !== null) return { allocationClass: klass[1] as string, node: '', unit: klass[2] as string };
  const node = /^([A-Z0-9_]+)\$(.+)$/.exec(bare);
  if (node !== null) return { allocationClass: '', node: node[1] as string, unit: node[2] as string };
  return { allocationClass: '', node: '', unit: bare };
}

/** Whether `given` ends in a unit number: a full device name rather than a generic one. */
export function isFullUnit(given: string): boolean {
  return /\d$/.test(splitDeviceName(given).unit);
}

/** Does the device `device` (as the host names it) answer to the name typed, on host `host`? */
export function deviceAnswers(given: string, device: string, host: string): boolean {
  const want = splitDeviceName(given);
  const have = splitDeviceName(device);
  if (want.unit === '' && want.allocationClass === '') return false;
  const full = /\d$/.test(want.unit);
  if (want.allocationClass !== '') {
    if (want.allocationClass !== have.allocationClass) return false;
    return full ? have.unit === want.unit : have.unit.startsWith(want.unit);
  }
  if (want.node !== '' && want.node !== host && want.node !== have.node) return false;
  if (full) return have.allocationClass === '' && have.unit === want.unit;
  return have.unit.startsWith(want.unit);
}
