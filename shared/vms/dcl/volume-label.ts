/**
 * Volume labels for INITIALIZE, written without quotes.
 *
 * INITIALIZE takes at most 6 characters for a magnetic tape (the ANSI VOL1 volume identifier) and
 * 12 for a disk. ANSI "a" characters other than letters and digits would need quotes on a tape,
 * and VSI recommends letters, digits, `$`, `_` and `-` for disks. The console keeps to:
 * - tape: 1 to 6 of A–Z and 0–9;
 * - disk: 1 to 12 of A–Z, 0–9, `$`, `_` and `-`, not ending in `-` (the label is the last word of
 *   the line, and a final hyphen makes DCL wait for a continuation line).
 */
import { accept, type Checked, describeCharacter, describeInput, firstCharacterNotIn, orThrow, refuse } from './dcl-build-error';

export type VolumeMedium = 'tape' | 'disk';

export const VOLUME_LABEL_MAX_LENGTH: Record<VolumeMedium, number> = { tape: 6, disk: 12 };

export function checkVolumeLabel(label: string, medium: VolumeMedium = 'tape', field = 'label'): Checked<string> {
  const max = VOLUME_LABEL_MAX_LENGTH[medium];
  const syntax = medium === 'tape' ? `a tape label is 1 to ${max} letters and digits` : `a disk label is 1 to ${max} of A-Z, 0-9, $, _ and -`;
  if (typeof label !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(label)}`);
  if (label.length === 0) return refuse('empty', field, `${field} is empty; ${syntax}`);
  const bad = firstCharacterNotIn(label, medium === 'tape' ? /[A-Za-z0-9]/u : /[A-Za-z0-9$_-]/u);
  if (bad !== undefined) {
    return refuse('bad-character', field, `${field} ${describeInput(label)} holds ${describeCharacter(bad)}; ${syntax}`);
  }
  if (/[a-z]/u.test(label)) return refuse('lower-case', field, `${field} ${describeInput(label)} must be written in upper case`);
  if (label.length > max) {
    return refuse('too-long', field, `${field} ${describeInput(label)} is ${label.length} characters long; ${syntax}`);
  }
  if (label.endsWith('-')) {
    return refuse('bad-syntax', field, `${field} ${describeInput(label)} ends with a hyphen, which DCL reads as "continued on the next line"`);
  }
  return accept(label);
}

export function assertVolumeLabel(label: string, medium: VolumeMedium = 'tape', field = 'label'): string {
  return orThrow(checkVolumeLabel(label, medium, field));
}
