/**
 * One device as SHOW DEVICE describes it, whether from the brief table or from /FULL. The
 * operator's questions: is the disk mounted and how many blocks are free (the backup area before a
 * Bill Run); is the tape drive online, allocated, mounted, and with which volume label; how many
 * errors has it counted.
 */

export type DeviceClass = 'disk' | 'magtape' | 'other';

export interface DeviceInfo {
  /** As printed, with its colon: "$1$DKA100:". */
  name: string;
  /** The node in parentheses after the name: "NODE1". */
  node: string | null;
  display: 'brief' | 'full';
  /** From the /FULL header word (Disk, Magtape); in the brief table, guessed from the device name. */
  deviceClass: DeviceClass;
  /** /FULL: "TZ89", "HSG80". */
  deviceType: string | null;
  /** Brief: the Device Status words ("Mounted", "alloc"); /FULL: the characteristics in the header. */
  status: string[];
  online: boolean | null;
  mounted: boolean;
  allocated: boolean;
  foreign: boolean;
  writeLocked: boolean;
  errorCount: number | null;
  volumeLabel: string | null;
  freeBlocks: number | null;
  totalBlocks: number | null;
  transactionCount: number | null;
  mountCount: number | null;
  /** Brief: a remark in the label column, such as "remote mount" or "member of DSA1:". */
  remark: string | null;
  /** /FULL: every "label  value" pair, as printed (quotes kept). */
  fields: Record<string, string>;
  /** /FULL: the items of the "Volume Status:" paragraph. */
  volumeStatus: string[];
  /** /FULL: lines of the body that are not "label  value" pairs. */
  notes: string[];
  line: number;
}

// The two-letter device type code after any allocation class ($1$) or node (NODE1$) prefix.
const TYPE_CODE = /^_?(?:\$\d+\$|[A-Za-z0-9_]+\$)?([A-Za-z]{2})/;
const DISK_CODES = new Set(['DK', 'DG', 'DU', 'DQ', 'DA', 'DS', 'DR', 'DF', 'DJ', 'DL', 'DM', 'DN', 'DI', 'LD']);
const TAPE_CODES = new Set(['MK', 'MU', 'MT', 'MS', 'MF', 'MG', 'MI']);

export function classFromName(name: string): DeviceClass {
  const code = TYPE_CODE.exec(name)?.[1]?.toUpperCase();
  if (code !== undefined && DISK_CODES.has(code)) return 'disk';
  if (code !== undefined && TAPE_CODES.has(code)) return 'magtape';
  return 'other';
}

export function blankDevice(name: string, node: string | null, display: 'brief' | 'full', index: number): DeviceInfo {
  return {
    name,
    node,
    display,
    deviceClass: classFromName(name),
    deviceType: null,
    status: [],
    online: null,
    mounted: false,
    allocated: false,
    foreign: false,
    writeLocked: false,
    errorCount: null,
    volumeLabel: null,
    freeBlocks: null,
    totalBlocks: null,
    transactionCount: null,
    mountCount: null,
    remark: null,
    fields: {},
    volumeStatus: [],
    notes: [],
    line: index + 1,
  };
}
