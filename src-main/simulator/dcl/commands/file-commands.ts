/** DIRECTORY, TYPE, SET DEFAULT, SHOW DEFAULT and DELETE of files. */
import type { CommandDef, ParsedCommand } from '../command-table';
import { has, valueOf } from '../command-table';
import { counted } from '../../../../shared/plural';
import { DclFailure, MSG, messageLine } from '../messages';
import type { DclProcess } from '../process';
import { hasWildcard, wildcardMatch, type FileSpecParts } from '../../files/file-spec';
import { locationText, ResolveError, type ResolvedSpec } from '../../files/resolve';
import type { VmsFile } from '../../files/volumes';
import { vmsDate, vmsClock } from '../../time/vms-time';

function resolve(process: DclProcess, text: string): ResolvedSpec {
  try {
    return process.host.resolve(process.tables, process.defaults, text);
  } catch (error) {
    if (error instanceof ResolveError) {
      if (error.failure.kind === 'no-device') throw new DclFailure([messageLine(MSG.DEV)], MSG.DEV.status);
      throw DclFailure.of(MSG.PARMDEL, [], error.failure.text);
    }
    throw error;
  }
}

function openinLine(shown: string): string {
  return `%DIRECT-E-OPENIN, error opening ${shown} as input`;
}

/** As resolve(), but a device that is not there is DIRECTORY's OPENIN with RMS's DEV under it. */
function resolveForDirectory(process: DclProcess, text: string): ResolvedSpec {
  try {
    return process.host.resolve(process.tables, process.defaults, text);
  } catch (error) {
    if (error instanceof ResolveError && error.failure.kind === 'no-device') {
      const typed = /^([A-Z0-9$_]+):(\[[^\]]*\])?(.*)$/.exec(text.toUpperCase());
      const directory = typed?.[2] ?? `[${process.defaults.directory}]`;
      const rest = typed?.[3] || '*.*;*';
      throw new DclFailure([openinLine(`${error.failure.device.replace(/:$/, '')}:${directory}${rest}`), messageLine(MSG.DEV, [], true)], MSG.DEV.status);
    }
    return resolve(process, text);
  }
}

function selectFiles(files: VmsFile[], parts: FileSpecParts, defaultName: string, defaultType: string, allVersions: boolean): VmsFile[] {
  const name = parts.name ?? defaultName;
  const type = parts.type ?? defaultType;
  const matching = files.filter((f) => wildcardMatch(name, f.name) && wildcardMatch(type, f.type));
  const version = parts.version;
  if (version === '*' || (version === undefined && allVersions)) return matching;
  const groups = new Map<string, VmsFile[]>();
  for (const f of matching) groups.set(`${f.name}.${f.type}`, [...(groups.get(`${f.name}.${f.type}`) ?? []), f]);
  const chosen: VmsFile[] = [];
  for (const group of groups.values()) {
    const sorted = group.sort((a, b) => b.version - a.version);
    if (version === undefined || version === 0) chosen.push(sorted[0] as VmsFile);
    else if (version < 0) {
      const relative = sorted[-version];
      if (relative !== undefined) chosen.push(relative);
    } else chosen.push(...sorted.filter((f) => f.version === version));
  }
  return chosen;
}

/** Blocks allocated to a file: its used blocks rounded up to whole clusters (the disks' cluster size, 18). */
function allocated(blocks: number): number {
  return Math.ceil(blocks / 18) * 18;
}

function dateColumn(at: Date): string {
  return `${vmsDate(at, true)} ${vmsClock(at)}`;
}

function sortFiles(files: VmsFile[]): VmsFile[] {
  return [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : b.version - a.version));
}

export const DIRECTORY: CommandDef<DclProcess> = {
  name: 'DIRECTORY',
  maxParameters: 1,
  qualifiers: [
    { name: 'SIZE', value: 'optional' },
    { name: 'DATE', value: 'optional' },
    { name: 'FULL' },
    { name: 'BRIEF' },
    { name: 'COLUMNS', value: 'required' },
    { name: 'TOTAL' },
    { name: 'OWNER' },
    { name: 'SINCE', value: 'optional' },
    { name: 'BEFORE', value: 'optional' },
    { name: 'OUTPUT', value: 'optional' },
  ],
  run(process, command) {
    const text = command.parameters[0]?.text ?? '';
    const spec = resolveForDirectory(process, text);
    const directory = spec.disk.directory(spec.directory);
    const shown = `${locationText(spec)}${spec.parts.name ?? '*'}.${spec.parts.type ?? '*'};${spec.parts.version ?? '*'}`;
    if (directory === undefined) {
      // the DCL Dictionary's form: RMS's DNF, and the system service status under it
      throw new DclFailure([openinLine(shown), messageLine(MSG.DNF, [], true), messageLine(MSG.NOSUCHFILE, [], true)], MSG.DNF.status);
    }
    const files = sortFiles(selectFiles(directory.files, spec.parts, '*', '*', true));
    if (files.length === 0) throw new DclFailure([messageLine(MSG.NOFILES)], MSG.NOFILES.status);
    const size = has(command, 'SIZE') || has(command, 'FULL');
    const allSizes = has(command, 'FULL') || /^ALL$/i.test(valueOf(command, 'SIZE') ?? '');
    const date = has(command, 'DATE') || has(command, 'FULL');
    // who owns a file: the batch user for what its jobs wrote, the system manager for its own
    const owner = has(command, 'OWNER');
    const lines = ['', `Directory ${locationText(spec)}`, ''];
    if (!size && !date && !owner && !has(command, 'TOTAL')) {
      // names in columns, as many as fit in 80
      let current = '';
      for (const f of files) {
        const name = `${f.name}.${f.type};${f.version}`;
        const cell = name.length < 19 ? name.padEnd(20) : `${name} `;
        if (current.length + cell.length > 80) {
          lines.push(current.trimEnd());
          current = '';
        }
        current += cell;
      }
      if (current !== '') lines.push(current.trimEnd());
    } else if (!has(command, 'TOTAL')) {
      // the DCL Dictionary's default field widths (/WIDTH): file name 19, size 7 (17 for
      // /SIZE=ALL, used/allocated); a longer name takes a line of its own, its fields under it
      for (const f of files) {
        const name = `${f.name}.${f.type};${f.version}`;
        const sizeText = allSizes ? `${f.blocks}/${allocated(f.blocks)}`.padStart(17) : String(f.blocks).padStart(7);
        const columns = `${size ? sizeText : ''}${date ? `  ${dateColumn(f.created)}` : ''}${owner ? `  ${f.owner}` : ''}`;
        if (name.length > 19) lines.push(name, `${' '.repeat(19)}${columns}`);
        else lines.push(`${name.padEnd(19)}${columns}`);
      }
    }
    const blocks = files.reduce((sum, f) => sum + f.blocks, 0);
    const blockText = allSizes ? `${blocks}/${files.reduce((sum, f) => sum + allocated(f.blocks), 0)} blocks` : counted(blocks, 'block');
    lines.push('', `Total of ${counted(files.length, 'file')}${size ? `, ${blockText}` : ''}.`);
    return lines;
  },
};

