/**
 * From what a user typed to a place on a disk: logical names translated one level at a time,
 * rooted directories (`USER_ROOT:[LEASE_BACKUP.COM]` under `DISK$MENTAT:[USER_DIR.]`), the process
 * default filling in what is missing, relative directories applied.
 *
 * What DIRECTORY and TYPE print is the name a user would see on OpenVMS: the first concealed
 * logical name of the chain (with the directory under its root), else the last logical name before
 * the physical device (`DISK$MENTAT:`), else the device as typed.
 */
import { applyRelativeDirectory, FileSpecError, joinRooted, parseFileSpec, type FileSpecParts } from './file-spec';
import { deviceAnswers, isFullUnit } from './device-names';
import type { LogicalNameSpace } from './logical-names';
import type { Disk } from './volumes';

export interface DefaultDirectory {
  device: string;
  directory: string;
}

export interface Location {
  disk: Disk;
  /** Directory on the disk (physical). */
  directory: string;
  displayDevice: string;
  displayDirectory: string;
}

export interface ResolvedSpec extends Location {
  parts: FileSpecParts;
}

export type ResolveFailure = { kind: 'no-device'; device: string } | { kind: 'syntax'; text: string };

export class ResolveError extends Error {
  constructor(readonly failure: ResolveFailure) {
    super(failure.kind);
  }
}

export interface ResolveContext {
  logicals: LogicalNameSpace;
  disks: Disk[];
  defaults: DefaultDirectory;
}

function findDisk(disks: Disk[], name: string): Disk | undefined {
  // a disk with an allocation class is named with it ($1$DGA15:); any member names a volume set
  return disks.find((disk) => isFullUnit(name) && disk.deviceNames().some((device) => deviceAnswers(name, device, disk.options.node)));
}

/** Resolves a device name and an optional directory to a place on a disk. */
export function resolveLocation(ctx: ResolveContext, device: string | undefined, directory: string | undefined): Location {
  const startDevice = device ?? ctx.defaults.device;
  let userDirectory = directory;
  if (device === undefined) {
    userDirectory = directory === undefined ? ctx.defaults.directory : applyRelativeDirectory(ctx.defaults.directory, directory);
  } else if (directory !== undefined && (directory.startsWith('.') || directory.startsWith('-'))) {
    userDirectory = applyRelativeDirectory(ctx.defaults.directory, directory);
  }

  let name = startDevice.replace(/:$/, '');
  let root: string | undefined;
  let chainDirectory: string | undefined;
  let display: { device: string; root?: string } | undefined;
  let lastLogical: string | undefined;
  for (let depth = 0; depth < 10; depth += 1) {
    const logical = ctx.logicals.translate(name);
    if (logical === undefined) break;
    const value = logical.values[0] ?? '';
    const match = /^_?([A-Z0-9$_]+):(?:\[([^\]]*)\])?$/.exec(value.toUpperCase());
    if (match === null) throw new ResolveError({ kind: 'no-device', device: startDevice });
    const dir = match[2];
    if (display === undefined && logical.concealed) display = dir?.endsWith('.') ? { device: name, root: dir } : { device: name };
    if (dir !== undefined) {
      if (dir.endsWith('.')) root = root === undefined ? dir : joinRooted(dir, root);
      else if (chainDirectory === undefined) chainDirectory = dir;
    }
    lastLogical = name;
    name = match[1] as string;
    // a terminal translation is not translated further
    if (logical.terminal) break;
  }
  const disk = findDisk(ctx.disks, name);
  if (disk === undefined) throw new ResolveError({ kind: 'no-device', device: startDevice });

  const under = userDirectory ?? chainDirectory ?? (device !== undefined ? ctx.defaults.directory : '000000');
  const physical = root === undefined ? under : joinRooted(root, under);
  if (display?.root !== undefined) {
    return { disk, directory: physical, displayDevice: display.device, displayDirectory: under };
  }
  const displayDevice = display?.device ?? lastLogical ?? startDevice.replace(/:$/, '');
  return { disk, directory: physical, displayDevice, displayDirectory: physical };
}

function parsed(text: string): FileSpecParts {
  try {
    return parseFileSpec(text);
  } catch (error) {
    if (error instanceof FileSpecError) throw new ResolveError({ kind: 'syntax', text });
    throw error;
  }
}

/**
 * A file specification to a place and the parts typed. As RMS does, a specification that is
 * only a name and is a logical name stands for its translation (`DIRECTORY SYS$LOGIN` lists the
 * login directory, no colon needed).
 */
export function resolveSpec(ctx: ResolveContext, text: string): ResolvedSpec {
  let parts = parsed(text);
  const onlyName = parts.device === undefined && parts.directory === undefined && parts.type === undefined && parts.version === undefined;
  const logical = onlyName && parts.name !== undefined && !/[*%]/.test(parts.name) ? ctx.logicals.translate(parts.name) : undefined;
  if (logical !== undefined) parts = parsed(logical.values[0] ?? '');
  return { ...resolveLocation(ctx, parts.device, parts.directory), parts };
}

/** `DISK$MENTAT:[USER_DIR.LEASECOMM]` as a user sees it. */
export function locationText(location: Location): string {
  return `${location.displayDevice}:[${location.displayDirectory}]`;
}
