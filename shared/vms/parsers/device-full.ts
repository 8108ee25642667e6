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
 * The header paragraph lists the characteristics (online, allocated, mounted ...), wrapped at 80
 * columns; VMS may break a hyphenated word after its hyphen ("record-" / "oriented device"), and
 * such a word is joined again without a blank. The body is "label  value" pairs, two to a line,
 * separated by runs of two or more blanks; a value may be quoted. A body line that does not split
 * into labels and values is a warning naming the line, never a field with no value; a sentence
 * at the paragraph's indent ("  Volume is also mounted on NODE2.") is a note.
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

/** Joins a wrapped line to what came before: without a blank after a hyphen that broke a word. */
function joinWrapped(text: string, next: string): string {
  const part = next.trim();
  if (/[A-Za-z]-$/.test(text) && /^[a-z]/.test(part)) return `${text}${part}`;
  return text === '' ? part : `${text} ${part}`;
}

/**
 * The "label  value" items of one body line: runs of two or more blanks separate them, and they
 * come in pairs. Null when the line does not split so.
 */
function splitPairs(line: string): [string, string][] | null {
  const parts = line.trim().split(/\s{2,}/);
  if (parts.length < 2 || parts.length % 2 !== 0) return null;
  const pairs: [string, string][] = [];
  for (let i = 0; i < parts.length; i += 2) pairs.push([parts[i] as string, parts[i + 1] as string]);
  // a label is words; a value is one word (a number, a quoted string, a UIC, a protection)
  if (pairs.some(([label, value]) => !/^[A-Za-z]/.test(label) || /\s/.test(value.replace(/"[^"]*"/g, '""')))) return null;
  return pairs;
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
    description = joinWrapped(description, context.line(at));
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
        text = joinWrapped(text, context.line(at));
        at += 1;
      }
      device.volumeStatus.push(...listItems(text));
      continue;
    }
    const pairs = splitPairs(line);
    if (pairs !== null) {
      for (const [label, value] of pairs) fields.set(label, { value, index: at });
    } else if (indentOf(line) <= 2 && /[.:]$/.test(line.trim())) {
      device.notes.push(line.trim());
    } else {
      context.warn(at, 'a body line of "label  value" pairs (two or more blanks between each), such as "Free blocks  113740292    Mount count  1"');
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
