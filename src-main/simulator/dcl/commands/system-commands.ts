/** SHOW TIME, SHOW LOGICAL, SHOW SYMBOL, SHOW DEVICE, SET TERMINAL, SET PROMPT, WRITE, LOGOUT. */
import type { CommandDef } from '../command-table';
import { has, valueOf, valuesOf } from '../command-table';
import { writeItems } from '../expressions';
import { DclFailure, MSG, messageLine } from '../messages';
import type { DclProcess } from '../process';
import { wildcardMatch } from '../../files/file-spec';
import { attributeText, type LogicalName } from '../../files/logical-names';
import { vmsDate, vmsClock, vmsDateTime } from '../../time/vms-time';
import { BRIEF_HEADER, tapeBrief, tapeFull, volumeBrief, volumeFull } from './device-display';
import { deviceAnswers } from '../../files/device-names';

export const SHOW_TIME: CommandDef<DclProcess> = {
  name: 'TIME',
  maxParameters: 0,
  run(process) {
    const now = process.site.now();
    return [`  ${vmsDate(now, true)} ${vmsClock(now, false)}`];
  },
};

function logicalLine(logical: LogicalName, full: boolean): string {
  const mode = full ? ` [${logical.mode}]` : '';
  const attributes = full ? attributeText(logical) : '';
  return `  "${logical.name}"${mode} = "${logical.values[0] ?? ''}"${attributes}`;
}

export const SHOW_LOGICAL: CommandDef<DclProcess> = {
  name: 'LOGICAL',
  maxParameters: 8,
  qualifiers: [
    { name: 'FULL' },
    { name: 'SYSTEM' },
    { name: 'PROCESS' },
    { name: 'JOB' },
    { name: 'GROUP' },
    { name: 'TABLE', value: 'required' },
    { name: 'ALL' },
    { name: 'DESCENDANTS' },
    { name: 'ACCESS_MODE', value: 'required' },
  ],
  run(process, command) {
    const space = process.host.logicals(process.tables);
    const full = has(command, 'FULL');
    const only = has(command, 'SYSTEM')
      ? 'LNM$SYSTEM_TABLE'
      : has(command, 'PROCESS')
        ? 'LNM$PROCESS_TABLE'
        : has(command, 'JOB')
          ? 'LNM$JOB'
          : has(command, 'GROUP')
            ? 'LNM$GROUP'
            : (valueOf(command, 'TABLE') ?? null);
    const tables = space.tables.filter((t) => only === null || t.name === only || ((only === 'LNM$JOB' || only === 'LNM$GROUP') && t.name.startsWith(only)));
    const names = command.parameters.flatMap((p) => p.text.split(',')).map((n) => n.replace(/:$/, ''));
    if (names.length === 0 || names.some((n) => /[*%]/.test(n))) {
      const lines: string[] = [];
      for (const table of tables) {
        const listed = table.all().filter((l) => names.length === 0 || names.some((n) => wildcardMatch(n, l.name)));
        if (names.length > 0 && listed.length === 0) continue;
        if (lines.length > 0) lines.push('');
        lines.push(`(${table.name})`, '');
        for (const logical of listed) lines.push(logicalLine(logical, full));
      }
      if (lines.length === 0) return [messageLine(MSG.NOTRAN, [names.join(',')])];
      return lines;
    }
    const lines: string[] = [];
    for (const name of names) {
      const logical = tables.flatMap((t) => (t.get(name) === undefined ? [] : [t.get(name) as LogicalName]))[0];
      if (logical === undefined) {
        lines.push(messageLine(MSG.NOTRAN, [name]));
        continue;
      }
      lines.push(...space.showLines(logical, full));
    }
    return lines;
  },
};

export const SHOW_SYMBOL: CommandDef<DclProcess> = {
  name: 'SYMBOL',
  maxParameters: 1,
  qualifiers: [{ name: 'GLOBAL' }, { name: 'LOCAL' }, { name: 'ALL' }],
  run(process, command) {
    const name = command.parameters[0]?.text;
    const entries = [
      ...[...process.localSymbols.entries()].map(([n, v]) => ({ n, v, op: '=' })),
      ...[...process.globalSymbols.entries()].map(([n, v]) => ({ n, v, op: '==' })),
      { n: '$STATUS', v: process.symbol('$STATUS') ?? '', op: '==' },
    ];
    const chosen = entries.filter((e) => name === undefined || has(command, 'ALL') || wildcardMatch(name, e.n));
    if (chosen.length === 0) throw DclFailure.of(MSG.UNDSYM, [], name ?? '');
    return chosen.map((e) => `  ${e.n} ${e.op} "${e.v}"`);
  },
};

