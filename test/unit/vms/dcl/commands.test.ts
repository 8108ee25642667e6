import { describe, expect, it } from 'vitest';
import {
  COMMAND_LINE_MAX_LENGTH,
  DclBuildError,
  deleteEntry,
  directory,
  dismountUnload,
  initialize,
  mountForeign,
  releaseEntry,
  setDefault,
  setPrompt,
  setTerminal,
  showDefault,
  showDevice,
  showEntry,
  showLogical,
  showQueue,
  showStatus,
  showTime,
  submit,
  type,
} from '../../../../shared/vms/dcl';
import { checkRetention, keepsEveryEnd, retentionAsked } from '../../../../shared/vms/dcl/retention';
import { expectSafeLine } from './dcl-line-reader';

function refusal(build: () => unknown): DclBuildError {
  try {
    build();
  } catch (error) {
    if (error instanceof DclBuildError) return error;
    throw error;
  }
  throw new Error('the builder did not refuse');
}

describe('submit', () => {
  it("writes the plan's tape initialisation as the plan writes it, with a unique name", () => {
    const { command } = submit({
      file: 'SYS$LOGIN:INITIALIZE_TAPES.COM',
      queue: 'TAPE_BACKUP',
      parameters: ['3'],
      name: 'TAPEOPS_1A2B',
      noPrinter: true,
      keep: true,
    });
    expect(command).toBe('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/NAME=TAPEOPS_1A2B/NOPRINTER/KEEP SYS$LOGIN:INITIALIZE_TAPES.COM');
    expectSafeLine(command, 'SUBMIT');
  });

  it('writes every qualifier in its fixed order, whatever the order of the options', () => {
    const { command } = submit({
      keep: true,
      noPrinter: true,
      logFile: 'DISK$MENTAT:[USER_DIR.LEASECOMM]',
      hold: true,
      after: '25-NOV-2026 12:00',
      user: 'LEASE_BATCH',
      name: 'TAPEOPS_RMU_BACKUP_DATA_0K3Z9Q',
      parameters: ['FULL', 'with space', 'a"b'],
      queue: 'TIME_BLT4',
      file: 'USER_ROOT:[LEASE_BACKUP.COM]RMU_BACKUP_DATA.COM;12',
    });
    expect(command).toBe(
      'SUBMIT/PARAMETER=("FULL","with space","a""b")/QUEUE=TIME_BLT4/NAME=TAPEOPS_RMU_BACKUP_DATA_0K3Z9Q' +
        '/USER=LEASE_BATCH/AFTER=25-NOV-2026:12:00/HOLD/LOG_FILE=DISK$MENTAT:[USER_DIR.LEASECOMM]/NOPRINTER/KEEP' +
        ' USER_ROOT:[LEASE_BACKUP.COM]RMU_BACKUP_DATA.COM;12',
    );
    expectSafeLine(command, 'SUBMIT');
  });

  it('writes the least: a queue and a file', () => {
    expect(submit({ file: 'USER_ROOT:[LEASE_BACKUP.COM]DAILY_BACKUP.COM', queue: 'TAPE_BACKUP' }).command).toBe(
      'SUBMIT/QUEUE=TAPE_BACKUP USER_ROOT:[LEASE_BACKUP.COM]DAILY_BACKUP.COM',
    );
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters: [] }).command).toBe('SUBMIT/QUEUE=Q1 X.COM');
  });

  it('writes only decimal digits bare; a sign, a letter, a space or an over-long number is quoted', () => {
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters: ['3', '03', '3A', '-3', ' 3', '12345678901'] }).command).toBe(
      'SUBMIT/PARAMETER=(3,03,"3A","-3"," 3","12345678901")/QUEUE=Q1 X.COM',
    );
  });

  it('writes an empty parameter as an empty quoted string', () => {
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters: ['', 'B'] }).command).toBe('SUBMIT/PARAMETER=("","B")/QUEUE=Q1 X.COM');
  });

  it('writes a time of day for /AFTER as it is, and a full time in the colon form', () => {
    expect(submit({ file: 'X.COM', queue: 'Q1', after: '12:00' }).command).toBe('SUBMIT/QUEUE=Q1/AFTER=12:00 X.COM');
    expect(submit({ file: 'X.COM', queue: 'Q1', after: '3-AUG-2010 13:15:03.65' }).command).toBe('SUBMIT/QUEUE=Q1/AFTER=03-AUG-2010:13:15:03.65 X.COM');
  });

  it('takes at most 8 parameters', () => {
    const parameters = ['1', 'B', '3', 'D', '5', 'F', '7', 'H'];
    expect(submit({ file: 'X.COM', queue: 'Q1', parameters }).command).toBe('SUBMIT/PARAMETER=(1,"B",3,"D",5,"F",7,"H")/QUEUE=Q1 X.COM');
    const error = refusal(() => submit({ file: 'X.COM', queue: 'Q1', parameters: [...parameters, '9'] }));
    expect(error.code).toBe('too-many-parameters');
    expect(error.field).toBe('parameters');
  });

  it(`refuses a line over ${COMMAND_LINE_MAX_LENGTH} characters, naming the limit`, () => {
    const parameters = ['A'.repeat(120), 'B'.repeat(120)];
    const error = refusal(() => submit({ file: 'X.COM', queue: 'Q1', parameters }));
    expect(error.code).toBe('line-too-long');
    expect(error.field).toBe('command');
    expect(error.message).toMatch(/at most 255/u);
  });

  it('accepts a line of exactly the limit', () => {
    const fixed = 'SUBMIT/PARAMETER=""/QUEUE=Q1'.length + ' X.COM'.length;
    const { command } = submit({ file: 'X.COM', queue: 'Q1', parameters: ['P'.repeat(COMMAND_LINE_MAX_LENGTH - fixed)] });
    expect(command.length).toBe(COMMAND_LINE_MAX_LENGTH);
  });
});

