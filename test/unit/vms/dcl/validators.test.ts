import { describe, expect, it } from 'vitest';
import {
  assertQueueName,
  type Checked,
  checkAfterTime,
  checkDeviceName,
  checkDirectorySpec,
  checkEntryNumber,
  checkFileSpec,
  checkInteger,
  checkJobName,
  checkLogicalName,
  checkQueueName,
  checkTapeDevice,
  checkUserName,
  checkVolumeLabel,
  DclBuildError,
  type DclProblemCode,
} from '../../../../shared/vms/dcl';

function problemCode<T>(result: Checked<T>): DclProblemCode | 'ok' {
  return result.ok ? 'ok' : result.problem.code;
}

describe('queue, job, user and logical names', () => {
  it('accepts the names of the plan', () => {
    for (const name of ['TAPE_BACKUP', 'TIME_BLT4', 'SYS$BATCH', 'Q1']) expect(checkQueueName(name)).toEqual({ ok: true, value: name });
    for (const name of ['INITIALIZE_TAPES', 'TAPEOPS_1A2B', 'A'.repeat(39), '1']) expect(problemCode(checkJobName(name))).toBe('ok');
    for (const name of ['LEASE_BATCH', 'SYSTEM', 'A'.repeat(12)]) expect(problemCode(checkUserName(name))).toBe('ok');
    for (const name of ['LEASE_FILES', 'RDB1$DISK00', 'SYS$LOGIN', 'A'.repeat(255)]) expect(problemCode(checkLogicalName(name))).toBe('ok');
  });

  it.each([
    ['', 'empty'],
    ['tape_backup', 'lower-case'],
    ['Tape_Backup', 'lower-case'],
    ['TAPE BACKUP', 'bad-character'],
    ['TAPE_BACKUP/ALL', 'bad-character'],
    ['TAPE_BACKUP;DELETE', 'bad-character'],
    ['TAPE_BACKUP:', 'bad-character'],
    ['TAPE-BACKUP', 'bad-character'],
    ["TAPE'X'", 'bad-character'],
    ['TAPE\nBACKUP', 'bad-character'],
    ['TAPÉ', 'bad-character'],
    ['A'.repeat(32), 'too-long'],
    ['123', 'bad-syntax'],
  ] as const)('refuses the queue name %j (%s)', (name, code) => {
    const result = checkQueueName(name);
    expect(problemCode(result)).toBe(code);
    if (!result.ok) expect(result.problem.field).toBe('queue');
  });

  it('refuses over-long job and user names, and a logical name without a letter', () => {
    expect(problemCode(checkJobName('A'.repeat(40)))).toBe('too-long');
    expect(problemCode(checkUserName('A'.repeat(13)))).toBe('too-long');
    expect(problemCode(checkUserName('SYSTEM/PRIV'))).toBe('bad-character');
    expect(problemCode(checkLogicalName('A'.repeat(256)))).toBe('too-long');
    expect(problemCode(checkLogicalName('0123'))).toBe('bad-syntax');
  });

  it('refuses a value that is not text instead of throwing', () => {
    expect(problemCode(checkQueueName(undefined as unknown as string))).toBe('wrong-type');
    expect(problemCode(checkJobName(42 as unknown as string))).toBe('wrong-type');
  });

  it('names the field and the rule in the message, and writes control characters as escapes', () => {
    const result = checkQueueName('TAPE\x1b[2J', 'jobs[3].queue');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.field).toBe('jobs[3].queue');
    expect(result.problem.message).toContain('jobs[3].queue');
    expect(result.problem.message).toContain('\\u001b');
    expect(result.problem.message).not.toMatch(/[\x00-\x1f]/u);
  });

  it('throws a DclBuildError from the assert variant', () => {
    expect(assertQueueName('TAPE_BACKUP')).toBe('TAPE_BACKUP');
    expect(() => assertQueueName('TAPE BACKUP')).toThrow(DclBuildError);
    try {
      assertQueueName('TAPE BACKUP');
    } catch (error) {
      expect(error).toMatchObject({ code: 'bad-character', field: 'queue', name: 'DclBuildError' });
    }
  });
});

