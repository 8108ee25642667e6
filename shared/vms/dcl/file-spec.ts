/**
 * File and directory specifications, written without quotes: `device:[dir.dir]name.type;version`.
 *
 * Accepted: a device or logical name with its colon (./device-name), a directory in square
 * brackets (relative `[.SUB]` and parent `[-]` forms included), a name and type of up to 39
 * characters each (ODS-2) of A–Z, 0–9, `$`, `_` and `-`, and a version of 0 to 32767.
 * Refused: node names (`NODE::`), angle-bracket directories, quoted names, lower case, anything
 * else that DCL would read as a separator (space, `/`, `,`, `+`, ...), a spec ending in a hyphen
 * (DCL would wait for a continuation line), and wildcards (`*`, `%`, `...`) unless the command
 * takes them (DIRECTORY does; SUBMIT and TYPE are given exactly one file).
 */
import { accept, type Checked, describeCharacter, describeInput, firstCharacterNotIn, orThrow, refuse } from './dcl-build-error';
import { checkDeviceName } from './device-name';

export const FILE_SPEC_MAX_LENGTH = 255;
const FIELD_MAX_LENGTH = 39;
const VERSION_MAX = 32767;

export interface FileSpecOptions {
  /** Allow `*` and `%` in the directory, name, type and version, and `...` in the directory. */
  wildcards?: boolean;
  /** Accept a spec with no file name (a directory, as for SUBMIT /LOG_FILE). */
  nameOptional?: boolean;
}

interface Parts {
  device: string | undefined;
  directory: string | undefined;
  rest: string;
}

const FILE_SYNTAX = 'a file is written like DISK$USER:[DIR.SUB]NAME.TYPE;1 or SYS$LOGIN:NAME.COM';
const DIRECTORY_SYNTAX = 'a directory is written like DISK$USER:[DIR.SUB] or USER_ROOT:';

export function checkFileSpec(spec: string, field = 'file', options: FileSpecOptions = {}): Checked<string> {
  const wildcards = options.wildcards === true;
  const split = splitSpec(spec, field, wildcards, FILE_SYNTAX);
  if (!split.ok) return split;
  const { rest } = split.value;
  const match = /^(?<name>[^.;]*)(?:\.(?<type>[^.;]*))?(?:;(?<version>[^.;]*))?$/u.exec(rest);
  if (match?.groups === undefined) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has more than one dot or semicolon after the directory; ${FILE_SYNTAX}`);
  }
  const name = match.groups['name'] ?? '';
  const type = match.groups['type'];
  const version = match.groups['version'];
  if (name === '' && options.nameOptional !== true) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} names no file; ${FILE_SYNTAX}`);
  }
  if (name === '' && (type !== undefined || version !== undefined)) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has a type or version but no file name; ${FILE_SYNTAX}`);
  }
  for (const [part, value] of [
    ['file name', name],
    ['file type', type ?? ''],
  ] as const) {
    const checked = checkField(value, part, field, spec, wildcards);
    if (!checked.ok) return checked;
  }
  if (version !== undefined && version !== '') {
    if (version === '*') {
      if (!wildcards) return wildcardRefused(field, spec);
    } else if (!/^\d{1,5}$/u.test(version) || Number(version) > VERSION_MAX) {
      return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has version ${describeInput(version)}; a version is 0 to ${VERSION_MAX}`);
    }
  }
  return accept(spec);
}

export function checkDirectorySpec(spec: string, field = 'directory'): Checked<string> {
  const split = splitSpec(spec, field, false, DIRECTORY_SYNTAX);
  if (!split.ok) return split;
  const { device, directory, rest } = split.value;
  if (rest !== '') {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has a file name after the directory; ${DIRECTORY_SYNTAX}`);
  }
  if (device === undefined && directory === undefined) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} is neither a device nor a directory; ${DIRECTORY_SYNTAX}`);
  }
  return accept(spec);
}

export function assertFileSpec(spec: string, field = 'file', options: FileSpecOptions = {}): string {
  return orThrow(checkFileSpec(spec, field, options));
}