describe('queue and entry commands', () => {
  it('shows queues', () => {
    expect(showQueue().command).toBe('SHOW QUEUE');
    expect(showQueue({ queue: 'TAPE_BACKUP' }).command).toBe('SHOW QUEUE TAPE_BACKUP');
    expect(showQueue({ queue: 'TAPE_BACKUP', full: true, all: true, batch: true }).command).toBe('SHOW QUEUE/BATCH/ALL_JOBS/FULL TAPE_BACKUP');
  });

  it('shows, deletes and releases entries', () => {
    expect(showEntry().command).toBe('SHOW ENTRY');
    expect(showEntry({ entry: 1234, full: true }).command).toBe('SHOW ENTRY/FULL 1234');
    expect(deleteEntry(1234).command).toBe('DELETE/ENTRY=1234');
    expect(releaseEntry(999_999_999).command).toBe('SET ENTRY/RELEASE 999999999');
  });

  it('refuses an entry number that is not 1 to 999999999', () => {
    for (const entry of [0, -1, 1.5, 1_000_000_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = refusal(() => deleteEntry(entry));
      expect(error.field).toBe('entry');
    }
    expect(refusal(() => showEntry({ entry: '12 /ALL' as unknown as number })).code).toBe('wrong-type');
  });
});

describe('device commands', () => {
  it('shows devices', () => {
    expect(showDevice().command).toBe('SHOW DEVICE');
    expect(showDevice({ device: '$1$DGA15:', full: true }).command).toBe('SHOW DEVICE/FULL $1$DGA15:');
    expect(showDevice({ device: 'DISK$BACKUP_01:' }).command).toBe('SHOW DEVICE DISK$BACKUP_01:');
  });

  it('initialises, mounts and unloads a tape', () => {
    expect(initialize({ device: 'MKA500:', label: 'DAILY3' }).command).toBe('INITIALIZE MKA500: DAILY3');
    expect(mountForeign('$2$MKA500:').command).toBe('MOUNT/FOREIGN $2$MKA500:');
    expect(dismountUnload('MKA500:').command).toBe('DISMOUNT/UNLOAD MKA500:');
  });

  it('refuses a disk for the tape-only commands', () => {
    for (const build of [() => initialize({ device: '$1$DGA15:', label: 'X' }), () => mountForeign('DKA0:'), () => dismountUnload('$1$DGA15:')]) {
      const error = refusal(build);
      expect(error.code).toBe('not-a-tape-drive');
      expect(error.field).toBe('device');
    }
  });

  it('refuses a tape label longer than 6 characters, such as a 7-character Bill Run code', () => {
    const error = refusal(() => initialize({ device: 'MKA500:', label: '100803P' }));
    expect(error.code).toBe('too-long');
    expect(error.field).toBe('label');
  });
});

describe('file and session commands', () => {
  it('reviews logs as the plan does', () => {
    expect(setDefault('DISK$MENTAT:[USER_DIR.LEASECOMM]').command).toBe('SET DEFAULT DISK$MENTAT:[USER_DIR.LEASECOMM]');
    expect(directory({ date: true }).command).toBe('DIRECTORY/DATE');
    expect(directory({ spec: '*.LOG;*', size: true, date: true }).command).toBe('DIRECTORY/SIZE/DATE *.LOG;*');
    expect(directory({ spec: 'USER_ROOT:[LEASE_BACKUP.COM]' }).command).toBe('DIRECTORY USER_ROOT:[LEASE_BACKUP.COM]');
    expect(type('DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;3480').command).toBe('TYPE DISK$MENTAT:[USER_DIR.LEASECOMM]AUTHSEND.LOG;3480');
    expect(showDefault().command).toBe('SHOW DEFAULT');
  });

  it('refuses a wildcard for TYPE', () => {
    expect(refusal(() => type('*.LOG')).code).toBe('wildcard-not-allowed');
  });

  it('writes the fixed session commands', () => {
    expect(showTime().command).toBe('SHOW TIME');
    expect(showStatus().command).toBe('WRITE SYS$OUTPUT $STATUS');
    expect(showLogical('LEASE_FILES').command).toBe('SHOW LOGICAL LEASE_FILES');
    expect(showLogical('RDB1$DISK00').command).toBe('SHOW LOGICAL RDB1$DISK00');
    expect(showLogical('RDB1$DISK00', { full: true }).command).toBe('SHOW LOGICAL/FULL RDB1$DISK00');
  });

  it('sets the terminal', () => {
    expect(setTerminal({ width: 132, noPage: true, noEcho: true }).command).toBe('SET TERMINAL/WIDTH=132/PAGE=0/NOECHO');
    expect(setTerminal({ noBroadcast: true }).command).toBe('SET TERMINAL/NOBROADCAST');
    expect(setTerminal({ noEcho: false, noBroadcast: false }).command).toBe('SET TERMINAL/ECHO/BROADCAST');
    expect(setTerminal({ noEcho: false }).command).toBe('SET TERMINAL/ECHO');
    expect(refusal(() => setTerminal({})).code).toBe('nothing-to-do');
    expect(refusal(() => setTerminal({ width: 512 })).code).toBe('out-of-range');
  });

  it('sets a prompt in quotes, keeping its case and trailing space', () => {
    expect(setPrompt('TapeOps_1A2B> ').command).toBe('SET PROMPT="TapeOps_1A2B> "');
    expect(refusal(() => setPrompt('A"B')).code).toBe('bad-character');
    expect(refusal(() => setPrompt('X'.repeat(33))).code).toBe('too-long');
    expect(refusal(() => setPrompt('')).code).toBe('empty');
  });

  it('emits only safe lines', () => {
    const lines: [string, string][] = [
      [showQueue({ queue: 'TAPE_BACKUP', all: true }).command, 'SHOW QUEUE'],
      [showEntry({ entry: 7 }).command, 'SHOW ENTRY'],
      [deleteEntry(7).command, 'DELETE'],
      [releaseEntry(7).command, 'SET ENTRY'],
      [showDevice({ device: 'MKA500:' }).command, 'SHOW DEVICE'],
      [initialize({ device: 'MKA500:', label: 'A1' }).command, 'INITIALIZE'],
      [mountForeign('MKA500:').command, 'MOUNT'],
      [dismountUnload('MKA500:').command, 'DISMOUNT'],
      [directory({ spec: '[...]*.LOG;*' }).command, 'DIRECTORY'],
      [type('X.LOG').command, 'TYPE'],
      [setDefault('[-]').command, 'SET DEFAULT'],
      [showStatus().command, 'WRITE'],
      [setTerminal({ width: 80 }).command, 'SET TERMINAL'],
      [setPrompt('TAPEOPS> ').command, 'SET PROMPT'],
    ];
    for (const [line, verb] of lines) expectSafeLine(line, verb);
  });
});

describe('submit /RETAIN', () => {
  it('writes /RETAIN after /QUEUE and before /NAME, whatever the order of the options', () => {
    const { command } = submit({ name: 'TAPEOPS_X_1', retain: { until: '1-00:00:00' }, queue: 'TAPE_BACKUP', parameters: ['3'], file: 'SYS$LOGIN:INITIALIZE_TAPES.COM' });
    expect(command).toBe('SUBMIT/PARAMETER=3/QUEUE=TAPE_BACKUP/RETAIN=UNTIL=1-00:00:00/NAME=TAPEOPS_X_1 SYS$LOGIN:INITIALIZE_TAPES.COM');
    expectSafeLine(command, 'SUBMIT');
    for (const retain of ['ALWAYS', 'DEFAULT', 'ERROR'] as const)
      expect(submit({ file: 'X.COM', queue: 'Q1', retain }).command).toBe(`SUBMIT/QUEUE=Q1/RETAIN=${retain} X.COM`);
  });

  it('takes an UNTIL delta with its days, or an absolute time, and writes the absolute one without quotes', () => {
    expect(checkRetention({ until: '0-03:00' })).toEqual({ ok: true, value: 'UNTIL=0-03:00' });
    expect(checkRetention({ until: '2-12:30:15.50' })).toEqual({ ok: true, value: 'UNTIL=2-12:30:15.50' });
    expect(checkRetention({ until: '26-NOV-2026 07:00' })).toEqual({ ok: true, value: 'UNTIL=26-NOV-2026:07:00' });
  });

  it('refuses an UNTIL time it could not be sure DCL reads as meant, naming the field', () => {
    // "3:00" would be three hours to DCL (a delta is tried first), not three o'clock
    for (const until of ['3:00', '+1-00:00', 'TOMORROW', '1-24:00', '1-', '', '26-nov-2026 07:00', '31-FEB-2026 07:00', '1-00:00 !']) {
      const checked = checkRetention({ until });
      expect(checked.ok, until).toBe(false);
      if (!checked.ok) expect(checked.problem.field, until).toBe('retain.until');
    }
    expect(checkRetention('SOMETIMES' as never)).toMatchObject({ ok: false, problem: { code: 'wrong-type', field: 'retain' } });
    expect(() => submit({ file: 'X.COM', queue: 'Q1', retain: { until: '3:00' } })).toThrow(DclBuildError);
  });

  it('reads back what a SUBMIT line asked, abbreviated or not', () => {
    expect(retentionAsked('SUBMIT/QUEUE=Q1/RETAIN=UNTIL=1-00:00:00/NAME=X X.COM')).toBe('until');
    expect(retentionAsked('SUBMIT/QUEUE=Q1/RET=ALW X.COM')).toBe('always');
    expect(retentionAsked('submit/queue=q1/retain=error x.com')).toBe('error');
    expect(retentionAsked('SUBMIT/QUEUE=Q1/RETAIN=DEFAULT X.COM')).toBe('default');
    expect(retentionAsked('SUBMIT/QUEUE=Q1/NAME=X X.COM')).toBe('none');
    expect(retentionAsked(submit({ file: 'X.COM', queue: 'Q1', parameters: ['/RETAIN=ALWAYS'] }).command)).toBe('none');
    expect(['always', 'until'].map((a) => keepsEveryEnd(a as never))).toEqual([true, true]);
    expect(['error', 'default', 'none'].map((a) => keepsEveryEnd(a as never))).toEqual([false, false, false]);
  });
});
