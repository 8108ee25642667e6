/**
 * Hostile input in every field of every builder: each is refused with a DclBuildError naming the
 * field, or, where the field is a quoted string value, written inertly inside one quoted string.
 */
import { describe, expect, it } from 'vitest';
import {
  attempt,
  type DclCommand,
  deleteEntry,
  directory,
  dismountUnload,
  initialize,
  mountForeign,
  setDefault,
  setPrompt,
  showDevice,
  showEntry,
  showLogical,
  showQueue,
  submit,
  submitJob,
  type,
} from '../../../../shared/vms/dcl';
import { expectSafeLine, parameterBlock, readLine, unquote } from './dcl-line-reader';

const CORPUS: readonly string[] = [
  "'",
  "''X'",
  "'F$VERIFY(1)'",
  "X'Y",
  'a"b',
  '"',
  '""',
  '"/USER=SYSTEM"',
  '!',
  'X ! comment',
  '-',
  'X -',
  'X-',
  '/QUEUE=SYS$BATCH',
  'X/QUEUE=SYS$BATCH',
  '/USER=SYSTEM',
  'TAPE_BACKUP/USER=SYSTEM',
  '@SYS$LOGIN:X',
  '@X',
  '&X',
  'X\n$ DELETE *.*;*',
  'X\r\n$ DELETE *.*;*',
  '$ DELETE *.*;*',
  'PIPE',
  'PIPE SHOW TIME | TYPE SYS$INPUT',
  'X | Y',
  'X\r',
  'X\n',
  'X\x00',
  '\x1b[2J',
  '\x7f',
  'X\t',
  'é',
  'TAPÉ',
  '\u2028',
  '\u{1F4BE}',
  'A'.repeat(256),
  'TAPE_BACKUP/ALL',
  'TAPE BACKUP',
  'TAPE_BACKUP;DELETE',
  'A'.repeat(40),
  '$1$DGA15: /FOREIGN',
  '$1$DGA15:/FOREIGN',
  'X.COM X.COM',
  'X.COM+Y.COM',
  'X.COM,Y.COM',
  'X.COM/NOLOG',
  'NODE"USER PASSWORD"::X.COM',
  'NODE::X.COM',
  '(X)',
  'X=Y',
  '<DIR>X.COM',
  'x.com',
  '',
];

interface Slot {
  field: string;
  /** How the value is written when accepted: inside one quoted string, or as a checked name. */
  quoted: boolean;
  verb: string;
  build: (value: string) => DclCommand;
}

