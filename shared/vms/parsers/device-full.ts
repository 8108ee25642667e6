/**
 * SHOW DEVICE/FULL for one device:
 *
 *     Magtape $2$MKA500: (NODE1), device type TZ89, is online, allocated, record-oriented
 *         device, file-oriented device, mounted, available to cluster, error logging is
 *         enabled, controller supports compaction (compaction enabled).
 *
 *         Error count                    0    Operations completed                 5823
 *         ...
 *         Volume label            "WEEK03"    Relative volume number                0
 *
 *       Volume status:  no-unload on dismount, beginning-of-tape, odd parity.
 *
 * The header paragraph lists the characteristics (online, allocated, mounted ...). The body is
 * "label  value" pairs, two to a line, separated by runs of blanks; a value may be quoted.
 */
import { blankDevice, type DeviceClass, type DeviceInfo } from './device-info';
import { toCount } from './entry-table';
import { indentOf, isBlank } from './lines';
import type { ParseContext } from './parse-result';

const HEADER = /^([A-Za-z][A-Za-z ]*?)\s+(_?[A-Za-z0-9$_]+:)(?:\s+\(([^()\s]*)\))?,\s+device type\s+([^,]*),\s*(.*)$/;
const VOLUME_STATUS = /^\s*Volume status:\s*(.*)$/i;

export function isFullHeader(line: string): boolean {
  return indentOf(line) === 0 && HEADER.test(line);
}

/** The header's first word names the class: Disk, Magtape, Terminal, Mailbox ... */
function classFromWord(word: string): DeviceClass {
  if (/^disk$/i.test(word)) return 'disk';
  if (/^magtape$/i.test(word)) return 'magtape';
  return 'other';
}

function listItems(text: string): string[] {
  return text
    .replace(/\.$/, '')
    .split(',')
    .map((item) => item.trim().replace(/\s+/g, ' '))
    .filter((item) => item !== '');
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function applyCharacteristics(device: DeviceInfo, items: string[]): void {
  const lower = items.map((item) => item.toLowerCase());
  device.status = items;
  device.online = lower.includes('is online') ? true : lower.includes('is offline') ? false : null;
  device.mounted = lower.some((item) => /^mounted\b/.test(item));
  device.allocated = lower.some((item) => /^allocated\b/.test(item));
  device.foreign = lower.some((item) => item.includes('foreign'));
  device.writeLocked = lower.some((item) => /write[- ]locked/.test(item));
}

/** The numeric fields the operator checks: present but not a number is unreadable, not null. */
const COUNT_FIELDS: readonly [string, 'errorCount' | 'totalBlocks' | 'freeBlocks' | 'transactionCount' | 'mountCount'][] = [
  ['Error count', 'errorCount'],
  ['Total blocks', 'totalBlocks'],
  ['Free blocks', 'freeBlocks'],
  ['Transaction count', 'transactionCount'],
  ['Mount count', 'mountCount'],
];

/** Reads the device whose header is on line `index`, up to the next line at the left margin. */
export function readFullDevice(context: ParseContext, index: number): { device: DeviceInfo; next: number } {
  const match = HEADER.exec(context.line(index));
  if (match === null) return context.fail(index, 'a device line such as "Disk $1$DKA100: (NODE1), device type HSG80, is online, ..."');
  const device = blankDevice((match[2] ?? '').toUpperCase(), match[3] === undefined ? null : match[3].toUpperCase(), 'full', index);
  device.deviceClass = classFromWord(match[1] ?? '');
  device.deviceType = (match[4] ?? '').trim() || null;
  let description = match[5] ?? '';
  let at = index + 1;
  while (at < context.count && !isBlank(context.line(at)) && indentOf(context.line(at)) > 0) {
    description += ` ${context.line(at).trim()}`;
    at += 1;
  }
  applyCharacteristics(device, listItems(description));
  const fields = new Map<string, { value: string; index: number }>();
  while (at < context.count) {
    const line = context.line(at);
    if (isBlank(line)) {
      at += 1;
      continue;
    }
    if (indentOf(line) === 0) break;
    const status = VOLUME_STATUS.exec(line);
    if (status !== null) {
      let text = status[1] ?? '';
      const statusIndent = indentOf(line);
      at += 1;
      while (at < context.count && !isBlank(context.line(at)) && indentOf(context.line(at)) > statusIndent + 2) {
        text += ` ${context.line(at).trim()}`;
        at += 1;
      }
      device.volumeStatus.push(...listItems(text));
      continue;
    }
    const parts = line.trim().split(/\s{2,}/);
    if (parts.length < 2) {
      device.notes.push(line.trim());
    } else {
      for (let part = 0; part < parts.length; part += 2) fields.set(parts[part] ?? '', { value: parts[part + 1] ?? '', index: at });
    }
    at += 1;
  }
  device.fields = Object.fromEntries([...fields].map(([label, field]) => [label, field.value]));
  for (const [label, key] of COUNT_FIELDS) {
    const field = fields.get(label);
    if (field === undefined) continue;
    const value = toCount(field.value);
    if (value === null) context.fail(field.index, `a number after "${label}"`);
    device[key] = value;
  }
  const label = fields.get('Volume label');
  if (label !== undefined) device.volumeLabel = unquote(label.value);
  return { device, next: at };
}
