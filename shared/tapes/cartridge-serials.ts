/**
 * Cartridge serials for the barcode labels a tape library or a hand scanner reads: six capital
 * letters and digits counted up from the profile's first serial (MF0001, MF0002 ...), then the
 * media ID (D for DLTtape IV) and, when the site asks for it, Code 39's Mod 43 check character.
 * Six characters because an OpenVMS volume label is at most six: the serial is also the label
 * INITIALIZE writes on the tape, so the barcode and the volume agree.
 */
import { counted } from '../plural';
import type { SiteLabelSettings } from '../site/schema';

/** Code 39's characters in the order of their Mod 43 values (0 to 42). */
export const CODE39_CHARACTERS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';
/** More labels than this at once is almost certainly a typing slip in the range. */
export const MAX_SERIALS_AT_ONCE = 500;
export const SERIAL_LENGTH = 6;

export type SerialsResult = { ok: true; serials: string[] } | { ok: false; problem: string };

export interface CartridgeLabel {
  serial: string;
  mediaId: string;
  /** The Mod 43 check character, when the settings ask for one. */
  checkCharacter?: string;
  /** What the Code 39 barcode carries: serial, media ID, check character. */
  barcodeText: string;
}

interface SerialParts {
  prefix: string;
  number: number;
  width: number;
}

/** Why the text is no serial, or null when it is one. */
export function serialProblem(serial: string): string | null {
  if (serial.includes('*')) return `"${serial}": * is Code 39's start and stop character and cannot be in a serial.`;
  const outside = [...serial].filter((c) => !/[A-Z0-9]/.test(c));
  if (outside.length > 0) {
    const lower = outside.some((c) => /[a-z]/.test(c));
    const which = [...new Set(outside)].map((c) => `"${c}"`).join(', ');
    return `"${serial}" holds ${which}: a serial is capital letters A-Z and digits 0-9 only${lower ? ' (no lower case)' : ''}, as Code 39 and an OpenVMS volume label both take them.`;
  }
  if (serial.length !== SERIAL_LENGTH) return `"${serial}" has ${serial.length} characters: a serial has ${SERIAL_LENGTH}, the most an OpenVMS volume label holds.`;
  if (!/\d$/.test(serial)) return `"${serial}" does not end in a number to count up, as MF0001 does.`;
  return null;
}

function partsOf(serial: string): SerialParts {
  const match = /^(.*?)(\d+)$/.exec(serial);
  const [, prefix, digits] = match ?? [];
  if (prefix === undefined || digits === undefined) throw new RangeError(`"${serial}" ends in no number`);
  return { prefix, number: Number(digits), width: digits.length };
}

function serialOf(parts: SerialParts, number: number): string {
  return `${parts.prefix}${String(number).padStart(parts.width, '0')}`;
}

/** `count` serials from `first` on. */
export function cartridgeSerials(first: string, count: number): SerialsResult {
  const problem = serialProblem(first);
  if (problem !== null) return { ok: false, problem };
  if (!Number.isInteger(count) || count < 1) return { ok: false, problem: `Give at least one label to print, not ${count}.` };
  if (count > MAX_SERIALS_AT_ONCE) {
    return { ok: false, problem: `${count} labels is more than ${MAX_SERIALS_AT_ONCE} at once; print the range in parts.` };
  }
  const parts = partsOf(first);
  const lastNumber = parts.number + count - 1;
  if (String(lastNumber).length > parts.width) {
    const top = serialOf(parts, 10 ** parts.width - 1);
    return {
      ok: false,
      problem: `${counted(count, 'serial')} from ${first} would run past ${top}: the number after "${parts.prefix}" has ${parts.width} digits. Start a new prefix for the next cartridges.`,
    };
  }
  return { ok: true, serials: Array.from({ length: count }, (_, index) => serialOf(parts, parts.number + index)) };
}

/** Every serial from `first` to `last`, both included. */
export function cartridgeSerialRange(first: string, last: string): SerialsResult {
  const problem = serialProblem(first) ?? serialProblem(last);
  if (problem !== null) return { ok: false, problem };
  const from = partsOf(first);
  const to = partsOf(last);
  if (from.prefix !== to.prefix || from.width !== to.width) {
    return { ok: false, problem: `${first} and ${last} are not of one series: the letters before the number and its width must be the same.` };
  }
  if (to.number < from.number) return { ok: false, problem: `${last} comes before ${first}: give the lower serial first.` };
  return cartridgeSerials(first, to.number - from.number + 1);
}

/** Code 39's Mod 43 check character: the sum of the characters' values, modulo 43. */
export function code39CheckCharacter(text: string): string {
  let sum = 0;
  for (const character of text) {
    const value = CODE39_CHARACTERS.indexOf(character);
    if (value < 0) throw new RangeError(`"${character}" is not a Code 39 character`);
    sum += value;
  }
  return CODE39_CHARACTERS.charAt(sum % 43);
}

export function cartridgeLabel(serial: string, settings: SiteLabelSettings['cartridge']): CartridgeLabel {
  const problem = serialProblem(serial);
  if (problem !== null) throw new RangeError(problem);
  const text = `${serial}${settings.mediaId}`;
  if (!settings.checkCharacter) return { serial, mediaId: settings.mediaId, barcodeText: text };
  const checkCharacter = code39CheckCharacter(text);
  return { serial, mediaId: settings.mediaId, checkCharacter, barcodeText: `${text}${checkCharacter}` };
}

/** The labels of a range of serials with the site's media ID and check character setting. */
export function cartridgeLabels(
  first: string,
  last: string,
  settings: SiteLabelSettings['cartridge'],
): { ok: true; labels: CartridgeLabel[] } | { ok: false; problem: string } {
  const range = cartridgeSerialRange(first, last);
  if (!range.ok) return range;
  return { ok: true, labels: range.serials.map((serial) => cartridgeLabel(serial, settings)) };
}