describe('device names', () => {
  it.each([
    ['$1$DGA15:', 'physical', 'DG'],
    ['MKA500:', 'physical', 'MK'],
    ['$2$MKA500:', 'physical', 'MK'],
    ['NODE1$DKA0:', 'physical', 'DK'],
    ['DISK$BACKUP_01:', 'logical', undefined],
    ['DISK$PROD_09:', 'logical', undefined],
    ['SYS$LOGIN:', 'logical', undefined],
  ] as const)('reads %s as a %s name', (name, kind, deviceType) => {
    const result = checkDeviceName(name);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.kind).toBe(kind);
    expect(result.value.deviceType).toBe(deviceType);
    expect(result.value.name).toBe(name);
  });

  it.each([
    ['', 'empty'],
    ['MKA500', 'bad-syntax'],
    ['MKA500::', 'bad-syntax'],
    ['NODE::MKA500:', 'bad-syntax'],
    ['MKA:500:', 'bad-syntax'],
    ['mka500:', 'lower-case'],
    ['$1$DGA15: /FOREIGN', 'bad-character'],
    ['$1$DGA15:/FOREIGN', 'bad-character'],
    ['MKA500:,DKA0:', 'bad-character'],
    ['[DIR]:', 'bad-character'],
    ['$300$MKA500:', 'out-of-range'],
    ['123:', 'bad-syntax'],
    [`${'A'.repeat(256)}:`, 'too-long'],
  ] as const)('refuses the device %j (%s)', (name, code) => {
    const result = checkDeviceName(name, 'drive');
    expect(problemCode(result)).toBe(code);
    if (!result.ok) expect(result.problem.field).toBe('drive');
  });

  it('tells a tape drive from a disk when the name is physical', () => {
    expect(problemCode(checkTapeDevice('MKA500:'))).toBe('ok');
    expect(problemCode(checkTapeDevice('$2$MUA0:'))).toBe('ok');
    expect(problemCode(checkTapeDevice('TAPE$DRIVE:'))).toBe('ok');
    expect(problemCode(checkTapeDevice('$1$DGA15:'))).toBe('not-a-tape-drive');
  });
});

describe('file and directory specifications', () => {
  it.each([
    'DISK$MENTAT:[USER_DIR.LEASE_BACKUP.COM]RMU_BACKUP_DATA.COM;12',
    'SYS$LOGIN:INITIALIZE_TAPES.COM',
    'USER_ROOT:[LEASE_BACKUP.COM]DAILY_BACKUP.COM',
    '$1$DGA15:[LEASE_FILES]X.DAT',
    '[.SUB]X.LOG',
    '[-]X.LOG;',
    'X.COM',
    'X',
    'MY-FILE.COM',
  ])('accepts the file %s', (spec) => {
    expect(checkFileSpec(spec)).toEqual({ ok: true, value: spec });
  });

  it.each([
    ['', 'empty'],
    ['USER_ROOT:[LEASE_BACKUP.COM]', 'bad-syntax'],
    ['X.COM X.COM', 'bad-character'],
    ['X.COM+Y.COM', 'bad-character'],
    ['X.COM,Y.COM', 'bad-character'],
    ['X.COM/QUEUE=SYS$BATCH', 'bad-character'],
    ['"X.COM"', 'bad-character'],
    ['NODE"USER PASS"::X.COM', 'bad-character'],
    ['NODE::X.COM', 'bad-syntax'],
    ['<DIR>X.COM', 'bad-character'],
    ['sys$login:x.com', 'lower-case'],
    ['*.COM', 'wildcard-not-allowed'],
    ['X.COM;*', 'wildcard-not-allowed'],
    ['[USER_DIR...]X.COM', 'wildcard-not-allowed'],
    ['X%.COM', 'wildcard-not-allowed'],
    ['X.COM;-1', 'bad-syntax'],
    ['X.COM;40000', 'bad-syntax'],
    ['X.Y.Z', 'bad-syntax'],
    ['X.COM-', 'bad-syntax'],
    ['[A..B]X.COM', 'bad-syntax'],
    ['[]X.COM', 'bad-syntax'],
    ['[A', 'bad-syntax'],
    ['X.COM[A]', 'bad-syntax'],
    [`${'N'.repeat(40)}.COM`, 'too-long'],
    [`[${'D'.repeat(40)}]X.COM`, 'too-long'],
    [`[${Array.from({ length: 30 }, () => 'DIRECTORY').join('.')}]X.COM`, 'too-long'],
    ['X.COM!', 'bad-character'],
    ['@X.COM', 'bad-character'],
    ['&X', 'bad-character'],
  ] as const)('refuses the file %j (%s)', (spec, code) => {
    const result = checkFileSpec(spec, 'procedure');
    expect(problemCode(result)).toBe(code);
    if (!result.ok) expect(result.problem.field).toBe('procedure');
  });

  it('takes wildcards only where the command allows them', () => {
    for (const spec of ['*.LOG;*', '[USER_DIR...]*.LOG', '[...]X.LOG', 'DISK$MENTAT:[USER_DIR.LEASECOMM]%%.LOG', '[*]*.*;*']) {
      expect(problemCode(checkFileSpec(spec, 'spec', { wildcards: true }))).toBe('ok');
    }
    expect(problemCode(checkFileSpec('[...', 'spec', { wildcards: true }))).toBe('bad-syntax');
  });

  it('reads directories', () => {
    for (const spec of ['USER_ROOT:[LEASE_BACKUP.COM]', 'DISK$MENTAT:[USER_DIR.LEASECOMM]', 'SYS$LOGIN:', '[.SUB]', '[-]', '[000000]']) {
      expect(problemCode(checkDirectorySpec(spec))).toBe('ok');
    }
    expect(problemCode(checkDirectorySpec('USER_ROOT'))).toBe('bad-syntax');
    expect(problemCode(checkDirectorySpec('USER_ROOT:[A]X.COM'))).toBe('bad-syntax');
    expect(problemCode(checkDirectorySpec('[*]'))).toBe('wildcard-not-allowed');
  });
});

