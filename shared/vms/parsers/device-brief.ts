/**
 * The brief SHOW DEVICE table:
 *
 *     Device                  Device           Error    Volume         Free  Trans Mnt
 *      Name                   Status           Count     Label        Blocks Count Cnt
 *     $1$DKA100:      (NODE1) Mounted              0  USERS          5512064    12   3
 *     $2$MKA500:      (NODE1) Mounted alloc        0  WEEK03                     1   1
 *
 * Status may be several words ("Mounted alloc", "Online wrtlck"). The values after the error
 * count are optional (a tape has no free blocks; a device not mounted has none), so they are placed
 * by the column they end in, read from the header; when the columns do not line up they are taken
 * from the right (mount count, transaction count, free blocks) and what is left is the label. A
 * device name too long for its column takes a line of its own; the rest follows, in its columns.
 */
import { blankDevice, type DeviceInfo } from './device-info';
import { toCount } from './entry-table';
import { indentOf, isBlank, wordsOf } from './lines';
import type { ParseContext } from './parse-result';

const HEADER_1 = /^Device\s+Device\s+Error\s+Volume\s+Free\s+Trans\s+Mnt$/i;
const HEADER_2 = /^\s*Name\s+Status\s+Count\s+Label\s+Blocks\s+Count\s+Cnt$/i;
const DEVICE_NAME = /^_?[A-Za-z0-9$_]+:$/;
const NODE = /^\(([^()\s]+)\)$/;
const STATUS_WORD = /^[A-Za-z][A-Za-z-]*$/;

type Word = ReturnType<typeof wordsOf>[number];

interface Columns {
  free: number;
  trans: number;
  mnt: number;
}

export function isBriefHeader(line: string): boolean {
  return HEADER_1.test(line);
}

export function startsWithDeviceName(line: string): boolean {
  return indentOf(line) === 0 && DEVICE_NAME.test(wordsOf(line)[0]?.word ?? '');
}

function columnsOf(header: string): Columns {
  const at = (word: string, fallback: number) => {
    const found = header.search(new RegExp(`\\b${word}\\b`));
    return found < 0 ? fallback : found;
  };
  return { free: at('Free', 65), trans: at('Trans', 71), mnt: at('Mnt', 77) };
}

function applyStatus(device: DeviceInfo, words: string[]): void {
  const lower = words.map((word) => word.toLowerCase());
  device.status = words;
  device.mounted = lower.includes('mounted');
  device.online = device.mounted || lower.includes('online') ? true : lower.includes('offline') ? false : null;
  device.allocated = lower.includes('alloc') || lower.includes('allocated');
  device.writeLocked = lower.includes('wrtlck');
  device.foreign = lower.includes('foreign');
}

/** Label, free blocks, transaction count and mount count from the words after the error count. */
function placeValues(context: ParseContext, index: number, device: DeviceInfo, values: Word[], columns: Columns): void {
  const zones: { label: Word[]; free: Word[]; trans: Word[]; mnt: Word[] } = { label: [], free: [], trans: [], mnt: [] };
  for (const value of values) {
    if (value.end <= columns.free - 1) zones.label.push(value);
    else if (value.end <= columns.trans) zones.free.push(value);
    else if (value.end <= columns.mnt) zones.trans.push(value);
    else zones.mnt.push(value);
  }
  const lined = zones.free.length <= 1 && zones.trans.length <= 1 && zones.mnt.length <= 1;
  let label: Word[] = zones.label;
  let free = zones.free[0];
  let trans = zones.trans[0];
  let mnt = zones.mnt[0];
  if (!lined) {
    // Not in the header's columns: take numbers from the right, the rest is the label.
    const rest = [...values];
    mnt = rest.length > 1 && /^\d+$/.test(rest[rest.length - 1]?.word ?? '') ? rest.pop() : undefined;
    trans = mnt !== undefined && rest.length > 1 && /^\d+$/.test(rest[rest.length - 1]?.word ?? '') ? rest.pop() : undefined;
    free = trans !== undefined && rest.length > 1 && /^\d+$/.test(rest[rest.length - 1]?.word ?? '') ? rest.pop() : undefined;
    label = rest;
  }
  const number = (word: Word | undefined, what: string): number | null => {
    if (word === undefined) return null;
    const value = toCount(word.word);
    if (value === null) context.fail(index, `${what} as a number in its column`);
    return value;
  };
  device.volumeLabel = label.length === 0 ? null : label.map((word) => word.word).join(' ');
  device.freeBlocks = number(free, 'the free blocks');
  device.transactionCount = number(trans, 'the transaction count');
  device.mountCount = number(mnt, 'the mount count');
}

function readRow(context: ParseContext, index: number, columns: Columns): { device: DeviceInfo; next: number } {
  const words = wordsOf(context.line(index));
  const name = words[0]?.word ?? '';
  const nodeMatch = NODE.exec(words[1]?.word ?? '');
  const device = blankDevice(name.toUpperCase(), nodeMatch?.[1]?.toUpperCase() ?? null, 'brief', index);
  let rest = words.slice(nodeMatch === null ? 1 : 2);
  let restIndex = index;
  if (rest.length === 0) {
    const following = context.line(index + 1);
    if (index + 1 >= context.count || isBlank(following) || indentOf(following) === 0) {
      context.fail(index, `the status of ${name} on the next line (its name fills the Device Name column)`);
    }
    restIndex = index + 1;
    rest = wordsOf(following);
  }
  let at = 0;
  const status: string[] = [];
  while (at < rest.length && STATUS_WORD.test(rest[at]?.word ?? '')) status.push(rest[at++]?.word ?? '');
  if (status.length === 0) context.fail(restIndex, 'a device status such as Mounted, Online or Offline');
  applyStatus(device, status);
  const count = rest[at];
  if (count !== undefined) {
    device.errorCount = toCount(count.word);
    if (device.errorCount === null) context.fail(restIndex, 'the error count, a number, after the device status');
    at += 1;
  }
  let values = rest.slice(at);
  // "(remote mount)", "(member of DSA1:)": a remark in the label column.
  const open = values.findIndex((word) => word.word.startsWith('('));
  if (open >= 0) {
    const close = values.findIndex((word, position) => position >= open && word.word.endsWith(')'));
    const last = close < 0 ? values.length - 1 : close;
    device.remark = values
      .slice(open, last + 1)
      .map((word) => word.word)
      .join(' ')
      .replace(/^\(|\)$/g, '');
    values = [...values.slice(0, open), ...values.slice(last + 1)];
  }
  placeValues(context, restIndex, device, values, columns);
  return { device, next: restIndex + 1 };
}

/** Reads the table whose first header line is at `headerIndex`, up to the first line that is not a row. */
export function readBriefTable(context: ParseContext, headerIndex: number): { devices: DeviceInfo[]; next: number } {
  if (!HEADER_2.test(context.line(headerIndex + 1))) {
    context.fail(headerIndex + 1, 'the second header line " Name  Status  Count  Label  Blocks  Count  Cnt"');
  }
  const columns = columnsOf(context.line(headerIndex));
  const devices: DeviceInfo[] = [];
  let index = headerIndex + 2;
  while (index < context.count) {
    const line = context.line(index);
    if (isBlank(line)) {
      let next = index;
      while (next < context.count && isBlank(context.line(next))) next += 1;
      if (next < context.count && startsWithDeviceName(context.line(next))) {
        index = next;
        continue;
      }
      break;
    }
    if (!startsWithDeviceName(line)) break;
    const row = readRow(context, index, columns);
    devices.push(row.device);
    index = row.next;
  }
  return { devices, next: index };
}
