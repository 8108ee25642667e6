/**
 * OpenVMS condition values and message text for what the simulator emits.
 *
 * A condition value's low three bits are its severity (0 W, 1 S, 2 E, 3 I, 4 F); an odd value is
 * success. Values marked "known" are the real ones (DCL's CLI$_ codes, SS$_ and RMS$_ codes);
 * the others were not found in reachable references and are chosen inside the right facility
 * with the right severity, so that `$STATUS` at least tests the way VMS's would.
 */
export type Severity = 'S' | 'I' | 'W' | 'E' | 'F';

export interface VmsMessage {
  facility: string;
  severity: Severity;
  ident: string;
  text: string;
  status: number;
}

function m(facility: string, severity: Severity, ident: string, status: number, text: string): VmsMessage {
  return { facility, severity, ident, text, status };
}

export const SS_NORMAL = 1;

export const MSG = {
  // DCL (CLI$_), known
  IVVERB: m('DCL', 'W', 'IVVERB', 0x00038090, 'unrecognized command verb - check validity and spelling'),
  ABVERB: m('DCL', 'W', 'ABVERB', 0x00038008, 'ambiguous command verb - supply more characters'),
  IVKEYW: m('DCL', 'W', 'IVKEYW', 0x00038060, 'unrecognized keyword - check validity and spelling'),
  ABKEYW: m('DCL', 'W', 'ABKEYW', 0x00038010, 'ambiguous qualifier or keyword - supply more characters'),
  IVQUAL: m('DCL', 'W', 'IVQUAL', 0x00038240, 'unrecognized qualifier - check validity, spelling, and placement'),
  MAXPARM: m('DCL', 'W', 'MAXPARM', 0x00038098, 'too many parameters - reenter command with fewer parameters'),
  INSFPRM: m('DCL', 'W', 'INSFPRM', 0x00038048, 'missing command parameters - supply all required parameters'),
  VALREQ: m('DCL', 'W', 'VALREQ', 0x00038150, 'missing qualifier or keyword value - supply all required values'),
  NOVALU: m('DCL', 'W', 'NOVALU', 0x000380d0, 'value not allowed - remove value specification'),
  NOTNEG: m('DCL', 'W', 'NOTNEG', 0x000380d8, 'qualifier or keyword not negatable - remove "NO" or omit'),
  // DCL, chosen
  PARMDEL: m('DCL', 'W', 'PARMDEL', 0x00038228, 'invalid parameter delimiter - check use of special characters'),
  UNDSYM: m('DCL', 'W', 'UNDSYM', 0x00038140, 'undefined symbol - check validity and spelling'),
  IVATIME: m('CLI', 'W', 'IVATIME', 0x000381f0, 'invalid absolute time - use DD-MMM-YYYY:HH:MM:SS.CC format'),
  IVVALU: m('DCL', 'W', 'IVVALU', 0x00038088, 'invalid value syntax - see command documentation'),
  // system services, known
  NOSUCHDEV: m('SYSTEM', 'W', 'NOSUCHDEV', 0x00000908, 'no such device available'),
  DEVOFFLINE: m('SYSTEM', 'F', 'DEVOFFLINE', 0x00000084, 'device is not in configuration or not available'),
  MEDOFL: m('SYSTEM', 'F', 'MEDOFL', 0x000001a4, 'medium is offline'),
  WRITLCK: m('SYSTEM', 'F', 'WRITLCK', 0x0000025c, 'device is write locked'),
  PARITY: m('SYSTEM', 'F', 'PARITY', 0x000001f4, 'parity error'),
  DEVMOUNT: m('SYSTEM', 'F', 'DEVMOUNT', 0x00000a64, 'device is already mounted'),
  DEVNOTMOUNT: m('SYSTEM', 'F', 'DEVNOTMOUNT', 0x00000a6c, 'device is not mounted'),
  DEVALLOC: m('SYSTEM', 'F', 'DEVALLOC', 0x00000820, 'device already allocated to another user'),
  // SS$_NOSUCHFILE, known: the secondary status RMS gives with DNF when DIRECTORY opens a directory that is not there
  NOSUCHFILE: m('SYSTEM', 'W', 'NOSUCHFILE', 0x00000910, 'no such file'),
  // SS$_NOPRIV, known: what the job controller answers a SUBMIT/USER from an account without CMKRNL
  NOPRIV: m('SYSTEM', 'F', 'NOPRIV', 0x00000024, 'no privilege for attempted operation'),
  // RMS, known
  FNF: m('RMS', 'E', 'FNF', 0x00018292, 'file not found'),
  DNF: m('RMS', 'E', 'DNF', 0x000184c2, 'directory not found'),
  DEV: m('RMS', 'F', 'DEV', 0x0001c04c, 'error in device name or inappropriate device type for operation'),
  FUL: m('RMS', 'F', 'FUL', 0x0001c0ec, 'device full (insufficient space for allocation)'),
  FLK: m('RMS', 'E', 'FLK', 0x0001827a, 'file currently locked by another user'),
  // utilities, chosen
  NOFILES: m('DIRECT', 'W', 'NOFILES', 0x00018ff0, 'no files found'),
  SEARCHFAIL: m('TYPE', 'W', 'SEARCHFAIL', 0x000186f0, 'error searching for !AS'),
  OPENIN: m('TYPE', 'E', 'OPENIN', 0x0001a8d2, 'error opening !AS as input'),
  NOTRAN: m('SHOW', 'S', 'NOTRAN', 0x00000001, 'no translation for logical name !AS'),
  // queue manager, chosen
  CREJOB: m('SUBMIT', 'F', 'CREJOB', 0x00e9c01c, 'error creating job'),
  NOSUCHENT: m('JBC', 'E', 'NOSUCHENT', 0x00e9814a, 'no such entry'),
  NOSUCHQUE: m('JBC', 'E', 'NOSUCHQUE', 0x00e981b2, 'no such queue'),
  // Oracle Rdb RMU, chosen
  RMU_WRITEERR: m('RMU', 'F', 'WRITEERR', 0x02c8922c, 'error writing !AS'),
  RMU_FATALERR: m('RMU', 'F', 'FATALERR', 0x02c8878c, 'fatal error on BACKUP'),
  RMU_FTL_BCK: m('RMU', 'F', 'FTL_BCK', 0x02c88794, 'Fatal error for BACKUP operation at !AS'),
} as const satisfies Record<string, VmsMessage>;