describe('volume labels', () => {
  it('takes 1 to 6 letters and digits for a tape and 1 to 12 for a disk', () => {
    expect(problemCode(checkVolumeLabel('DAILY3'))).toBe('ok');
    expect(problemCode(checkVolumeLabel('100803', 'tape'))).toBe('ok');
    expect(problemCode(checkVolumeLabel('100803P', 'tape'))).toBe('too-long');
    expect(problemCode(checkVolumeLabel('DAILY 3', 'tape'))).toBe('bad-character');
    expect(problemCode(checkVolumeLabel('A_B', 'tape'))).toBe('bad-character');
    expect(problemCode(checkVolumeLabel('daily3', 'tape'))).toBe('lower-case');
    expect(problemCode(checkVolumeLabel('', 'tape'))).toBe('empty');
    expect(problemCode(checkVolumeLabel('BACKUP_01-A$', 'disk'))).toBe('ok');
    expect(problemCode(checkVolumeLabel('A'.repeat(13), 'disk'))).toBe('too-long');
    expect(problemCode(checkVolumeLabel('BACKUP-', 'disk'))).toBe('bad-syntax');
    expect(problemCode(checkVolumeLabel('"X"', 'disk'))).toBe('bad-character');
  });
});

describe('times for /AFTER', () => {
  it.each([
    ['12:00', '12:00'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['25-NOV-2026 12:00:00.00', '25-NOV-2026:12:00:00.00'],
    ['25-NOV-2026 12:00', '25-NOV-2026:12:00'],
    ['3-AUG-2010 13:15:03', '03-AUG-2010:13:15:03'],
    ['29-FEB-2028:06:05', '29-FEB-2028:06:05'],
  ])('writes %s as %s', (input, written) => {
    expect(checkAfterTime(input)).toEqual({ ok: true, value: written });
  });

  it.each([
    ['', 'empty'],
    ['TOMORROW', 'bad-syntax'],
    ['TODAY+1-', 'bad-syntax'],
    ['"+3"', 'bad-syntax'],
    ['+1:00', 'bad-syntax'],
    ['25-NOV-2026', 'bad-syntax'],
    ['12:00 /USER=SYSTEM', 'bad-syntax'],
    ['24:00', 'out-of-range'],
    ['12:60', 'out-of-range'],
    ['9:00', 'bad-syntax'],
    ['29-FEB-2026 12:00', 'out-of-range'],
    ['31-APR-2026 12:00', 'out-of-range'],
    ['25-nov-2026 12:00', 'lower-case'],
    ['25-XYZ-2026 12:00', 'bad-syntax'],
    ['25-NOV-1899 12:00', 'out-of-range'],
  ] as const)('refuses %j (%s)', (input, code) => {
    expect(problemCode(checkAfterTime(input))).toBe(code);
  });
});

describe('numbers', () => {
  it('takes entry numbers from 1 to 999999999', () => {
    expect(checkEntryNumber(1)).toEqual({ ok: true, value: 1 });
    expect(checkEntryNumber(999_999_999)).toEqual({ ok: true, value: 999_999_999 });
    expect(problemCode(checkEntryNumber(0))).toBe('out-of-range');
    expect(problemCode(checkEntryNumber(1_000_000_000))).toBe('out-of-range');
    expect(problemCode(checkEntryNumber(2.5))).toBe('bad-syntax');
    expect(problemCode(checkEntryNumber(Number.NaN))).toBe('bad-syntax');
    expect(problemCode(checkEntryNumber('5' as unknown as number))).toBe('wrong-type');
  });

  it('checks integers against a range', () => {
    expect(problemCode(checkInteger(80, { min: 1, max: 511 }))).toBe('ok');
    expect(problemCode(checkInteger(1e21, { min: 1, max: Number.MAX_VALUE }))).toBe('bad-syntax');
  });
});
