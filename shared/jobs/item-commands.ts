/**
 * Which item of a job a verified command line of its log works on: `$ RMU/BACKUP ...` of a
 * database, `$ BACKUP ...` of a device, a file area or to a saveset. Read from the command's own
 * parameters (BACKUP's input list and output saveset, RMU's root file), as the procedure wrote
 * them, so that it holds for any profile's jobs.
 */
import type { JobItem } from './job-items';

export interface FileSpec {
  /** Device or logical name, without the colon ("DISK$X", "$2$MKA500", a file area's logical). */
  device: string | null;
  directory: string | null;
  /** "NAME.TYPE" without the version; empty when the spec is only a device or directory. */
  file: string;
}

export interface BackupCommand {
  tool: 'RMU' | 'BACKUP';
  /** BACKUP's input list (RMU: the root file first). */
  inputs: FileSpec[];
  /** The last parameter: BACKUP's saveset, RMU's backup file. */
  output: FileSpec | null;
}

/** Words of a command line, a quoted string kept whole (`/BEFORE="3-AUG-2010 11:34"`). */
function words(text: string): string[] {
  return text.match(/(?:"[^"]*"|[^\s"])+/g) ?? [];
}

function withoutQualifiers(word: string): string {
  // a qualifier's value may hold a slash only inside parentheses or quotes
  let depth = 0;
  let quoted = false;
  for (let index = 0; index < word.length; index += 1) {
    const c = word[index];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth += 1;
    else if (!quoted && c === ')') depth -= 1;
    else if (!quoted && depth === 0 && c === '/') return word.slice(0, index);
  }
  return word;
}

export function readFileSpec(text: string): FileSpec {
  const spec = withoutQualifiers(text.trim());
  const colon = spec.lastIndexOf(':', spec.includes('[') ? spec.indexOf('[') : spec.length);
  const device = colon > 0 ? spec.slice(0, colon).toUpperCase() : null;
  const rest = colon >= 0 ? spec.slice(colon + 1) : spec;
  const directory = /^\[([^\]]*)\]/.exec(rest)?.[1]?.toUpperCase() ?? null;
  const file = rest
    .replace(/^\[[^\]]*\]/, '')
    .replace(/;.*$/, '')
    .toUpperCase();
  return { device, directory, file };
}

/** The RMU/BACKUP or BACKUP a verified command line is, or null for any other command. */
export function readBackupCommand(text: string): BackupCommand | null {
  // "$ LABEL: BACKUP ..." -- a label may precede the verb
  const body = text.replace(/^\s*\$+\s*/, '').replace(/^[A-Za-z0-9$_]+:(?!\S)\s*/, '');
  const [first, ...others] = words(body);
  if (first === undefined) return null;
  const [verb = '', ...qualifiers] = first.split('/');
  const parameters = others.filter((word) => !word.startsWith('/')).map(withoutQualifiers);
  const allQualifiers = [...qualifiers, ...others.filter((word) => word.startsWith('/')).map((word) => word.slice(1))];
  let tool: BackupCommand['tool'];
  // DCL takes a verb or qualifier cut to its first four letters
  if (/^BACK(U|UP)?$/i.test(verb)) tool = 'BACKUP';
  else if (/^RMU$/i.test(verb) && allQualifiers.some((q) => /^BACK(U|UP)?$/i.test(q.replace(/=.*$/, '')))) tool = 'RMU';
  else return null;
  const last = parameters.at(-1);
  const inputs = parameters.length > 1 ? (parameters[0] ?? '').split(',').filter((part) => part !== '') : [];
  return { tool, inputs: inputs.map(readFileSpec), output: last === undefined ? null : readFileSpec(last) };
}

/** A name as OpenVMS would write it in a file or directory name: `$` may stand as `_`. */
function sameName(written: string | null, name: string): boolean {
  if (written === null || written === '') return false;
  const upper = name.toUpperCase();
  return written === upper || written === upper.replace(/\$/g, '_');
}

function baseName(file: string): string {
  return file.replace(/\..*$/, '');
}

/** The item a command works on, or null when it is none of them. */
export function itemOfCommand(items: readonly JobItem[], text: string): JobItem | null {
  const command = readBackupCommand(text);
  if (command === null) return null;
  if (command.tool === 'RMU') {
    // the root file (or its directory) is named for the database
    const specs = [...command.inputs, ...(command.output === null ? [] : [command.output])];
    return items.find((one) => one.kind === 'database' && specs.some((spec) => sameName(baseName(spec.file), one.name) || sameName(spec.directory, one.name))) ?? null;
  }
  const output = command.output?.file ?? '';
  const bySaveset = items.find((one) => one.saveset !== null && one.saveset.toUpperCase() === output);
  if (bySaveset !== undefined) return bySaveset;
  const devices = command.inputs.map((spec) => spec.device);
  const byArea = items.find((one) => one.kind === 'file-area' && one.fileAreas.some((area) => devices.includes(area.toUpperCase())));
  if (byArea !== undefined) return byArea;
  return items.find((one) => one.kind === 'device' && devices.some((device) => device === `DISK$${one.name.toUpperCase()}` || device === one.name.toUpperCase())) ?? null;
}
