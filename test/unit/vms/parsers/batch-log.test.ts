import { describe, expect, it } from 'vitest';
import { messageCode } from '../../../../shared/vms/messages';
import { parseBatchLog, type BatchLog } from '../../../../shared/vms/parsers/batch-log';
import { fixture } from './fixtures';

function log(name: string): BatchLog {
  const result = parseBatchLog(fixture('batch-log', name));
  if (!result.ok || result.refused) throw new Error(`expected a log from ${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('parseBatchLog', () => {
  it('reads the daily backup: commands joined across "-" lines, warnings only, the trailer', () => {
    const daily = log('daily-backup-warnings.txt');
    expect(daily.commands[0]).toEqual({ text: '$ Set NoOn', verb: 'SET', line: 1, endLine: 1 });
    expect(daily.commands[2]).toMatchObject({ verb: null, line: 3 });
    const saveset = daily.commands.find((command) => command.line === 7);
    expect(saveset).toEqual({
      text: '$ BACKUP/IGNORE=INTERLOCK/RECORD/SINCE=BACKUP LEASE_FILES:*.*;*,LEASE_AMORT_FILES:*.*;* DISK$BACKUP_01:[LEASE_BACKUP]LEASE_FILES_BACKUP.INC/SAVE_SET',
      verb: 'BACKUP',
      line: 7,
      endLine: 9,
    });
    expect(daily.commands.map((command) => command.verb)).toContain('DISMOUNT');
    expect(daily.worstSeverity).toBe('W');
    expect(daily.severe).toEqual([]);
    expect(daily.messages.filter((message) => message.ident === 'ACCONFLICT').map((message) => message.line)).toEqual([16, 18]);
    expect(daily.messages[0]).toMatchObject({ facility: 'MOUNT', severity: 'I', ident: 'MOUNTED', line: 12 });
  });

  it('says which command each message followed', () => {
    const daily = log('daily-backup-warnings.txt');
    const conflict = daily.messages.find((message) => message.ident === 'ACCONFLICT');
    expect(daily.commands[conflict?.command ?? -1]?.text).toContain('DISK$MENTAT:[000000...]');
  });

  it('reads the accounting trailer', () => {
    expect(log('daily-backup-warnings.txt').trailer).toEqual({
      username: 'LEASE_BATCH',
      terminatedAt: { text: '25-NOV-2026 07:01:00.43', iso: '2026-11-25T07:01:00.430' },
      accounting: {
        bufferedIo: 2718,
        directIo: 193457,
        pageFaults: 9921,
        peakWorkingSet: 14032,
        peakPageFile: 181616,
        peakVirtualSize: null,
        mountedVolumes: 1,
        chargedCpu: { text: '0 00:04:11.87', milliseconds: 251870 },
        elapsed: { text: '0 00:55:59.12', milliseconds: 3359120 },
        fields: {
          'Buffered I/O count': '2718',
          'Peak working set size': '14032',
          'Direct I/O count': '193457',
          'Peak page file size': '181616',
          'Page faults': '9921',
          'Mounted volumes': '1',
          'Charged CPU time': '0 00:04:11.87',
          'Elapsed time': '0 00:55:59.12',
        },
        layout: 'vax',
      },
      ending: 'job terminated',
      complete: true,
      line: 31,
      endLine: 37,
    });
  });

  it("reads the plan's device-full failure: F severity, the RMS reason as a continuation (CRLF)", () => {
    const failed = log('rmu-backup-document-device-full.txt');
    expect(failed.worstSeverity).toBe('F');
    expect(failed.severe.map(messageCode)).toEqual(['RMU-F-WRITEERR', 'RMU-F-FATALERR', 'RMU-F-FTL_BCK']);
    expect(failed.severe[0]).toMatchObject({ line: 6, command: 3, continuation: [{ facility: 'RMS', severity: 'F', ident: 'FUL', line: 7 }] });
    expect(failed.commands[3]?.verb).toBe('RMU');
    expect(failed.trailer).toMatchObject({ username: 'LEASE_BATCH', complete: true, accounting: { elapsed: { text: '0 01:15:33.30' } } });
  });

  it('reads a log still being written: no trailer yet', () => {
    const running = log('consolidated-running.txt');
    expect(running.trailer).toBeNull();
    expect(running.commands[running.commands.length - 1]).toMatchObject({ verb: 'BACKUP', line: 10, endLine: 11 });
    expect(running.worstSeverity).toBe('I');
  });

  it("reads another site's log: a banner line, a label, a _$ continuation, an E message", () => {
    const archive = log('other-site-archive.txt');
    expect(archive.banner).toEqual(['***  ZEUS cluster -- authorised use only  ***']);
    expect(archive.commands.map((command) => command.verb)).toEqual(['SET', null, 'RUN', 'COPY', '@', 'EXIT']);
    expect(archive.commands[3]?.text).toBe('$ COPY ARCHIVE$DATA:*.DAT;* USR$DISK:[ARCHIVE.OLD]');
    expect(archive.worstSeverity).toBe('E');
    expect(archive.severe).toMatchObject([{ facility: 'COPY', ident: 'OPENIN', continuation: [{ ident: 'FLK' }] }]);
    expect(archive.messages.find((message) => message.ident === 'NOTCMPLT')?.severity).toBe('W');
    expect(archive.trailer?.username).toBe('KOWALSKI');
  });

  it('a log of messages only is still a log', () => {
    expect(parseBatchLog('%RMU-F-FATALERR, fatal error on BACKUP\n')).toMatchObject({ ok: true, refused: false, value: { worstSeverity: 'F', commands: [] } });
  });

  it('reads a trailer cut short as incomplete', () => {
    const text = fixture('batch-log', 'daily-backup-warnings.txt').split('\n').slice(0, 35).join('\n');
    expect(parseBatchLog(text)).toMatchObject({ ok: true, value: { trailer: { complete: false, accounting: { bufferedIo: 2718, elapsed: null } } } });
  });

  describe('unreadable trailer', () => {
    it('a termination time that is not a time', () => {
      const text = fixture('batch-log', 'daily-backup-warnings.txt').replace('terminated at 25-NOV-2026', 'terminated at 25-NOB-2026');
      expect(parseBatchLog(text)).toMatchObject({ ok: false, error: { line: 31, expected: 'a time after "job terminated at", such as 25-NOV-2026 07:01:00.43' } });
    });

    it('an accounting line that is not one', () => {
      const text = fixture('batch-log', 'daily-backup-warnings.txt').replace('Page faults:                   9921', 'Page faults:                   99x1');
      expect(parseBatchLog(text)).toMatchObject({ ok: false, error: { line: 36, expected: expect.stringContaining('an accounting line') } });
    });

    it('no "Accounting information:" heading', () => {
      const text = fixture('batch-log', 'daily-backup-warnings.txt').replace('  Accounting information:', '  Something else:');
      expect(parseBatchLog(text)).toMatchObject({ ok: false, error: { line: 33, text: '  Something else:' } });
    });
  });
});