export const TYPE: CommandDef<DclProcess> = {
  name: 'TYPE',
  minParameters: 1,
  maxParameters: 1,
  qualifiers: [
    { name: 'PAGE', value: 'optional', negatable: true },
    { name: 'OUTPUT', value: 'optional' },
    { name: 'TAIL', value: 'optional' },
  ],
  run(process, command) {
    const text = (command.parameters[0] as { text: string }).text;
    const spec = resolve(process, text);
    const directory = spec.disk.directory(spec.directory);
    const shown = `${locationText(spec)}${spec.parts.name ?? ''}.${spec.parts.type ?? ''};${spec.parts.version ?? ''}`;
    if (directory === undefined) throw new DclFailure([`%TYPE-W-SEARCHFAIL, error searching for ${shown}`, messageLine(MSG.DNF, [], true)], MSG.DNF.status);
    const files = sortFiles(selectFiles(directory.files, spec.parts, '', '', false));
    if (files.length === 0) throw new DclFailure([`%TYPE-W-SEARCHFAIL, error searching for ${shown}`, messageLine(MSG.FNF, [], true)], MSG.FNF.status);
    const lines: string[] = [];
    const wild = hasWildcard(spec.parts.name) || hasWildcard(spec.parts.type) || spec.parts.version === '*';
    for (const f of files) {
      if (wild) lines.push('', `${locationText(spec)}${f.name}.${f.type};${f.version}`, '');
      if (f.records === null) {
        lines.push(`%TYPE-W-READERR, error reading ${locationText(spec)}${f.name}.${f.type};${f.version}`, '-RMS-F-RFM, invalid record format');
        continue;
      }
      lines.push(...f.records);
    }
    return lines;
  },
};

export const SET_DEFAULT: CommandDef<DclProcess> = {
  name: 'DEFAULT',
  minParameters: 1,
  maxParameters: 1,
  qualifiers: [],
  run(process, command) {
    const text = (command.parameters[0] as { text: string }).text;
    const match = /^(?:([A-Z0-9$_]+):)?(?:\[([^\]]*)\])?$/.exec(text);
    if (match === null || (match[1] === undefined && match[2] === undefined)) throw DclFailure.of(MSG.PARMDEL, [], text);
    const device = match[1];
    const directory = match[2];
    const spec = resolve(process, `${device === undefined ? '' : `${device}:`}${directory === undefined ? '' : `[${directory}]`}`);
    process.defaults = { device: spec.displayDevice, directory: spec.displayDirectory };
    return [];
  },
};

export const SHOW_DEFAULT: CommandDef<DclProcess> = {
  name: 'DEFAULT',
  maxParameters: 0,
  run(process) {
    return [`  ${process.defaults.device}:[${process.defaults.directory}]`];
  },
};

/** DELETE file;version (the plan's remedy for a full backup area: delete the temporary files). */
export function deleteFiles(process: DclProcess, command: ParsedCommand): string[] {
  const lines: string[] = [];
  const log = has(command, 'LOG');
  for (const parameter of command.parameters.flatMap((p) => p.text.split(','))) {
    const spec = resolve(process, parameter);
    if (spec.parts.version === undefined) throw new DclFailure(['%DELETE-E-DELVER, explicit version number or wild card required'], 0x00038182);
    const directory = spec.disk.directory(spec.directory);
    const files = directory === undefined ? [] : selectFiles(directory.files, spec.parts, '', '', false);
    if (directory === undefined || files.length === 0) {
      throw new DclFailure(
        [
          `%DELETE-W-SEARCHFAIL, error searching for ${locationText(spec)}${spec.parts.name ?? ''}.${spec.parts.type ?? ''};${spec.parts.version}`,
          messageLine(MSG.FNF, [], true),
        ],
        MSG.FNF.status,
      );
    }
    for (const f of files) {
      if (f.openForWrite) {
        lines.push(`%DELETE-W-FILNOTDEL, error deleting ${locationText(spec)}${f.name}.${f.type};${f.version}`, messageLine(MSG.FLK, [], true));
        continue;
      }
      directory.remove(f);
      if (log) lines.push(`%DELETE-I-FILDEL, ${locationText(spec)}${f.name}.${f.type};${f.version} deleted (${f.blocks} blocks)`);
    }
  }
  return lines;
}
