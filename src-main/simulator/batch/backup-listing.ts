/**
 * Which files a BACKUP save takes, read from its own command line, so that what the log lists and
 * what the command says can never disagree: a whole disk (`DISK$MENTAT:`, with or without /IMAGE),
 * a disk's tree less an /EXCLUDE (`DISK$X:[*...]*.*;*` with `/EXCLUDE=([*.RDB...])`), or one directory's
 * files by wildcard (`DISK$BACKUP_01:[LEASE_BACKUP]*.AIJ;*`); /SINCE=BACKUP keeps only the files
 * changed since their backup date.
 *
 * The order is the one BACKUP/LOG shows (HP OpenVMS System Management Utilities Reference Manual,
 * BACKUP /LOG): directory by directory from [000000], each directory's entries (its files and its
 * subdirectories' .DIR files) alphabetically; an image save starts with [000000]000000.DIR;1.
 */
import { wildcardMatch } from '../files/file-spec';
import type { HostState } from '../host/host-state';
import type { Directory, Disk, VmsFile } from '../files/volumes';
import { changedSinceBackup } from './backup-record';

export interface SavedFile {
  disk: Disk;
  file: VmsFile | null;
  /** As /LOG names it: `DISK$MENTAT:[USER_DIR]NOTES.TXT;3`. */
  spec: string;
}

export interface BackupSelection {
  disk: Disk;
  image: boolean;
  since: boolean;
  record: boolean;
  /** Files the save copies, in /LOG order (open files left to ACCONFLICT). */
  files: SavedFile[];
  /** Files open for write by another user. */
  open: SavedFile[];
}

interface Parsed {
  qualifiers: string[];
  /** The device as typed, without its colon: `DISK$MENTAT`, `LEASE_FILES`. */
  device: string;
  directory: string | null;
  file: string;
  exclude: string[];
}

function parseCommand(command: string): Parsed | null {
  const [verb, input] = command.trim().split(/\s+/);
  // a list of files (`A.RBF;,B.RBF;`) is named by the caller, not read here
  if (verb === undefined || input === undefined || !/^BACKUP\b/i.test(verb) || input.includes(',')) return null;
  const qualifiers = verb.toUpperCase().split('/').slice(1);
  const [spec, ...inputQualifiers] = input.toUpperCase().split(/\/(?![^(]*\))/);
  const match = /^([A-Z0-9$_-]+):(?:\[([^\]]*)\])?(.*)$/.exec(spec ?? '');
  if (match === null) return null;
  const exclude = inputQualifiers
    .filter((q) => q.startsWith('EXCLUDE='))
    .flatMap((q) =>
      q
        .slice('EXCLUDE='.length)
        .replace(/^\(|\)$/g, '')
        .split(','),
    );
  return { qualifiers, device: match[1] as string, directory: match[2] ?? null, file: match[3] ?? '', exclude };
}

/** The disk and directory a device (a disk's label name or a logical name) and directory stand for. */
function place(host: HostState, parsed: Parsed): { disk: Disk; directory: string | null; display: string } | null {
  const label = /^DISK\$(.+)$/.exec(parsed.device)?.[1];
  const byLabel = label === undefined ? undefined : host.diskByLabel(label);
  const tree = parsed.directory === null || parsed.directory === '*...' || parsed.directory === '000000...';
  if (byLabel !== undefined && tree) return { disk: byLabel, directory: null, display: parsed.device };
  try {
    const where = host.resolve([], { device: 'SYS$SYSDEVICE', directory: '000000' }, `${parsed.device}:${parsed.directory === null ? '' : `[${parsed.directory}]`}`);
    return { disk: where.disk, directory: where.directory, display: `${where.displayDevice}:[${where.displayDirectory}]` };
  } catch {
    return null;
  }
}

function dirFile(path: string): { parent: string; name: string } {
  const parts = path.split('.');
  return { parent: parts.length === 1 ? '000000' : parts.slice(0, -1).join('.'), name: parts.at(-1) as string };
}

/** `[*.RDB...]` leaves out every directory below the top whose name is RDB, and all beneath it. */
function excluded(path: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    const tree = /^\[(.*)\.\.\.\]$/.exec(pattern);
    if (tree === null) return false;
    const want = (tree[1] as string).split('.');
    const have = path.split('.');
    return have.length >= want.length && want.every((part, i) => wildcardMatch(part, have[i] as string));
  });
}

function fileMatches(pattern: string, file: VmsFile, highest: boolean): boolean {
  const [nameType, version] = pattern === '' ? ['*.*', '*'] : pattern.split(';');
  const [name, type] = (nameType ?? '*.*').split('.');
  if (!wildcardMatch(name ?? '*', file.name) || !wildcardMatch(type ?? '*', file.type)) return false;
  if (version === undefined || version === '') return highest;
  return version === '*' || Number(version) === file.version;
}

function entriesOf(disk: Disk, directory: Directory, prefix: string, pattern: string, withDirFiles: boolean): { name: string; type: string; saved: SavedFile }[] {
  const entries = directory.sorted().map((file, index, all) => ({
    name: file.name,
    type: file.type,
    saved: { disk, file, spec: `${prefix}${file.name}.${file.type};${file.version}` },
    keep: fileMatches(pattern, file, all.findIndex((f) => f.name === file.name && f.type === file.type) === index),
  }));
  const kept = entries.filter((e) => e.keep).map(({ name, type, saved }) => ({ name, type, saved }));
  if (!withDirFiles) return kept;
  const children = [...disk.directories.keys()]
    .filter((path) => path !== '000000' && dirFile(path).parent === directory.path)
    .map((path) => ({ name: dirFile(path).name, type: 'DIR', saved: { disk, file: null, spec: `${prefix}${dirFile(path).name}.DIR;1` } }));
  return [...kept, ...children].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : 1));
}

/** The files a BACKUP command line saves, or null when its input is not on a simulated disk. */
export function backupSelection(host: HostState, command: string): BackupSelection | null {
  const parsed = parseCommand(command);
  if (parsed === null) return null;
  const where = place(host, parsed);
  if (where === null) return null;
  const { disk } = where;
  const image = parsed.qualifiers.includes('IMAGE');
  const since = parsed.qualifiers.some((q) => q === 'SINCE=BACKUP');
  const record = parsed.qualifiers.includes('RECORD');
  const listed: SavedFile[] = [];
  if (where.directory === null) {
    // the whole volume, directory by directory from the top
    const directories = [...disk.directories.values()]
      .filter((d) => !excluded(d.path, parsed.exclude))
      .sort((a, b) => (a.path === '000000' ? -1 : b.path === '000000' ? 1 : a.path < b.path ? -1 : 1));
    if (image) listed.push({ disk, file: null, spec: `${where.display}:[000000]000000.DIR;1` });
    const pattern = parsed.directory === null ? '*.*;*' : parsed.file;
    for (const directory of directories) {
      for (const entry of entriesOf(disk, directory, `${where.display}:[${directory.path}]`, pattern, !since)) listed.push(entry.saved);
    }
  } else {
    const directory = disk.directory(where.directory);
    if (directory !== undefined) for (const entry of entriesOf(disk, directory, where.display, parsed.file, false)) listed.push(entry.saved);
  }
  const chosen = since ? listed.filter((s) => s.file === null || changedSinceBackup(disk, s.file)) : listed;
  return {
    disk,
    image,
    since,
    record,
    files: chosen.filter((s) => s.file?.openForWrite !== true),
    open: chosen.filter((s) => s.file?.openForWrite === true),
  };
}