/** `!AS` in a message text is filled in order, as $FAO does. */
export function fill(message: VmsMessage, ...args: string[]): string {
  let i = 0;
  return message.text.replace(/!AS/g, () => args[i++] ?? '');
}

/** `%FAC-S-IDENT, text` (or `-FAC-S-IDENT, text` for a secondary message). */
export function messageLine(message: VmsMessage, args: string[] = [], secondary = false): string {
  return `${secondary ? '-' : '%'}${message.facility}-${message.severity}-${message.ident}, ${fill(message, ...args)}`;
}

/** `%X00038090` as `WRITE SYS$OUTPUT $STATUS` shows a status. */
export function hexStatus(status: number): string {
  return `%X${(status >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;
}

export function isSuccess(status: number): boolean {
  return (status & 1) === 1;
}

/** A command failure: the lines DCL prints and the status it leaves in $STATUS. */
export class DclFailure extends Error {
  constructor(
    readonly lines: string[],
    readonly status: number,
  ) {
    super(lines[0] ?? 'failure');
  }

  static of(message: VmsMessage, args: string[] = [], offending?: string): DclFailure {
    const lines = [messageLine(message, args)];
    if (offending !== undefined) lines.push(` \\${offending}\\`);
    return new DclFailure(lines, message.status);
  }
}

/** Which parts of a message are shown, as SET MESSAGE sets them for the process. */
export interface MessageFormat {
  facility: boolean;
  severity: boolean;
  identification: boolean;
  text: boolean;
}

export const FULL_MESSAGES: MessageFormat = { facility: true, severity: true, identification: true, text: true };

const MESSAGE_LINE = /^([%-])([A-Z0-9$_]+)-([SIWEF])-([A-Z0-9$_]+), (.*)$/;

/**
 * A message line as $PUTMSG prints it under SET MESSAGE (HP OpenVMS DCL Dictionary, SET
 * MESSAGE): the parts left out are dropped with their hyphen (`%SYSTEM-NOSUCHDEV, text`,
 * `%W-NOSUCHDEV, text`, `%SYSTEM-W, text`, `%SYSTEM-W-NOSUCHDEV`); with facility, severity and
 * identification all left out the text stands alone, without `%`; with everything left out the
 * message is not printed (null). A line that is not a message is returned as it is.
 */
export function formatMessageLine(line: string, format: MessageFormat): string | null {
  const match = MESSAGE_LINE.exec(line);
  if (match === null) return line;
  const [, marker, facility, severity, ident, text] = match as unknown as [string, string, string, string, string, string];
  const prefix = [format.facility ? facility : '', format.severity ? severity : '', format.identification ? ident : ''].filter((part) => part !== '');
  if (prefix.length === 0) return format.text ? text : null;
  return `${marker}${prefix.join('-')}${format.text ? `, ${text}` : ''}`;
}

/** Every message line of a command's output in the process's SET MESSAGE format. */
export function formatMessages(lines: string[], format: MessageFormat): string[] {
  if (format.facility && format.severity && format.identification && format.text) return lines;
  return lines.flatMap((line) => {
    const shown = formatMessageLine(line, format);
    return shown === null ? [] : [shown];
  });
}