export const SHOW_DEVICE: CommandDef<DclProcess> = {
  name: 'DEVICES',
  maxParameters: 1,
  qualifiers: [{ name: 'FULL' }, { name: 'MOUNTED' }, { name: 'BRIEF' }, { name: 'ALLOCATED' }, { name: 'FILES' }, { name: 'OUTPUT', value: 'optional' }],
  run(process, command) {
    const host = process.host;
    const drive = process.site.drive(host.name);
    const given = command.parameters[0]?.text.replace(/:$/, '');
    // a logical name leads to its device (DISK$PROD_09 -> _$1$DGA15:); a volume set's name to the whole set
    let wanted = given;
    let viaLogical = false;
    for (let depth = 0; wanted !== undefined && depth < 10; depth += 1) {
      const logical = host.logicals(process.tables).translate(wanted);
      if (logical === undefined) break;
      viaLogical = true;
      wanted = (logical.values[0] ?? '').replace(/:.*$/, '');
      if (logical.terminal) break;
    }
    const answers = (device: string) => wanted === undefined || deviceAnswers(wanted, device, host.name);
    const volumes = host.disks.flatMap((disk) => {
      const all = disk.volumes();
      const root = all[0];
      if (viaLogical && root !== undefined && answers(root.device)) return all.map((volume) => ({ disk, volume }));
      return all.filter((volume) => answers(volume.device)).map((volume) => ({ disk, volume }));
    });
    const tape = drive !== undefined && answers(drive.device) ? drive : undefined;
    if (volumes.length === 0 && tape === undefined) throw new DclFailure([messageLine(MSG.NOSUCHDEV)], MSG.NOSUCHDEV.status);
    if (has(command, 'FULL')) {
      const blocks: string[][] = [...volumes.map(({ disk, volume }) => volumeFull(disk, volume)), ...(tape === undefined ? [] : [tapeFull(tape, host.name)])];
      return blocks.flatMap((b) => ['', ...b]);
    }
    const lines = ['', ...BRIEF_HEADER];
    for (const { disk, volume } of volumes) lines.push(...volumeBrief(disk, volume));
    if (tape !== undefined && (!has(command, 'MOUNTED') || tape.mount !== null)) lines.push(...tapeBrief(tape, host.name));
    return lines;
  },
};

export const SET_TERMINAL: CommandDef<DclProcess> = {
  name: 'TERMINAL',
  maxParameters: 1,
  qualifiers: [
    { name: 'WIDTH', value: 'required' },
    { name: 'PAGE', value: 'required' },
    { name: 'INQUIRE' },
    { name: 'DEVICE_TYPE', value: 'required' },
    { name: 'ECHO', negatable: true },
    { name: 'WRAP', negatable: true },
    { name: 'BROADCAST', negatable: true },
    { name: 'ANSI_CRT', negatable: true },
    { name: 'LINE_EDITING', negatable: true },
    { name: 'VT100' },
    { name: 'VT200' },
  ],
  run(process, command) {
    const width = valueOf(command, 'WIDTH');
    const page = valueOf(command, 'PAGE');
    if (width !== undefined) {
      if (!/^\d+$/.test(width) || Number(width) < 1 || Number(width) > 511) throw DclFailure.of(MSG.IVVALU, [], width);
      process.terminal.width = Number(width);
    }
    if (page !== undefined) {
      if (!/^\d+$/.test(page) || Number(page) > 255) throw DclFailure.of(MSG.IVVALU, [], page);
      process.terminal.page = Number(page);
    }
    const type = valueOf(command, 'DEVICE_TYPE');
    if (type !== undefined) process.terminal.device = type;
    const echo = command.qualifiers.get('ECHO');
    if (echo !== undefined) process.terminal.echo = !echo.negated;
    return [];
  },
};

export const SET_PROMPT: CommandDef<DclProcess> = {
  name: 'PROMPT',
  maxParameters: 1,
  run(process, command) {
    // SET PROMPT="text" arrives as a qualifier-less parameter "=text" from the tokenizer's view
    const value = command.parameters[0]?.text;
    process.prompt = value === undefined ? `${process.host.name}> ` : value.replace(/^=/, '');
    return [];
  },
};

export const WRITE: CommandDef<DclProcess> = {
  name: 'WRITE',
  run() {
    return [];
  },
};

