/**
 * A few OpenVMS messages the console meets, known by their text.
 *
 * After SET MESSAGE/NOFACILITY/NOSEVERITY/NOIDENTIFICATION a host prints only the text of a
 * message ("no such entry"), or a partial prefix ("%SYSTEM-NOSUCHDEV, ..."). The catalogue lets
 * the grammar in messages.ts recognise such a line as a message and fill in the parts that were
 * turned off, so that "the host said no" is still read as an answer and its severity still counts.
 * It is not a list of every message: only those a console command can meet as its whole answer,
 * and those the backup plan's troubleshooting section names.
 */
import type { Severity } from './messages';

export interface KnownMessage {
  facility: string;
  severity: Severity;
  ident: string;
  /** The message text, case-insensitive; FAO arguments (names, times) are wildcards. */
  text: RegExp;
}

export const KNOWN_MESSAGES: readonly KnownMessage[] = [
  // Queue manager answers to SHOW QUEUE, SHOW ENTRY and SUBMIT.
  { facility: 'JBC', severity: 'E', ident: 'NOSUCHENT', text: /^no such entry$/i },
  { facility: 'JBC', severity: 'E', ident: 'NOSUCHQUE', text: /^no such queue$/i },
  { facility: 'JBC', severity: 'E', ident: 'NOSUCHJOB', text: /^no such job$/i },
  { facility: 'JBC', severity: 'E', ident: 'NOQUEMAN', text: /^queue manager not running$/i },
  { facility: 'SUBMIT', severity: 'F', ident: 'CREJOB', text: /^error creating job$/i },
  // SHOW DEVICE.
  { facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHDEV', text: /^no such device available$/i },
  { facility: 'SYSTEM', severity: 'F', ident: 'IVDEVNAM', text: /^invalid device name$/i },
  // SHOW LOGICAL.
  { facility: 'SHOW', severity: 'S', ident: 'NOTRAN', text: /^no translation for logical name \S+$/i },
  // DIRECTORY.
  { facility: 'DIRECT', severity: 'W', ident: 'NOFILES', text: /^no files found$/i },
  { facility: 'RMS', severity: 'E', ident: 'DNF', text: /^directory not found$/i },
  { facility: 'RMS', severity: 'E', ident: 'FNF', text: /^file not found$/i },
  { facility: 'SYSTEM', severity: 'W', ident: 'NOSUCHFILE', text: /^no such file$/i },
  // Anything: privileges and typing.
  { facility: 'SYSTEM', severity: 'F', ident: 'NOPRIV', text: /^insufficient privilege or object protection violation$/i },
  { facility: 'DCL', severity: 'W', ident: 'IVVERB', text: /^unrecognized command verb - check validity and spelling$/i },
  // The plan's troubleshooting section: "File Was Open" and "Error Writing to Disk".
  { facility: 'BACKUP', severity: 'W', ident: 'ACCONFLICT', text: /^\S+ is open for write by another user$/i },
  { facility: 'RMU', severity: 'F', ident: 'WRITEERR', text: /^error writing \S+$/i },
  { facility: 'RMS', severity: 'F', ident: 'FUL', text: /^device full \(insufficient space for allocation\)$/i },
  { facility: 'RMU', severity: 'F', ident: 'FATALERR', text: /^fatal error on \S+$/i },
  { facility: 'RMU', severity: 'F', ident: 'FTL_BCK', text: /^fatal error for backup operation at .+$/i },
];

/** The catalogue entries a partly shown message can be, given what the host did show. */
export function knownCandidates(shown: { facility: string | null; severity: Severity | null; ident: string | null; text: string | null }): KnownMessage[] {
  return KNOWN_MESSAGES.filter(
    (known) =>
      (shown.facility === null || shown.facility === known.facility) &&
      (shown.severity === null || shown.severity === known.severity) &&
      (shown.ident === null || shown.ident === known.ident) &&
      (shown.text === null || known.text.test(shown.text)),
  );
}

export function isKnownIdent(part: string): boolean {
  return KNOWN_MESSAGES.some((known) => known.ident === part);
}

export function isKnownFacility(part: string): boolean {
  return KNOWN_MESSAGES.some((known) => known.facility === part);
}