export function assertDirectorySpec(spec: string, field = 'directory'): string {
  return orThrow(checkDirectorySpec(spec, field));
}

/** The checks common to files and directories, and the split into device, directory and rest. */
function splitSpec(spec: string, field: string, wildcards: boolean, syntax: string): Checked<Parts> {
  if (typeof spec !== 'string') return refuse('wrong-type', field, `${field} must be text, not ${describeInput(spec)}`);
  if (spec.length === 0) return refuse('empty', field, `${field} is empty; ${syntax}`);
  const bad = firstCharacterNotIn(spec, /[A-Za-z0-9$_\-.:;[\]*%]/u);
  if (bad !== undefined) {
    return refuse('bad-character', field, `${field} ${describeInput(spec)} holds ${describeCharacter(bad)}; ${syntax}`);
  }
  if (/[a-z]/u.test(spec)) return refuse('lower-case', field, `${field} ${describeInput(spec)} must be written in upper case`);
  if (spec.length > FILE_SPEC_MAX_LENGTH) {
    return refuse('too-long', field, `${field} is ${spec.length} characters long; a file specification is at most ${FILE_SPEC_MAX_LENGTH}`);
  }
  if (spec.endsWith('-')) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} ends with a hyphen, which DCL reads as "continued on the next line"`);
  }
  if (spec.includes('::')) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} names another node (::); the console works only on the host it is logged in to`);
  }
  if (!wildcards && /[*%]/u.test(spec)) return wildcardRefused(field, spec);

  let rest = spec;
  let device: string | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    device = rest.slice(0, colon + 1);
    const checked = checkDeviceName(device, field);
    if (!checked.ok) return refuse(checked.problem.code, field, checked.problem.message);
    rest = rest.slice(colon + 1);
  }
  let directory: string | undefined;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return refuse('bad-syntax', field, `${field} ${describeInput(spec)} opens a directory with [ and does not close it`);
    directory = rest.slice(1, close);
    const checked = checkDirectoryBody(directory, field, spec, wildcards);
    if (!checked.ok) return checked;
    rest = rest.slice(close + 1);
  }
  if (/[[\]:]/u.test(rest)) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has a device or directory in the wrong place; ${syntax}`);
  }
  return accept({ device, directory, rest });
}

/** The inside of `[...]`: names separated by dots, optionally relative (`.SUB`) or going up (`-`). */
function checkDirectoryBody(body: string, field: string, spec: string, wildcards: boolean): Checked<string> {
  if (body.includes('...') && !wildcards) return wildcardRefused(field, spec);
  const names = body.split('.').filter((name) => name !== '');
  for (const name of names) {
    const checked = checkField(name, 'directory name', field, spec, wildcards);
    if (!checked.ok) return checked;
  }
  // `...` (this directory and all below it) may open, join or close the list when wildcards are allowed.
  const shape = wildcards ? /^(?:\.\.\.|(?:\.\.\.|\.)?[^.]+(?:(?:\.\.\.|\.)[^.]+)*(?:\.\.\.)?)$/u : /^\.?[^.]+(?:\.[^.]+)*$/u;
  if (!shape.test(body)) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has a malformed directory [${body}]: names are separated by single dots`);
  }
  return accept(body);
}

function checkField(value: string, part: string, field: string, spec: string, wildcards: boolean): Checked<string> {
  if (value.length > FIELD_MAX_LENGTH) {
    return refuse('too-long', field, `${field} ${describeInput(spec)} has a ${part} of ${value.length} characters; at most ${FIELD_MAX_LENGTH}`);
  }
  const allowed = wildcards ? /[A-Z0-9$_\-*%]/u : /[A-Z0-9$_-]/u;
  const bad = firstCharacterNotIn(value, allowed);
  if (bad !== undefined) {
    return refuse('bad-syntax', field, `${field} ${describeInput(spec)} has ${describeCharacter(bad)} in its ${part}`);
  }
  return accept(value);
}

function wildcardRefused(field: string, spec: string): Checked<never> {
  return refuse('wildcard-not-allowed', field, `${field} ${describeInput(spec)} holds a wildcard; this command takes exactly one file`);
}