/** WRITE SYS$OUTPUT items: run on the raw text, since WRITE takes expressions, not DCL parameters. */
export function writeCommand(process: DclProcess, raw: string): string[] {
  const match = /^\s*\$?\s*WRIT?E?\S*\s+(\S+?)\s+(.*)$/i.exec(raw);
  if (match === null) throw DclFailure.of(MSG.INSFPRM);
  const channel = (match[1] as string).toUpperCase().replace(/:$/, '');
  if (channel !== 'SYS$OUTPUT' && channel !== 'SYS$ERROR') {
    throw new DclFailure([`%DCL-W-UNDFIL, file has not been opened by DCL - check logical name`, ` \\${channel}\\`], 0x00038438);
  }
  const text = writeItems(process, match[2] as string);
  if (text instanceof DclFailure) throw text;
  return [text];
}

export const LOGOUT: CommandDef<DclProcess> = {
  name: 'LOGOUT',
  maxParameters: 0,
  qualifiers: [{ name: 'BRIEF' }, { name: 'FULL' }],
  run(process) {
    const now = process.site.now();
    return [`  ${process.username.padEnd(12)} logged out at ${vmsDateTime(now, { pad: true })}`];
  },
};

/**
 * SET MESSAGE/[NO]FACILITY/[NO]SEVERITY/[NO]IDENTIFICATION/[NO]TEXT: which parts of each message
 * the process prints from now on. A part not named takes its default, shown (HP OpenVMS DCL
 * Dictionary, SET MESSAGE). A message file parameter is accepted and not loaded.
 */
export const SET_MESSAGE: CommandDef<DclProcess> = {
  name: 'MESSAGE',
  maxParameters: 1,
  qualifiers: [
    { name: 'FACILITY', negatable: true },
    { name: 'SEVERITY', negatable: true },
    { name: 'IDENTIFICATION', negatable: true },
    { name: 'TEXT', negatable: true },
    { name: 'DELETE' },
  ],
  run(process, command) {
    const shown = (name: string) => command.qualifiers.get(name)?.negated !== true;
    process.messageFormat = { facility: shown('FACILITY'), severity: shown('SEVERITY'), identification: shown('IDENTIFICATION'), text: shown('TEXT') };
    return [];
  },
};

/**
 * DEFINE name value: a logical name in the process table, supervisor mode, unless /SYSTEM,
 * /JOB or /GROUP, /EXECUTIVE_MODE or /TRANSLATION_ATTRIBUTES=(CONCEALED,TERMINAL) say otherwise.
 * Several values make a search list.
 */
export const DEFINE: CommandDef<DclProcess> = {
  name: 'DEFINE',
  minParameters: 2,
  maxParameters: 2,
  qualifiers: [
    { name: 'SYSTEM' },
    { name: 'JOB' },
    { name: 'GROUP' },
    { name: 'PROCESS' },
    { name: 'TABLE', value: 'required' },
    { name: 'EXECUTIVE_MODE' },
    { name: 'SUPERVISOR_MODE' },
    { name: 'USER_MODE' },
    { name: 'TRANSLATION_ATTRIBUTES', value: 'required' },
    { name: 'LOG', negatable: true },
  ],
  run(process, command) {
    const name = (command.parameters[0] as { text: string }).text.replace(/:$/, '');
    const values = (command.parameters[1] as { text: string }).text.split(',');
    const tables = [...process.tables, process.host.group, process.host.system];
    const wanted = has(command, 'SYSTEM')
      ? 'LNM$SYSTEM_TABLE'
      : has(command, 'GROUP')
        ? 'LNM$GROUP'
        : has(command, 'JOB')
          ? 'LNM$JOB'
          : (valueOf(command, 'TABLE') ?? 'LNM$PROCESS_TABLE');
    const table = tables.find((t) => t.name === wanted || t.name.startsWith(`${wanted}_`)) ?? (process.tables[0] as (typeof tables)[number]);
    if (table.name === 'LNM$SYSTEM_TABLE' && !process.host.users.get(process.username)?.privileges.has('SYSNAM')) {
      throw new DclFailure([messageLine(MSG.NOPRIV)], MSG.NOPRIV.status);
    }
    const attributes = valuesOf(command, 'TRANSLATION_ATTRIBUTES').map((a) => a.toUpperCase());
    const existed = table.get(name) !== undefined;
    table.define(name, values, {
      concealed: attributes.some((a) => 'CONCEALED'.startsWith(a) && a.length >= 4),
      terminal: attributes.some((a) => 'TERMINAL'.startsWith(a) && a.length >= 4),
      mode: has(command, 'EXECUTIVE_MODE') ? 'exec' : 'super',
    });
    if (!existed || command.qualifiers.get('LOG')?.negated === true) return [];
    return [`%DCL-I-SUPERSEDE, previous value of ${name} has been superseded`];
  },
};