const SLOTS: readonly Slot[] = [
  { field: 'parameters[0]', quoted: true, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', parameters: [v] }) },
  { field: 'parameters[7]', quoted: true, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', parameters: ['1', '2', '3', '4', '5', '6', '7', v] }) },
  { field: 'prompt', quoted: true, verb: 'SET PROMPT', build: (v) => setPrompt(v) },
  { field: 'queue', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: v }) },
  { field: 'queue', quoted: false, verb: 'SHOW QUEUE', build: (v) => showQueue({ queue: v }) },
  { field: 'file', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: v, queue: 'Q1' }) },
  { field: 'name', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', name: v }) },
  { field: 'user', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', user: v }) },
  { field: 'after', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', after: v }) },
  { field: 'logFile', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', logFile: v }) },
  { field: 'retain.until', quoted: false, verb: 'SUBMIT', build: (v) => submit({ file: 'X.COM', queue: 'Q1', retain: { until: v } }) },
  { field: 'device', quoted: false, verb: 'SHOW DEVICE', build: (v) => showDevice({ device: v }) },
  { field: 'device', quoted: false, verb: 'INITIALIZE', build: (v) => initialize({ device: v, label: 'A1' }) },
  { field: 'label', quoted: false, verb: 'INITIALIZE', build: (v) => initialize({ device: 'MKA500:', label: v }) },
  { field: 'device', quoted: false, verb: 'MOUNT', build: (v) => mountForeign(v) },
  { field: 'device', quoted: false, verb: 'DISMOUNT', build: (v) => dismountUnload(v) },
  { field: 'name', quoted: false, verb: 'SHOW LOGICAL', build: (v) => showLogical(v) },
  { field: 'spec', quoted: false, verb: 'DIRECTORY', build: (v) => directory({ spec: v }) },
  { field: 'file', quoted: false, verb: 'TYPE', build: (v) => type(v) },
  { field: 'directory', quoted: false, verb: 'SET DEFAULT', build: (v) => setDefault(v) },
  { field: 'entry', quoted: false, verb: 'SHOW ENTRY', build: (v) => showEntry({ entry: v as unknown as number }) },
  { field: 'entry', quoted: false, verb: 'DELETE', build: (v) => deleteEntry(v as unknown as number) },
];

describe('the injection corpus', () => {
  for (const slot of SLOTS) {
    it(`lets nothing through ${slot.verb} ${slot.field}`, () => {
      for (const value of CORPUS) {
        const result = attempt(() => slot.build(value));
        if (!result.ok) {
          expect(result.problem.field, `${JSON.stringify(value)} refused for the wrong field`).toBe(slot.field);
          expect(result.problem.code).not.toBe('unsafe-line');
          continue;
        }
        const { command } = result.value;
        expectSafeLine(command, slot.verb);
        if (slot.quoted) {
          // the value is inside exactly one quoted string and comes back whole
          const inQuotes = readLine(command).quoted.map(unquote);
          expect(inQuotes).toContain(value);
        } else {
          // an unquoted value is written only when it already is plain DCL syntax
          expect(value).toMatch(/^[A-Z0-9$_:;.[\]*%-]+$/u);
        }
      }
    });
  }

  it('writes every hostile value the parameters accept inertly, and refuses the rest naming the parameter', () => {
    const refused: string[] = [];
    for (const value of CORPUS) {
      const result = attempt(() => submit({ file: 'X.COM', queue: 'Q1', parameters: ['A', value] }));
      if (result.ok) {
        expect(parameterBlock(result.value.command)).toEqual(['A', value]);
      } else {
        expect(result.problem.field).toBe('parameters[1]');
        refused.push(value);
      }
    }
    // exactly the apostrophes, control characters, non-ASCII and the over-long value are refused
    expect(refused).toEqual(CORPUS.filter((v) => /[^\x20-\x7e]|'/u.test(v) || v.length > 255));
  });

  it('refuses 9 parameters', () => {
    const result = attempt(() => submit({ file: 'X.COM', queue: 'Q1', parameters: Array.from({ length: 9 }, () => 'X') }));
    expect(result.ok ? 'ok' : result.problem.code).toBe('too-many-parameters');
  });

  it('quotes a quotation mark by doubling it', () => {
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters: ['a"b'] }).command).toBe('SUBMIT/PARAMETER="a""b"/QUEUE=Q1 X.COM');
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters: ['"/USER=SYSTEM"'] }).command).toBe('SUBMIT/PARAMETER="""/USER=SYSTEM"""/QUEUE=Q1 X.COM');
  });

  it('refuses hostile job fields in the profile-level helper, naming the field', () => {
    const job = { name: 'INITIALIZE_TAPES', procedure: 'SYS$LOGIN:INITIALIZE_TAPES.COM', queue: 'TAPE_BACKUP', parameters: ['3'] };
    const fieldOf = (build: () => unknown) => {
      const result = attempt(build);
      return result.ok ? 'ok' : result.problem.field;
    };
    expect(fieldOf(() => submitJob({ ...job, queue: 'TAPE_BACKUP/USER=SYSTEM' }, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' }))).toBe('queue');
    expect(fieldOf(() => submitJob({ ...job, procedure: '@X.COM' }, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' }))).toBe('procedure');
    expect(fieldOf(() => submitJob({ ...job, name: 'X Y' }, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' }))).toBe('name');
    expect(fieldOf(() => submitJob({ ...job, parameters: ["''P1'"] }, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH' }))).toBe('parameters[0]');
    expect(fieldOf(() => submitJob(job, { uniquePart: '1A2B3C/X', batchUser: 'LEASE_BATCH' }))).toBe('uniquePart');
    // the batch user goes into /USER of every job outside SYS$LOGIN:
    const backup = { ...job, procedure: 'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]INITIALIZE_TAPES.COM' };
    expect(fieldOf(() => submitJob(backup, { uniquePart: '1A2B3C', batchUser: 'SYSTEM /PRIV' }))).toBe('user');
    expect(fieldOf(() => submitJob(backup, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH/QUEUE=SYS$BATCH' }))).toBe('user');
    expect(fieldOf(() => submitJob({ ...job, procedure: 'X.COM' }, { uniquePart: '1A2B3C', batchUser: 'LEASE_BATCH', proceduresDirectory: 'A:[B] /X' }))).toBe(
      'proceduresDirectory',
    );
  });
});
