/**
 * OpenVMS file specifications as the simulator reads them: `DEVICE:[DIR.SUB]NAME.TYPE;VERSION`,
 * with wildcards `*` and `%` in the name, type and version. Upper case throughout (DCL has already
 * upper-cased unquoted text).
 */
export interface FileSpecParts {
  device?: string;
  /** Directory path without brackets, e.g. `USER_DIR.LEASECOMM`; `-` and a leading `.` are kept. */
  directory?: string;
  name?: string;
  type?: string;
  /** Undefined when not given; `*` for every version; a number (0 and negatives are relative). */
  version?: number | '*';
}

export class FileSpecError extends Error {}

export function parseFileSpec(text: string): FileSpecParts {
  const spec = text.trim().toUpperCase();
  const match = /^(?:([A-Z0-9$_]+):)?(?:[[<]([^\]>]*)[\]>])?([^.;]*)(?:\.([^.;]*))?(?:;(-?\d*|\*))?$/.exec(spec);
  if (match === null) throw new FileSpecError(spec);
  const [, device, directory, name, type, version] = match;
  const parts: FileSpecParts = {};
  if (device !== undefined) parts.device = device;
  if (directory !== undefined) parts.directory = directory;
  if (name !== undefined && name !== '') parts.name = name;
  if (type !== undefined) parts.type = type;
  if (version !== undefined && version !== '') parts.version = version === '*' ? '*' : Number(version);
  return parts;
}

/** Does a name (or type) match a pattern with `*` (any run) and `%` (one character)? */
export function wildcardMatch(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/%/g, '.')}$`,
  );
  return regex.test(value);
}

export function hasWildcard(text: string | undefined): boolean {
  return text !== undefined && /[*%]/.test(text);
}

/** Joins a rooted directory (`USER_DIR.`) and the one given under it (`LEASE_BACKUP.COM`). */
export function joinRooted(root: string, directory: string): string {
  const base = root.replace(/\.$/, '');
  if (directory === '000000' || directory === '') return base;
  return base === '' ? directory : `${base}.${directory}`;
}

/** Applies a relative directory (`.SUB`, `-`, `-.OTHER`) to the current one. */
export function applyRelativeDirectory(current: string, relative: string): string {
  if (!relative.startsWith('.') && !relative.startsWith('-')) return relative;
  const parts = current === '000000' ? [] : current.split('.');
  let rest = relative;
  while (rest.startsWith('-')) {
    parts.pop();
    rest = rest.slice(1);
    if (rest.startsWith('.')) rest = rest.slice(1);
  }
  if (rest.startsWith('.')) rest = rest.slice(1);
  if (rest !== '') parts.push(...rest.split('.'));
  return parts.length === 0 ? '000000' : parts.join('.');
}
